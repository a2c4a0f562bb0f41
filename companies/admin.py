from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.db import models
from django.utils.translation import gettext_lazy as _

from companies.forms import AdminPasswordSetForm, AdminSignInForm
from companies.models import ApiToken, Company, User
from companies.two_factor.admin import two_factor_reset_action
from rainbow_admin.admin_scale import (
    BigTableAdmin,
    companies_by_prefix,
    company_order,
    country_name,
    people_by_prefix,
    person_order,
    searched_ordering,
)

# The admin's login shows the sign-in throttle's wait (the throttle itself is in the backend).
admin.site.login_form = AdminSignInForm


@admin.register(Company)
class CompanyAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("name", "kind", country_name, "created_at")
    list_filter = ("kind",)
    # By name prefix, case and accents ignored (get_search_results).
    search_fields = ("^name",)
    readonly_fields = ("created_at",)
    ordering = company_order()
    # A website typed without a scheme is read as https:// (Django 6's default).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return companies_by_prefix(queryset, search_term), False

    def get_readonly_fields(self, request, obj=None):
        # A company's kind decides who may be its partner and whose customer it is: fixed once
        # the company exists (partner links and lists rely on it).
        fields = super().get_readonly_fields(request, obj)
        return (*fields, "kind") if obj is not None else fields


@admin.register(User)
class UserAdmin(BigTableAdmin, BaseUserAdmin):
    change_password_form = AdminPasswordSetForm
    ordering = person_order()
    list_display = ("email", "name", "company", "role", "language", "is_active", "is_staff")
    list_filter = ("is_staff", "role", "language")
    # By email or name prefix, case ignored (get_search_results).
    search_fields = ("^email", "^name")
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

    get_ordering = searched_ordering

    def get_search_results(self, request, queryset, search_term):
        return people_by_prefix(queryset, search_term), False

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
class ApiTokenAdmin(BigTableAdmin, admin.ModelAdmin):
    list_display = ("label", "user", "prefix", "created_at", "expires_at", "revoked_at")
    readonly_fields = ("prefix", "key_hash", "created_at", "last_used_at")
    list_select_related = ("user",)
    raw_id_fields = ("user",)
