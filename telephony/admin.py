"""The operator's view of telephony: read-only, since every change goes through the services
(which check the rules and tell the company); operators change things through the API."""

from django.contrib import admin

from rainbow_admin.admin_scale import (
    BigTableAdmin,
    country_name,
    people_by_prefix,
    rows_of_companies,
    searched_ordering,
)
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


class ReadOnlyAdmin(BigTableAdmin, admin.ModelAdmin):
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

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("user")


@admin.register(Pbx)
class PbxAdmin(ReadOnlyAdmin):
    list_display = ("name", "company", "kind", country_name, "status", "created_at")
    list_filter = ("kind", "status")
    # By the company's name prefix (get_search_results).
    search_fields = ("^company__name",)
    list_select_related = ("company",)
    raw_id_fields = ("company", "declared_by", "declared_by_company")
    ordering = ("name", "id")
    inlines = [LineInline]

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return rows_of_companies(queryset, search_term, ("company",)), False


@admin.register(Line)
class LineAdmin(ReadOnlyAdmin):
    list_display = ("extension", "pbx", "user", "public_number")
    list_select_related = ("pbx", "user")
    # By the member's email or name prefix (get_search_results).
    search_fields = ("^user__email", "^user__name")
    raw_id_fields = ("pbx", "user")
    ordering = ("pbx_id", "extension")

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return people_by_prefix(queryset, search_term, path="user"), False


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
