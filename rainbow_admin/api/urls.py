"""The API router: each app's ``api_urls`` under ``/api/v1/``."""

from django.urls import include, path

urlpatterns = [
    path("", include("companies.api_urls")),
    path("", include("rainbow_admin.members.api_urls")),
    path("", include("notifications.api_urls")),
    path("", include("partners.api_urls")),
    path("", include("telephony.api_urls")),
    path("", include("licensing.api_urls")),
    path("", include("webhooks.api_urls")),
]
