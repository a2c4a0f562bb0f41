"""Passkeys (WebAuthn, py_webauthn) as a second step beside the authenticator app.

A passkey is added once two-factor is on (the recovery codes come with the app) and goes with it
when two-factor is turned off or reset. Each challenge lives in the session between the page that
offers it and the form that answers it; a check counts on the sign-in throttle like a code.
"""

from __future__ import annotations

import json
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from webauthn import (
    base64url_to_bytes,
    generate_authentication_options,
    generate_registration_options,
    options_to_json,
    verify_authentication_response,
    verify_registration_response,
)
from webauthn.helpers import bytes_to_base64url
from webauthn.helpers.exceptions import WebAuthnException
from webauthn.helpers.structs import (
    AuthenticatorSelectionCriteria,
    PublicKeyCredentialDescriptor,
    ResidentKeyRequirement,
    UserVerificationRequirement,
)

from companies.models import Passkey, User
from companies.sign_in_throttle import client_address, sign_in_attempt_begin, sign_in_attempt_end
from companies.two_factor.services import _checked, _email, record, two_factor_enabled
from rainbow_admin.errors import Conflict, InvalidInput, NotFound

_REGISTER = "passkey_register_challenge"
_SIGN_IN = "passkey_sign_in_challenge"


def _relying_party(request) -> tuple[str, str]:
    """(rp id, origin) of this site: the configured ones, else the request's host."""
    origin = settings.WEBAUTHN_ORIGIN or f"{request.scheme}://{request.get_host()}"
    rp_id = settings.WEBAUTHN_RP_ID or request.get_host().rsplit(":", 1)[0]
    return rp_id, origin


def _descriptors(user: User) -> list[PublicKeyCredentialDescriptor]:
    return [
        PublicKeyCredentialDescriptor(id=base64url_to_bytes(key.credential_id))
        for key in Passkey.objects.filter(user=user).only("credential_id")
    ]


def passkey_registration_options(*, user: User, request) -> str:
    """The JSON options ``navigator.credentials.create`` takes; the challenge kept in session."""
    rp_id, _origin = _relying_party(request)
    options = generate_registration_options(
        rp_id=rp_id,
        rp_name="Rainbow Admin",
        user_name=user.email,
        user_id=user.pk.bytes,
        user_display_name=user.name,
        exclude_credentials=_descriptors(user),
        authenticator_selection=AuthenticatorSelectionCriteria(
            resident_key=ResidentKeyRequirement.PREFERRED,
            user_verification=UserVerificationRequirement.PREFERRED,
        ),
    )
    request.session[_REGISTER] = bytes_to_base64url(options.challenge)
    return options_to_json(options)


def _invalid_passkey() -> InvalidInput:
    return InvalidInput(_("The passkey was not accepted. Try again."), code="passkey_invalid")


def passkey_add(*, user: User, request, credential: str, name: str, code: str) -> Passkey:
    """Add a passkey to ``user``'s account: a current code (app or recovery) is asked, as to turn
    two-factor off (on the sign-in throttle), and the person is emailed."""
    if not two_factor_enabled(user):
        raise Conflict(
            _("Turn on two-factor sign-in with an authenticator app first."),
            code="two_factor_disabled",
        )
    _checked(user=user, code=code, request=request)
    challenge = request.session.pop(_REGISTER, None)
    if not challenge:
        raise _invalid_passkey()
    rp_id, origin = _relying_party(request)
    try:
        verified = verify_registration_response(
            credential=credential,
            expected_challenge=base64url_to_bytes(challenge),
            expected_rp_id=rp_id,
            expected_origin=origin,
        )
    except (WebAuthnException, ValueError, TypeError, KeyError):
        raise _invalid_passkey() from None
    credential_id = bytes_to_base64url(verified.credential_id)
    if Passkey.objects.filter(credential_id=credential_id).exists():
        raise Conflict(_("This passkey is already added."), code="passkey_exists")
    passkey = Passkey.objects.create(
        user=user,
        name=name,
        credential_id=credential_id,
        public_key=verified.credential_public_key,
        sign_count=verified.sign_count,
    )
    record(
        user,
        actor=user,
        verb="two_factor.passkey_added",
        message=gettext_noop("%(person)s added a passkey."),
    )
    _email(user, "two_factor_passkey_changed", added=True, passkey_name=passkey.name)
    return passkey


def passkey_delete(*, user: User, passkey_id: Any, code: str, request=None) -> Passkey:
    """Remove one of ``user``'s own passkeys with a current code (app or recovery); anybody
    else's is ``NotFound``. The person is emailed."""
    passkey = Passkey.objects.filter(user=user, pk=passkey_id).first()
    if passkey is None:
        raise NotFound(_("Not found."), code="not_found")
    _checked(user=user, code=code, request=request)
    passkey.delete()
    record(
        user,
        actor=user,
        verb="two_factor.passkey_removed",
        message=gettext_noop("%(person)s removed a passkey."),
    )
    _email(user, "two_factor_passkey_changed", added=False, passkey_name=passkey.name)
    return passkey


def passkey_sign_in_options(*, user: User, request) -> str | None:
    """The JSON options ``navigator.credentials.get`` takes, or None without passkeys."""
    allowed = _descriptors(user)
    if not allowed:
        return None
    rp_id, _origin = _relying_party(request)
    options = generate_authentication_options(
        rp_id=rp_id,
        allow_credentials=allowed,
        user_verification=UserVerificationRequirement.PREFERRED,
    )
    request.session[_SIGN_IN] = bytes_to_base64url(options.challenge)
    return options_to_json(options)


def passkey_check(*, user: User, request, credential: str) -> Passkey:
    """The second step with a passkey (on the sign-in throttle like a code)."""
    attempt = sign_in_attempt_begin(person=f"{user.pk}:code", client=client_address(request))
    passkey = None
    try:
        challenge = request.session.pop(_SIGN_IN, None)
        try:
            raw_id = json.loads(credential).get("id", "")
        except (ValueError, AttributeError):
            raw_id = ""
        with transaction.atomic():
            candidate = (
                Passkey.objects.select_for_update().filter(user=user, credential_id=raw_id).first()
            )
            if challenge and candidate is not None:
                rp_id, origin = _relying_party(request)
                try:
                    verified = verify_authentication_response(
                        credential=credential,
                        expected_challenge=base64url_to_bytes(challenge),
                        expected_rp_id=rp_id,
                        expected_origin=origin,
                        credential_public_key=bytes(candidate.public_key),
                        credential_current_sign_count=candidate.sign_count,
                    )
                except (WebAuthnException, ValueError, TypeError, KeyError):
                    verified = None
                if verified is not None:
                    candidate.sign_count = verified.new_sign_count
                    candidate.last_used_at = timezone.now()
                    candidate.save(update_fields=["sign_count", "last_used_at"])
                    passkey = candidate
    finally:
        sign_in_attempt_end(attempt, succeeded=passkey is not None)
    if passkey is None:
        raise _invalid_passkey()
    return passkey
