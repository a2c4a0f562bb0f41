"""Operators see companies' endpoints (read-only: changes go through the portal, whose services
keep the egress rules and the secrets; the delivery log is on the company's Webhooks page)."""

from django.contrib import admin

from rainbow_admin.admin_scale import BigTableAdmin
from webhooks.models import Endpoint


@admin.register(Endpoint)
class EndpointAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("url", "company", "active", "disabled_at", "created_at")
    list_filter = ("active",)
    list_select_related = ("company",)
    raw_id_fields = ("company",)
    search_fields = ("url",)
    exclude = ("secret", "previous_secret")
    readonly_fields = (
        "company",
        "url",
        "events",
        "description",
        "active",
        "failing_since",
        "disabled_at",
        "created_at",
        "updated_at",
        "previous_secret_expires_at",
    )

    def has_add_permission(self, request) -> bool:
        return False
