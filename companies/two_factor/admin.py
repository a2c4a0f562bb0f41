"""The operators' reset of a person's two-factor (lost phone and recovery codes)."""

from __future__ import annotations

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_totp.models import TOTPDevice

from companies.two_factor.services import two_factor_reset

# django-otp's own admin would show every person's TOTP secret: operators reset, never read.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.action(description=_("Reset two-factor sign-in"), permissions=["change"])
def two_factor_reset_action(modeladmin, request, queryset) -> None:
    people = list(queryset.select_related("company"))
    for person in people:
        two_factor_reset(user=person, actor=request.user)
    modeladmin.message_user(
        request,
        ngettext(
            "Two-factor sign-in of %(count)d person was reset; they were emailed.",
            "Two-factor sign-in of %(count)d people was reset; they were emailed.",
            len(people),
        )
        % {"count": len(people)},
        messages.SUCCESS,
    )
