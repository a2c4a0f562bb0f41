"""The operator's view of telephony: read-only, since every change goes through the services
(which check the rules and tell the company); operators change things through the API."""

from django.contrib import admin

from telephony.models import (
    AutoAttendant,
    Device,
    DeviceImport,
    EmergencyNumber,
    HuntGroup,
    Line,
    Pbx,
    PublicNumber,
    WelcomeService,
)


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request, obj=None) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


class LineInline(admin.TabularInline):
    model = Line
    fields = ("extension", "user", "public_number")
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Pbx)
class PbxAdmin(ReadOnlyAdmin):
    list_display = ("name", "company", "kind", "country", "status", "created_at")
    list_filter = ("kind", "status")
    search_fields = ("name", "company__name")
    list_select_related = ("company",)
    inlines = [LineInline]


@admin.register(Device)
class DeviceAdmin(ReadOnlyAdmin):
    list_display = ("identifier", "kind", "model", "pbx", "line")
    list_filter = ("kind",)
    search_fields = ("identifier", "pbx__company__name")
    list_select_related = ("pbx", "line__user")


@admin.register(DeviceImport)
class DeviceImportAdmin(ReadOnlyAdmin):
    list_display = ("file_name", "pbx", "status", "total", "processed", "imported", "created_at")
    list_filter = ("status",)
    list_select_related = ("pbx",)
    exclude = ("content",)


@admin.register(PublicNumber)
class PublicNumberAdmin(ReadOnlyAdmin):
    list_display = ("number", "pbx", "is_company_number", "destination")
    search_fields = ("number",)
    list_select_related = ("pbx",)


@admin.register(HuntGroup, WelcomeService, AutoAttendant)
class FeatureAdmin(ReadOnlyAdmin):
    list_display = ("name", "pbx")
    list_select_related = ("pbx",)


@admin.register(EmergencyNumber)
class EmergencyNumberAdmin(ReadOnlyAdmin):
    list_display = ("number", "country", "description", "softphone_allowed", "pbx")
    list_filter = ("country", "softphone_allowed")
    list_select_related = ("pbx",)
