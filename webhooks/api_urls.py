from django.urls import path

from webhooks import api

urlpatterns = [
    path("webhooks/", api.WebhooksView.as_view(), name="api-webhooks"),
    path("webhooks/<str:webhook_id>/", api.WebhookView.as_view(), name="api-webhook"),
    path("webhooks/<str:webhook_id>/ping/", api.WebhookPingView.as_view(), name="api-webhook-ping"),
    path(
        "webhooks/<str:webhook_id>/rotate-secret/",
        api.WebhookRotateSecretView.as_view(),
        name="api-webhook-rotate-secret",
    ),
    path(
        "webhooks/<str:webhook_id>/deliveries/",
        api.DeliveriesView.as_view(),
        name="api-webhook-deliveries",
    ),
    path(
        "webhooks/<str:webhook_id>/deliveries/<str:delivery_id>/redeliver/",
        api.RedeliverView.as_view(),
        name="api-webhook-redeliver",
    ),
]
