from django.contrib import admin

from licensing.models import LicenseAssignment, Offer, Subscription
from rainbow_admin.admin_scale import (
    BigTableAdmin,
    people_by_prefix,
    rows_of_companies,
    searched_ordering,
)


@admin.register(Offer)
class OfferAdmin(admin.ModelAdmin):
    list_display = ("code", "name", "exclusive", "free", "position")
    readonly_fields = ("code",)

    def has_add_permission(self, request) -> bool:
        return False  # the catalogue comes from a migration

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Subscription)
class SubscriptionAdmin(BigTableAdmin, admin.ModelAdmin):
    """Read-only: changes go through the API or the pages, which check the rules."""

    list_display = ("company", "offer", "quantity", "billing", "status", "reseller", "created_at")
    list_filter = ("status", "billing", "offer")
    # By the name prefix of the company or its reseller (get_search_results).
    search_fields = ("^company__name", "^reseller__name")
    list_select_related = ("company", "offer", "reseller")
    raw_id_fields = ("company", "reseller", "subscribed_by", "terminated_by")
    ordering = ("-created_at", "-id")

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return rows_of_companies(queryset, search_term, ("company", "reseller")), False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(LicenseAssignment)
class LicenseAssignmentAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("user", "offer", "subscription", "assigned_at")
    list_select_related = ("user", "offer", "subscription__company", "subscription__offer")
    # By the holder's email or name prefix (get_search_results).
    search_fields = ("^user__email", "^user__name")
    raw_id_fields = ("user", "subscription", "assigned_by")
    ordering = ("-assigned_at", "-id")

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return people_by_prefix(queryset, search_term, path="user"), False

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False
