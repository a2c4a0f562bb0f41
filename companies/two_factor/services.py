"""Two-factor services: set up, check, turn off and reset a person's second step.

TOTP is django-otp's ``TOTPDevice`` (RFC 6238: SHA-1, 6 digits, 30 s, one step of drift either
way, each code once: ``last_t``). Recovery codes are ours (``RecoveryCode``): 10 at a time, single
use, kept as SHA-256. Every code check counts on the one sign-in throttle
(``companies.sign_in_throttle``) under the person's own "code" key, so a right password does not
clear the count of wrong codes; a wait answers ``SignInThrottled`` (429 ``sign_in_locked``).
"""

from __future__ import annotations

import secrets
from base64 import b32encode
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from django_otp.plugins.otp_totp.models import TOTPDevice

from companies.models import Company, Passkey, RecoveryCode, User, hash_token
from companies.sign_in_throttle import client_address, sign_in_attempt_begin, sign_in_attempt_end
from notifications.services import activity_record, email_queue
from rainbow_admin.errors import Conflict, InvalidInput

RECOVERY_CODES = 10
_RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"


def two_factor_required_for(user: User) -> bool:
    """Whether the company's policy covers ``user`` (the company is loaded with the user)."""
    company = user.company if user.company_id else None
    if company is None:
        return False
    policy = company.require_two_factor
    if policy == Company.TwoFactorPolicy.EVERYONE:
        return True
    return policy == Company.TwoFactorPolicy.ADMINS and user.role == User.Role.ADMIN


def two_factor_enabled(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def two_factor_status(user: User) -> dict[str, Any]:
    """``{enabled, methods, recovery_codes_left, required, passkeys}``, in three queries."""
    enabled = two_factor_enabled(user)
    left = RecoveryCode.objects.filter(user=user, used_at__isnull=True).count() if enabled else 0
    passkeys = list(Passkey.objects.filter(user=user)) if enabled else []
    return {
        "enabled": enabled,
        "methods": (["totp"] if enabled else []) + (["passkey"] if passkeys else []),
        "recovery_codes_left": left,
        "passkeys": passkeys,
        "required": two_factor_required_for(user),
    }


def _normalise(code: str) -> str:
    return "".join(ch for ch in (code or "").lower() if ch.isalnum())


def _recovery_codes_new(user: User) -> list[str]:
    RecoveryCode.objects.filter(user=user).delete()
    codes = []
    for _i in range(RECOVERY_CODES):
        raw = "".join(secrets.choice(_RECOVERY_ALPHABET) for _j in range(10))
        codes.append(f"{raw[:5]}-{raw[5:]}")
    RecoveryCode.objects.bulk_create(
        RecoveryCode(user=user, code_hash=hash_token(_normalise(code))) for code in codes
    )
    return codes


def _invalid() -> InvalidInput:
    return InvalidInput(
        _("The code is wrong or was already used."), code="otp_invalid", field="code"
    )


def _totp_check(device: TOTPDevice | None, code: str) -> bool:
    if device is None or not (len(code) == 6 and code.isdigit()):
        return False
    return device.verify_token(code)


def _checked(*, user: User, code: str, request, device_confirmed: bool = True) -> str:
    """Check ``code`` on the sign-in throttle; return the method that matched: ``totp`` or
    ``recovery`` (recovery codes only once two-factor is on). Wrong: ``otp_invalid``."""
    code = _normalise(code)
    attempt = sign_in_attempt_begin(person=f"{user.pk}:code", client=client_address(request))
    method = None
    try:
        with transaction.atomic():
            device = (
                TOTPDevice.objects.select_for_update()
                .filter(user=user, confirmed=device_confirmed)
                .order_by("-id")
                .first()
            )
            if _totp_check(device, code):
                method = "totp"
            elif device_confirmed and len(code) == 10:
                used = RecoveryCode.objects.filter(
                    user=user, code_hash=hash_token(code), used_at__isnull=True
                ).update(used_at=timezone.now())
                method = "recovery" if used == 1 else None
    finally:
        sign_in_attempt_end(attempt, succeeded=method is not None)
    if method is None:
        raise _invalid()
    if method == "recovery":
        _recovery_code_used(user)
    return method


def record(user: User, *, actor: User | None, verb: str, message: str) -> None:
    if user.company_id is None:
        return
    activity_record(
        company=user.company,
        actor=actor,
        verb=verb,
        message=message,
        params={"actor": getattr(actor, "name", ""), "person": user.name},
    )


def _email(user: User, template: str, **context: Any) -> None:
    email_queue(
        to=user.email,
        language=user.language,
        template=template,
        context={
            "user_name": user.name,
            "url": f"{settings.SITE_URL}{reverse('two_factor')}",
            **context,
        },
        topic=template,
        object_id=user.pk,
    )


def _recovery_code_used(user: User) -> None:
    left = RecoveryCode.objects.filter(user=user, used_at__isnull=True).count()
    record(
        user,
        actor=user,
        verb="two_factor.recovery_code_used",
        message=gettext_noop("%(person)s signed in with a recovery code."),
    )
    _email(user, "two_factor_recovery_used", codes_left=left)


def two_factor_check(*, user: User, code: str, request=None) -> str:
    """The second step of a sign-in: a TOTP code or an unused recovery code (throttled)."""
    return _checked(user=user, code=code, request=request)


def totp_begin(*, user: User) -> tuple[TOTPDevice, str]:
    """A new, unconfirmed authenticator; returns it with its base32 secret."""
    if two_factor_enabled(user):
        raise Conflict(
            _("Two-factor sign-in is already on. Turn it off first to change the app."),
            code="two_factor_enabled",
        )
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).delete()
        device = TOTPDevice.objects.create(
            user=user, name="Authenticator app", confirmed=False, step=30, digits=6, tolerance=1
        )
    return device, b32encode(device.bin_key).decode()


