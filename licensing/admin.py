from django.contrib import admin

from licensing.models import LicenseAssignment, Offer, Subscription


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "exclusive", "free", "position")
    readonly_fields = ("code",)

    def has_add_permission(self, request) -> bool:
        return False  # the catalogue comes from a migration

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Subscription)
class SubscriptionAdmin(admin.ModelAdmin):
    """Read-only: changes go through the API or the pages, which check the rules."""

    list_display = ("company", "offer", "quantity", "billing", "status", "reseller", "created_at")
    list_filter = ("status", "billing", "offer")
    search_fields = ("company__name", "purchase_order")
    list_select_related = ("company", "offer", "reseller")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LicenseAssignment)
class LicenseAssignmentAdmin(admin.ModelAdmin):
    list_display = ("user", "offer", "subscription", "assigned_at")
    list_select_related = ("user", "offer", "subscription__company")
    search_fields = ("user__email", "user__name")

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
