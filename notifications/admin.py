from django.contrib import admin

from notifications.models import ActivityRecord, Notification, OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ("subject", "to", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "topic")
    search_fields = ("to", "subject")
    # No body: a queued email's links work (password reset, activation, partner requests), and
    # an operator must not be able to take over an account by asking for its reset and reading it.
    exclude = ("body_text", "body_html")
    readonly_fields = [
        f.name for f in OutboundEmail._meta.fields if f.name not in ("body_text", "body_html")
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body_text", "body_html")


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("text", "recipient", "created_at", "read_at")
    list_select_related = ("recipient",)


@admin.register(ActivityRecord)
class ActivityRecordAdmin(admin.ModelAdmin):
    list_display = ("text", "company", "actor_name", "created_at")
    list_select_related = ("company",)
    search_fields = ("company__name", "actor_name", "verb")
