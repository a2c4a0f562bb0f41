from django.contrib import admin

from notifications.models import ActivityRecord, Notification, OutboundEmail
from rainbow_admin.admin_scale import (
    BigTableAdmin,
    emails_by_recipient_prefix,
    people_by_prefix,
    rows_of_companies,
    searched_ordering,
)


@admin.register(OutboundEmail)
class OutboundEmailAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("subject", "to", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status",)
    # By the recipient's address prefix (get_search_results).
    search_fields = ("^to",)
    ordering = ("-created_at", "-id")

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return emails_by_recipient_prefix(queryset, search_term), False

    # No body: a queued email's links work (password reset, activation, partner requests), and
    # an operator must not be able to take over an account by asking for its reset and reading it.
    exclude = ("body_text", "body_html")
    readonly_fields = [
        f.name for f in OutboundEmail._meta.fields if f.name not in ("body_text", "body_html")
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body_text", "body_html")


@admin.register(Notification)
class NotificationAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("text", "recipient", "created_at", "read_at")
    list_select_related = ("recipient",)
    # By the recipient's email or name prefix (get_search_results).
    search_fields = ("^recipient__email", "^recipient__name")
    raw_id_fields = ("recipient",)
    ordering = ("-created_at", "-id")

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return people_by_prefix(queryset, search_term, path="recipient"), False


@admin.register(ActivityRecord)
class ActivityRecordAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("text", "company", "actor_name", "created_at")
    list_select_related = ("company",)
    # By the company's name prefix (get_search_results).
    search_fields = ("^company__name",)
    raw_id_fields = ("company", "actor")
    ordering = ("-created_at", "-id")

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return rows_of_companies(queryset, search_term, ("company",)), False
