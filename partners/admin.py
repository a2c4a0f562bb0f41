from django.contrib import admin

from partners.models import Invitation, PartnerLink, PartnerMessage


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = (
        "from_company",
        "to_company",
        "status",
        "created_at",
        "expires_at",
        "sent_count",
    )
    list_filter = ("status",)
    list_select_related = ("from_company", "to_company")
    readonly_fields = ("token_hash",)


@admin.register(PartnerLink)
class PartnerLinkAdmin(admin.ModelAdmin):
    list_display = ("company", "partner", "scope_licensing", "scope_telephony", "since", "ended_at")
    list_select_related = ("company", "partner")


@admin.register(PartnerMessage)
class PartnerMessageAdmin(admin.ModelAdmin):
    list_display = ("company", "partner", "author_name", "created_at")
    list_select_related = ("company", "partner")
    readonly_fields = [f.name for f in PartnerMessage._meta.fields]
