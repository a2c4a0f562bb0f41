from django.contrib import admin

from notifications.models import ActivityRecord, Notification, OutboundEmail


@admin.register(OutboundEmail)
class OutboundEmailAdmin(admin.ModelAdmin):
    list_display = ("subject", "to", "status", "attempts", "created_at", "sent_at")
    list_filter = ("status", "topic")
    search_fields = ("to", "subject")
    readonly_fields = [f.name for f in OutboundEmail._meta.fields]


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ("text", "recipient", "created_at", "read_at")
    list_select_related = ("recipient",)


@admin.register(ActivityRecord)
class ActivityRecordAdmin(admin.ModelAdmin):
    list_display = ("text", "company", "actor_name", "created_at")
    list_select_related = ("company",)
    search_fields = ("company__name", "actor_name", "verb")
