from django.urls import path

from webhooks import views

urlpatterns = [
    path("company/webhooks/", views.webhooks, name="webhooks"),
    path("company/webhooks/<str:webhook_id>/", views.webhook_detail, name="webhook_detail"),
    path("company/webhooks/<str:webhook_id>/ping/", views.webhook_ping, name="webhook_ping"),
    path(
        "company/webhooks/<str:webhook_id>/rotate-secret/",
        views.webhook_rotate_secret,
        name="webhook_rotate_secret",
    ),
    path("company/webhooks/<str:webhook_id>/delete/", views.webhook_delete, name="webhook_delete"),
    path(
        "company/webhooks/<str:webhook_id>/deliveries/<str:delivery_id>/redeliver/",
        views.delivery_redeliver,
        name="webhook_redeliver",
    ),
]
