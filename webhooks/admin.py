"""Operators see endpoints and the delivery log (read-only: changes go through the portal, whose
services keep the egress rules and the secrets)."""

from django.contrib import admin

from webhooks.models import Delivery, Endpoint


@admin.register(Endpoint)
class EndpointAdmin(admin.ModelAdmin):
    list_display = ("url", "company", "active", "disabled_at", "created_at")
    list_filter = ("active",)
    list_select_related = ("company",)
    raw_id_fields = ("company",)
    search_fields = ("url",)
    show_full_result_count = False
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


@admin.register(Delivery)
class DeliveryAdmin(admin.ModelAdmin):
    list_display = ("event", "endpoint", "status", "attempts", "response_status", "created_at")
    list_filter = ("status",)
    list_select_related = ("event", "endpoint")
    raw_id_fields = ("endpoint", "event")
    show_full_result_count = False
    readonly_fields = [f.name for f in Delivery._meta.fields]

    def has_add_permission(self, request) -> bool:
        return False
