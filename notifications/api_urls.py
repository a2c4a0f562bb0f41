from django.urls import path

from notifications import api

urlpatterns = [
    path("notifications/", api.NotificationsView.as_view(), name="api-notifications"),
    path(
        "notifications/read-all/",
        api.NotificationsReadAllView.as_view(),
        name="api-notifications-read-all",
    ),
    path(
        "notifications/<str:notification_id>/read/",
        api.NotificationReadView.as_view(),
        name="api-notification-read",
    ),
    path("activity/", api.ActivityView.as_view(), name="api-activity"),
]