def totp_pending(user: User) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=False).order_by("-id").first()


def totp_confirm(*, user: User, code: str, request=None) -> list[str]:
    """Turn two-factor on with a code from the new app; returns the 10 recovery codes."""
    if two_factor_enabled(user):
        raise Conflict(_("Two-factor sign-in is already on."), code="two_factor_enabled")
    if totp_pending(user) is None:
        raise Conflict(
            _("Start the set-up first: add the app, then confirm with a code."),
            code="two_factor_not_started",
        )
    _checked(user=user, code=code, request=request, device_confirmed=False)
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user, confirmed=False).update(confirmed=True)
        codes = _recovery_codes_new(user)
    record(
        user,
        actor=user,
        verb="two_factor.enabled",
        message=gettext_noop("%(person)s turned on two-factor sign-in."),
    )
    _email(user, "two_factor_enabled")
    return codes


def recovery_codes_regenerate(*, user: User, code: str, request=None) -> list[str]:
    """New recovery codes (the old ones stop working), confirmed with a current code."""
    if not two_factor_enabled(user):
        raise Conflict(_("Two-factor sign-in is off."), code="two_factor_disabled")
    _checked(user=user, code=code, request=request)
    with transaction.atomic():
        return _recovery_codes_new(user)


def _remove_all(user: User) -> None:
    with transaction.atomic():
        TOTPDevice.objects.filter(user=user).delete()
        RecoveryCode.objects.filter(user=user).delete()
        Passkey.objects.filter(user=user).delete()


def two_factor_disable(*, user: User, code: str, request=None) -> None:
    """Turn two-factor off with a current code; refused while the company requires it."""
    if two_factor_required_for(user):
        raise Conflict(
            _("Your company requires two-factor sign-in: it cannot be turned off."),
            code="two_factor_required",
        )
    if not two_factor_enabled(user):
        raise Conflict(_("Two-factor sign-in is off."), code="two_factor_disabled")
    _checked(user=user, code=code, request=request)
    _remove_all(user)
    record(
        user,
        actor=user,
        verb="two_factor.disabled",
        message=gettext_noop("%(person)s turned off two-factor sign-in."),
    )
    _email(user, "two_factor_disabled", by_operator=False)


def two_factor_reset(*, user: User, actor: User) -> None:
    """An operator removes a person's two-factor (lost phone and codes); the person is emailed."""
    _remove_all(user)
    record(
        user,
        actor=actor,
        verb="two_factor.reset",
        message=gettext_noop("An operator reset two-factor sign-in of %(person)s."),
    )
    _email(user, "two_factor_disabled", by_operator=True)


# Where a person the policy covers may still go before setting two-factor up.
_OPEN_WHILE_REQUIRED = ("/profile/two-factor/", "/accounts/logout/", "/language/", "/static/")
_OPEN_API_WHILE_REQUIRED = ("/api/v1/me/two-factor/",)


def two_factor_setup_due(user: User, path: str) -> bool:
    """Whether ``user`` must set two-factor up before ``path`` (the company's policy)."""
    if path.startswith(_OPEN_WHILE_REQUIRED + _OPEN_API_WHILE_REQUIRED):
        return False
    return two_factor_required_for(user) and not two_factor_enabled(user)


def totp_secret(device: TOTPDevice) -> str:
    """The secret as people type it: base32 in groups of four."""
    secret = b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def totp_cancel(*, user: User) -> None:
    TOTPDevice.objects.filter(user=user, confirmed=False).delete()
