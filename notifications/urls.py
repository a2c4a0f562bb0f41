from django.urls import path

from notifications import views

urlpatterns = [
    path("notifications/", views.notification_list, name="notifications"),
    path(
        "notifications/<uuid:notification_id>/open/",
        views.notification_open,
        name="notification_open",
    ),
    path("notifications/read-all/", views.notifications_read_all, name="notifications_read_all"),
    path("activity/", views.activity, name="activity"),
]
