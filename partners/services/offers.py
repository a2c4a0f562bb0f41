"""The reseller's offer: a reseller offers to become the partner of a company, by the email of one
of its admins (DESIGN.md, "The reseller's offer").

The answer never tells whether the address has an account. An admin of a customer company gets
an ``offer`` (an ``Invitation`` with ``direction="offer"``: same states, tokens, resend, cancel,
expiry and reminders as a request); an address without an account gets a signed sign-up link
that creates the customer company and its first admin, and then the offer; any other address
(a member, a reseller's admin, a company already ours) gets nothing. Offers are limited per
reseller per hour and per day whatever became of them, so the form cannot be used to spam.
"""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import Company, User
from companies.services import company_sign_up
from companies.text import email_normalise, email_skeleton
from notifications.services import activity_record, email_queue
from partners.models import Invitation, PartnerLink
from partners.scopes import SCOPES_UNTIL_MAX_AHEAD
from partners.services._common import site_url, tell_admins
from partners.services.invitations import (
    MESSAGE_MAX_LENGTH,
    _email_target,
    _insert_first_send,
    _new_token,
)
from rainbow_admin.errors import InputErrors, InvalidInput, NotAllowed
from rainbow_admin.permissions import SCOPES, require_manage
from rainbow_admin.rate_limits import rate_limit_hit
from webhooks import payloads
from webhooks.events import event_record

SIGN_UP_SALT = "partners.offer-sign-up"


def clean_scopes(scopes: list[str] | None) -> list[str]:
    """The scopes asked for (both when none are named), or ``invalid_scope``."""
    if scopes is None:
        return list(SCOPES)
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise InvalidInput(
            _("Unknown scope: %(scope)s. Choose among licensing and telephony.")
            % {"scope": ", ".join(unknown)},
            code="invalid_scope",
            field="scopes",
        )
    return [scope for scope in SCOPES if scope in scopes]


def clean_scopes_until(value: datetime | None, *, now: datetime | None = None) -> datetime | None:
    """A date in the future, at most 10 years ahead (or none: the scopes hold until withdrawn)."""
    if value is None:
        return None
    now = now or timezone.now()
    if value <= now:
        raise InvalidInput(
            _("Choose a date in the future for the scopes to end."),
            code="scopes_until_past",
            field="scopes_until",
        )
    if value > now + SCOPES_UNTIL_MAX_AHEAD:
        raise scopes_until_too_far()
    return value


def scopes_until_too_far() -> InvalidInput:
    return InvalidInput(
        _("Choose a date at most 10 years ahead for the scopes to end."),
        code="scopes_until_too_far",
        field="scopes_until",
    )


def _clean_offer_email(value: str) -> str:
    email = email_normalise(value or "")
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(
            _("Enter a valid email address."), code="invalid_email", field="email"
        ) from None
    return email


def _limit_offers(reseller: Company) -> None:
    for action, limit, window in (
        ("customer-offer-hour", settings.CUSTOMER_OFFERS_PER_RESELLER_PER_HOUR, "RATE_LIMIT_HOUR"),
        ("customer-offer-day", settings.CUSTOMER_OFFERS_PER_RESELLER_PER_DAY, "RATE_LIMIT_DAY"),
    ):
        rate_limit_hit(
            action=action,
            key=str(reseller.pk),
            limit=limit,
            window=getattr(settings, window),
            message=_("Your company sent many offers recently; try again in %(wait)s."),
        )


def _holder_of(email: str) -> User | None:
    return (
        User.objects.select_related("company")
        .filter(Q(email=email) | Q(email_skeleton=email_skeleton(email)))
        .first()
    )


def _create_offer(
    *,
    reseller: Company,
    customer: Company,
    actor: User | None,
    message: str,
    scopes: list[str],
    scopes_until: datetime | None,
) -> tuple[Invitation, str] | None:
    """A pending offer from ``reseller`` to ``customer`` with a new link token; None when one is
    already pending between them (the partial unique constraint settles races)."""
    now = timezone.now()
    raw, token_hash = _new_token()
    invitation = Invitation(
        direction=Invitation.Direction.OFFER,
        from_company=reseller,
        to_company=customer,
        created_by=actor,
        message=message,
        scope_licensing="licensing" in scopes,
        scope_telephony="telephony" in scopes,
        scopes_until=scopes_until,
        token_hash=token_hash,
        created_at=now,
        sent_count=1,
    )
    if not _insert_first_send(invitation, now):
        return None
    params = {"from_company": reseller.name, "to_company": customer.name}
    tell_admins(
        customer,
        message=gettext_noop("%(from_company)s offers to become the partner of %(to_company)s."),
        params=params,
        url_name="invitation_detail",
        url_args=(invitation.pk,),
        actor=actor,
    )
    for company in (reseller, customer):
        activity_record(
            company=company,
            actor=actor,
            verb="invitation.offered",
            message=gettext_noop(
                "%(from_company)s offered to become the partner of %(to_company)s."
            ),
            params=params,
        )
    event_record(
        company=(reseller, customer),
        type="invitation.sent",
        data=payloads.invitation(invitation),
    )
    return invitation, raw


def _offer_to_holder(
    *, actor: User, reseller: Company, holder: User, message: str, scopes, scopes_until
) -> None:
    company = holder.company
    if not (
        holder.is_active
        and holder.role == User.Role.ADMIN
        and company is not None
        and company.kind == Company.Kind.CUSTOMER
    ):
        return
    if PartnerLink.objects.filter(
        company=company, partner=reseller, ended_at__isnull=True
    ).exists():
        return
    made = _create_offer(
        reseller=reseller,
        customer=company,
        actor=actor,
        message=message,
        scopes=scopes,
        scopes_until=scopes_until,
    )
    if made is not None:
        invitation, raw = made
        _email_target(invitation, raw, actor)


