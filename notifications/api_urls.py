from notifications import api
from rainbow_admin.api.routes import api_routes

urlpatterns = api_routes(
    ("notifications/", api.NotificationsView, "api-notifications"),
    ("notifications/read-all/", api.NotificationsReadAllView, "api-notifications-read-all"),
    (
        "notifications/<str:notification_id>/read/",
        api.NotificationReadView,
        "api-notification-read",
    ),
    ("activity/", api.ActivityView, "api-activity"),
)
