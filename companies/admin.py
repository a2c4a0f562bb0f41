from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from companies.forms import AdminPasswordSetForm, AdminSignInForm
from companies.models import ApiToken, Company, User
from companies.two_factor.admin import two_factor_reset_action

# The admin's login shows the sign-in throttle's wait (the throttle itself is in the backend).
admin.site.login_form = AdminSignInForm


@admin.register(Company)
class CompanyAdmin(admin.ModelAdmin):
    list_display = ("name", "kind", "country", "created_at")
    list_filter = ("kind",)
    search_fields = ("name",)
    readonly_fields = ("created_at",)

    def get_readonly_fields(self, request, obj=None):
        # A company's kind decides who may be its partner and whose customer it is: fixed once
        # the company exists (partner links and lists rely on it).
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "kind") if obj is not None else fields


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    change_password_form = AdminPasswordSetForm
    ordering = ("email",)
    list_display = ("email", "name", "company", "role", "language", "is_active", "is_staff")
    list_filter = ("role", "language", "is_active", "is_staff")
    search_fields = ("email", "name", "company__name")
    list_select_related = ("company",)
    autocomplete_fields = ("company",)
    actions = (two_factor_reset_action,)
    fieldsets = (
        (None, {"fields": ("email", "password")}),
        (_("Person"), {"fields": ("name", "company", "role", "language")}),
        (
            _("Access"),
            {"fields": ("is_active", "is_staff", "is_superuser", "groups", "user_permissions")},
        ),
        (_("Dates"), {"fields": ("activated_at", "last_login", "date_joined")}),
    )

    def get_readonly_fields(self, request, obj=None):
        # A company person's company, role and activity carry rules the portal's services keep
        # (the last active admin, licenses and lines of members only): changed there (Members
        # page, API), never by a raw edit here. Operators' own accounts stay editable.
        fields = super().get_readonly_fields(request, obj)
        if obj is not None and obj.company_id is not None:
            return (*fields, "company", "role", "is_active")
        return fields

    add_fieldsets = (
        (
            None,
            {
                "classes": ("wide",),
                "fields": ("email", "name", "company", "role", "password1", "password2"),
            },
        ),
    )


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    list_display = ("label", "user", "prefix", "created_at", "expires_at", "revoked_at")
    readonly_fields = ("prefix", "key_hash", "created_at", "last_used_at")
    list_select_related = ("user",)
