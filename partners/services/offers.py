"""The reseller's offer: a reseller offers to become the partner of a company, by the email of one
of its admins (DESIGN.md, "The reseller's offer").

Neither the answer nor anything the reseller sees later tells whether the address has an account.
Every offer is an ``Invitation`` with ``direction="offer"`` from the moment it is sent (same states,
tokens, resend, cancel, expiry and reminders as a request), kept with the address it went to. An
admin of a customer company gets it in Received requests and by email; an address without an
account gets a link to sign up, whose company then becomes the offer's target; any other account
holder is told there is nothing to accept with their account. Until the company answers, the
reseller sees the address alone (``Invitation.target_shown_to_sender``). Offers are limited per
reseller per hour and per day whatever became of them, so the form cannot be used to spam.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import Company, User, hash_token
from companies.services import company_sign_up
from companies.text import email_normalise, email_skeleton
from notifications.services import activity_record, email_queue
from partners.models import Invitation, PartnerLink
from partners.scopes import SCOPES_UNTIL_MAX_AHEAD
from partners.services._common import (
    offer_deliver_later,
    offer_delivery_queue,
    site_url,
    tell_admins,
)
from partners.services.invitations import (
    MESSAGE_MAX_LENGTH,
    RESENT,
    RESENT_MESSAGE,
    _email_target,
    _insert_first_send,
    _new_token,
    resent_tell_target,
)
from rainbow_admin.errors import Conflict, InputErrors, InvalidInput, NotAllowed
from rainbow_admin.permissions import SCOPES, require_manage
from rainbow_admin.rate_limits import rate_limit_hit
from webhooks import payloads
from webhooks.events import event_record


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


def _answering_company(holder: User, reseller: Company) -> Company | None:
    """The company whose admins answer an offer to ``holder``'s address: an active admin's
    customer company that this reseller does not manage yet; None for anyone else."""
    company = holder.company
    if not (
        holder.is_active
        and holder.role == User.Role.ADMIN
        and company is not None
        and company.kind == Company.Kind.CUSTOMER
    ):
        return None
    if PartnerLink.objects.filter(
        company=company, partner=reseller, ended_at__isnull=True
    ).exists():
        return None
    return company


def offer_attach(invitation: Invitation, company: Company, *, actor: User | None) -> bool:
    """Make ``company`` the target of a pending offer that had none: its admins see it in
    Received requests from now on. False (nothing changed) when this reseller already has a
    pending offer to that company (the partial unique constraint settles races)."""
    invitation.to_company = company
    try:
        with transaction.atomic():
            invitation.save(update_fields=["to_company"])
    except IntegrityError:
        invitation.to_company = None
        return False
    params = {"from_company": invitation.from_company.name, "to_company": company.name}
    tell_admins(
        company,
        message=gettext_noop("%(from_company)s offers to become the partner of %(to_company)s."),
        params=params,
        url_name="invitation_detail",
        url_args=(invitation.pk,),
        actor=actor,
    )
    activity_record(
        company=company,
        actor=actor,
        verb="invitation.offered",
        message=gettext_noop("%(from_company)s offered to become the partner of %(to_company)s."),
        params=params,
    )
    event_record(company=company, type="invitation.sent", data=payloads.invitation(invitation))
    return True


def sign_up_url(token: str) -> str:
    return site_url(reverse("offer_sign_up", args=[token]))


# A send still waiting this long was not handed to a worker (the broker was down, or lost it):
# beat hands it over again (``offers_deliver_stale``).
DELIVERY_REQUEUE_AFTER = timedelta(minutes=2)


def offers_deliver_stale(*, now: datetime | None = None) -> int:
    """Beat: queue again the pending offers whose latest send no worker delivered in time (in
    the name of the admin who made the offer: who resent it is not kept)."""
    now = now or timezone.now()
    stale = Invitation.objects.filter(
        delivery_due=True,
        last_sent_at__lt=now - DELIVERY_REQUEUE_AFTER,
        status=Invitation.Status.PENDING,
        expires_at__gt=now,
    ).values_list("pk", "token_hash", "created_by_id")[:500]
    rows = list(stale)
    for invitation_id, token_hash, sender_id in rows:
        offer_delivery_queue(invitation_id, token_hash, sender_id)
    return len(rows)


@transaction.atomic
def offer_deliver_queued(*, invitation_id: str, token_hash: str, sender_id: str = "") -> bool:
    """The worker's part of one send of an offer: a new link, and its emails (``offer_deliver``).

    Nothing (False) when the send it was queued for is no longer the offer's latest (resent
    since, or delivered already: each delivery replaces the hash) or the offer is no longer
    pending (cancelled, answered, expired). The row is locked, so two workers handed the same
    send deliver it once.
    """
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("from_company", "to_company")
        .filter(
            pk=invitation_id,
            direction=Invitation.Direction.OFFER,
            status=Invitation.Status.PENDING,
            token_hash=token_hash,
            delivery_due=True,
            expires_at__gt=timezone.now(),
        )
        .first()
    )
    if invitation is None:
        return False
    sender = User.objects.filter(pk=sender_id).first() if sender_id else None
    raw, invitation.token_hash = _new_token()
    invitation.delivery_due = False
    invitation.save(update_fields=["token_hash", "delivery_due"])
    had_reached = invitation.to_company_id is not None
    offer_deliver(invitation, raw, sender)
    if invitation.sent_count > 1 and had_reached:
        # A resend to a company that had it, told and recorded on its side as a request's
        # resend is (a company it reaches only now was told of the offer by ``offer_attach``).
        resent_tell_target(invitation, actor=sender)
        activity_record(
            company=invitation.to_company,
            actor=sender,
            verb=RESENT,
            message=RESENT_MESSAGE,
            params={
                "actor": sender.name if sender else "",
                "from_company": invitation.from_company.name,
                "to_company": invitation.to_company.name,
            },
        )
    return True


def offer_deliver(invitation: Invitation, raw_token: str, sender: User | None) -> None:
    """The emails of one send of an offer (its first, or a resend with a new token), in the
    worker (``offer_deliver_queued``).

    Whatever the address is, one send writes emails about this offer (so its delivery state
    tells the reseller nothing about the address): the admins of the company that answers get
    the offer; an address without an account gets the sign-up link; any other account holder
    (a member, a reseller's admin, a company already ours or already offered to) is told there
    is nothing to accept with their account. An offer that has no company yet gets one here when
    the address has become a company's admin meanwhile.
    """
    if invitation.to_company_id is None:
        holder = _holder_of(invitation.to_email)
        if holder is None:
            _email_sign_up_link(invitation, raw_token, sender)
            return
        company = _answering_company(holder, invitation.from_company)
        if company is None or not offer_attach(invitation, company, actor=sender):
            _email_nothing_to_accept(invitation, holder, sender)
            return
    _email_target(invitation, raw_token, sender)


def _email_sign_up_link(invitation: Invitation, raw_token: str, sender: User | None) -> None:
    email_queue(
        to=invitation.to_email,
        # The language of the reseller's admin who wrote it: nobody else's is known.
        language=sender.language if sender else settings.LANGUAGE_CODE,
        template="partner_offer_sign_up",
        context={
            "from_company": invitation.from_company.name,
            "sender_name": sender.name if sender else invitation.from_company.name,
            "company_name": invitation.to_company_name,
            "message": invitation.message,
            "scopes": invitation.scopes,
            "scopes_until": invitation.scopes_until,
            "url": sign_up_url(raw_token),
            "expires_at": invitation.expires_at,
        },
        topic="invitation",
        object_id=invitation.pk,
    )


def _email_nothing_to_accept(invitation: Invitation, holder: User, sender: User | None) -> None:
    email_queue(
        to=holder.email,
        language=holder.language,
        template="partner_offer_unanswerable",
        context={
            "user_name": holder.name,
            "from_company": invitation.from_company.name,
            "sender_name": sender.name if sender else invitation.from_company.name,
            "message": invitation.message,
            "sign_in_url": site_url(reverse("login")),
        },
        topic="invitation",
        object_id=invitation.pk,
    )


def _offer_pending_conflict() -> Conflict:
    return Conflict(
        _("An offer to this address is already pending; resend or cancel it in Issued requests."),
        code="offer_pending",
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
) -> Invitation:
    """A reseller admin offers to become the partner of the company of ``email``'s admin.

    The offer is a pending partner request from now on, whatever the address is: listed, resent,
    cancelled and expired as any other, and shown to the reseller by its address until a company
    answers it (``Invitation.target_shown_to_sender``). A second offer to the same address while
    one is pending is refused (409), the same way whatever the address is.
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
    if Invitation.objects.filter(
        from_company=reseller,
        direction=Invitation.Direction.OFFER,
        status=Invitation.Status.PENDING,
        to_email=email,
    ).exists():
        raise _offer_pending_conflict()
    _limit_offers(reseller)
    now = timezone.now()
    _unsent, token_hash = _new_token()  # the worker makes the link that is sent
    invitation = Invitation(
        direction=Invitation.Direction.OFFER,
        from_company=reseller,
        to_company=None,
        to_email=email,
        to_company_name=company_name,
        created_by=actor,
        message=message,
        scope_licensing="licensing" in scopes,
        scope_telephony="telephony" in scopes,
        scopes_until=scopes_until,
        token_hash=token_hash,
        created_at=now,
        sent_count=1,
        delivery_due=True,
    )
    if not _insert_first_send(invitation, now):  # a concurrent offer to the address won
        raise _offer_pending_conflict()
    # The reseller's side, in its own words (the address): nothing about the company yet.
    activity_record(
        company=reseller,
        actor=actor,
        verb="invitation.offered",
        message=gettext_noop("%(actor)s offered to manage the company of %(email)s."),
        params={"actor": actor.name, "email": email},
    )
    event_record(
        company=reseller,
        type="invitation.sent",
        data=payloads.invitation(invitation.as_seen_by_sender()),
    )
    offer_deliver_later(invitation, actor)
    return invitation


@transaction.atomic
def customer_offer_sign_up(
    *, token: str, company_name: str, country: str, admin_name: str, password: str, language: str
) -> User | None:
    """Sign up the customer company from an offer's emailed link; the offer is then its own.

    The link is the offer's current token: it works while the offer is pending, unexpired and
    has no company yet (after a resend only the newest link works; after a cancel or expiry none
    does: ``offer_for_sign_up``). As ``company_sign_up``: the new admin activates the account by
    email, and an address that has an account by now gets nothing but the sign-up notice (None).
    """
    found = offer_for_sign_up(token=token)
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("from_company")
        .filter(pk=found.pk, status=Invitation.Status.PENDING, to_company__isnull=True)
        .first()
        if found is not None
        else None
    )
    if invitation is None:
        raise InvalidInput(
            _("This link is not valid any more. Ask the reseller to send its offer again."),
            code="offer_link_invalid",
        )
    user = company_sign_up(
        company_name=company_name,
        country=country,
        admin_name=admin_name,
        email=invitation.to_email,
        password=password,
        language=language,
    )
    if user is None:
        return None
    offer_attach(invitation, user.company, actor=None)  # a new company: nothing to collide with
    return user


def offer_for_sign_up(*, token: str) -> Invitation | None:
    """The pending, unexpired offer without a company whose current link carries ``token``."""
    return (
        Invitation.objects.select_related("from_company")
        .filter(
            token_hash=hash_token(token or ""),
            direction=Invitation.Direction.OFFER,
            status=Invitation.Status.PENDING,
            expires_at__gt=timezone.now(),
            to_company__isnull=True,
        )
        .first()
    )