def sign_up_url(token: str) -> str:
    return site_url(reverse("offer_sign_up", args=[token]))


def _offer_to_address(
    *,
    actor: User,
    reseller: Company,
    email: str,
    company_name: str,
    message: str,
    scopes: list[str],
    scopes_until: datetime | None,
) -> None:
    token = signing.dumps(
        {
            "reseller": str(reseller.pk),
            "actor": str(actor.pk),
            "email": email,
            "company_name": company_name,
            "message": message,
            "scopes": scopes,
            "scopes_until": scopes_until.isoformat() if scopes_until else None,
        },
        salt=SIGN_UP_SALT,
        compress=True,
    )
    email_queue(
        to=email,
        language=actor.language,
        template="partner_offer_sign_up",
        context={
            "from_company": reseller.name,
            "sender_name": actor.name,
            "company_name": company_name,
            "message": message,
            "scopes": scopes,
            "scopes_until": scopes_until,
            "url": sign_up_url(token),
            "expires_at": timezone.now() + settings.INVITATION_TTL,
        },
        topic="customer_offer",
        object_id=reseller.pk,
    )


@transaction.atomic
def customer_offer_send(
    *,
    actor: User,
    email: str,
    company_name: str = "",
    message: str = "",
    scopes: list[str] | None = None,
    scopes_until: datetime | None = None,
) -> dict[str, Any]:
    """A reseller admin offers to become the partner of the company of ``email``'s admin.

    Returns what the answer shows, the same whether the address has an account or not.
    """
    reseller = actor.company
    if reseller is None or reseller.kind != Company.Kind.RESELLER:
        raise NotAllowed(
            _("Only a reseller's administrators offer to manage a company."),
            code="resellers_only",
        )
    require_manage(actor, reseller)
    errors = InputErrors()  # every wrong field at once
    with errors.check():
        email = _clean_offer_email(email)
    company_name = " ".join((company_name or "").split())
    with errors.check():
        if len(company_name) > 150:
            raise InvalidInput(
                _("The name is too long (150 characters at most)."),
                code="name_too_long",
                field="company_name",
            )
    message = (message or "").strip()
    with errors.check():
        if len(message) > MESSAGE_MAX_LENGTH:
            raise InvalidInput(
                _("The message is too long (2000 characters at most)."),
                code="message_too_long",
                field="message",
            )
    with errors.check():
        scopes = clean_scopes(scopes)
    with errors.check():
        scopes_until = clean_scopes_until(scopes_until)
    errors.raise_any()
    _limit_offers(reseller)
    holder = _holder_of(email)
    if holder is None:
        _offer_to_address(
            actor=actor,
            reseller=reseller,
            email=email,
            company_name=company_name,
            message=message,
            scopes=scopes,
            scopes_until=scopes_until,
        )
    else:
        _offer_to_holder(
            actor=actor,
            reseller=reseller,
            holder=holder,
            message=message,
            scopes=scopes,
            scopes_until=scopes_until,
        )
    activity_record(
        company=reseller,
        actor=actor,
        verb="customer_offer.sent",
        message=gettext_noop("%(actor)s offered to manage the company of %(email)s."),
        params={"actor": actor.name, "email": email},
    )
    return {
        "email": email,
        "company_name": company_name,
        "message": message,
        "scopes": scopes,
        "scopes_until": scopes_until,
    }


def offer_sign_up_payload(token: str) -> dict[str, Any] | None:
    """What a sign-up link of an offer carries; None when forged or older than a request lives."""
    try:
        payload = signing.loads(
            token, salt=SIGN_UP_SALT, max_age=settings.INVITATION_TTL.total_seconds()
        )
    except signing.BadSignature:
        return None
    return payload if isinstance(payload, dict) and payload.get("email") else None


@transaction.atomic
def customer_offer_sign_up(
    *, token: str, company_name: str, country: str, admin_name: str, password: str, language: str
) -> User | None:
    """Sign up the customer company from an offer's emailed link, then make the offer to it.

    The address is the one the offer was sent to. As ``company_sign_up``: the new admin activates
    the account by email, and an address that has an account by now gets nothing but the
    sign-up notice (None). The new company's admin finds the offer in Received requests.
    """
    payload = offer_sign_up_payload(token)
    if payload is None:
        raise InvalidInput(
            _("This link is not valid any more. Ask the reseller to send its offer again."),
            code="offer_link_invalid",
        )
    user = company_sign_up(
        company_name=company_name,
        country=country,
        admin_name=admin_name,
        email=payload["email"],
        password=password,
        language=language,
    )
    if user is None:
        return None
    reseller = Company.objects.filter(
        pk=_uuid(payload.get("reseller")), kind=Company.Kind.RESELLER
    ).first()
    if reseller is None:  # the reseller is gone: the company stays, without an offer
        return user
    until = parse_datetime(payload.get("scopes_until") or "")
    if until is not None and until <= timezone.now():
        until = None
    _create_offer(
        reseller=reseller,
        customer=user.company,
        actor=User.objects.filter(pk=_uuid(payload.get("actor")), company=reseller).first(),
        message=str(payload.get("message") or "")[:MESSAGE_MAX_LENGTH],
        scopes=clean_scopes(list(payload.get("scopes") or [])),
        scopes_until=until,
    )
    return user


def _uuid(value: Any) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None
