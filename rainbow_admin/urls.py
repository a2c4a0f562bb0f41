from django.contrib import admin
from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerSplitView

from notifications import views as notification_views
from rainbow_admin import views

urlpatterns = [
    path("", views.home, name="home"),
    path("healthz", views.healthz, name="healthz"),
    path("dashboard/", views.dashboard, name="dashboard"),
    # The operators' email preview, behind the admin's sign-in (staff only).
    path(
        "admin/emails/",
        admin.site.admin_view(notification_views.email_previews),
        name="email_previews",
    ),
    path(
        "admin/emails/<slug:kind>/<slug:language>/",
        admin.site.admin_view(notification_views.email_preview),
        name="email_preview",
    ),
    path(
        "admin/emails/<slug:kind>/<slug:language>/html/",
        admin.site.admin_view(notification_views.email_preview_html),
        name="email_preview_html",
    ),
    path("admin/", admin.site.urls),
    path("api/v1/", include("rainbow_admin.api.urls")),
    path("api/schema/", SpectacularAPIView.as_view(), name="api-schema"),
    path("api/docs/", SpectacularSwaggerSplitView.as_view(url_name="api-schema"), name="api-docs"),
    re_path(r"^api/", views.not_found),
    path("", include("companies.urls")),
    path("", include("rainbow_admin.members.urls")),
    path("", include("notifications.urls")),
    path("", include("partners.urls")),
    path("", include("telephony.urls")),
    path("", include("licensing.urls")),
    path("", include("webhooks.urls")),
]

handler400 = "rainbow_admin.views.bad_request"
handler404 = "rainbow_admin.views.not_found"
handler500 = "rainbow_admin.views.server_error"
