from django.contrib import admin

from partners.models import Invitation, PartnerLink, PartnerMessage
from rainbow_admin.admin_scale import (
    BigTableAdmin,
    rows_of_companies,
    searched_ordering,
)


@admin.register(Invitation)
class InvitationAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = (
        "from_company",
        "to_company",
        "to_email",
        "status",
        "created_at",
        "expires_at",
        "sent_count",
    )
    list_filter = ("status",)
    list_select_related = ("from_company", "to_company")
    readonly_fields = ("token_hash",)
    # By the name prefix of either company (get_search_results).
    search_fields = ("^from_company__name", "^to_company__name")
    raw_id_fields = ("from_company", "to_company", "created_by", "responded_by")
    ordering = ("-created_at", "-id")

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        fields = ("from_company", "to_company")
        return rows_of_companies(queryset, search_term, fields), False


@admin.register(PartnerLink)
class PartnerLinkAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("company", "partner", "scope_licensing", "scope_telephony", "since", "ended_at")
    list_select_related = ("company", "partner")
    # By the name prefix of the company or its partner (get_search_results).
    search_fields = ("^company__name", "^partner__name")
    raw_id_fields = ("company", "partner", "invitation", "ended_by")
    ordering = ("-since", "-id")

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return rows_of_companies(queryset, search_term, ("company", "partner")), False


@admin.register(PartnerMessage)
class PartnerMessageAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("company", "partner", "author_name", "created_at")
    list_select_related = ("company", "partner")
    readonly_fields = [f.name for f in PartnerMessage._meta.fields]
