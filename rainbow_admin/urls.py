from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from rainbow_admin import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("dashboard/", views.dashboard, name="dashboard"),
    path("admin/", admin.site.urls),
    path("api/v1/", include("rainbow_admin.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^api/", views.not_found),
    path("", include("companies.urls")),
    path("", include("notifications.urls")),
    path("", include("partners.urls")),
    path("", include("telephony.urls")),
    path("", include("licensing.urls")),
    path("", include("webhooks.urls")),
]

handler404 = "rainbow_admin.views.not_found"
handler500 = "rainbow_admin.views.server_error"
