"""The partner request: send, resend, cancel, accept, decline, expire, remind.

Every transition locks the invitation row and checks its status under the lock (compare-and-set),
so two concurrent answers give exactly one success. Emails go through the outbox in the same
transaction; notifications and activity records are written beside the change.
"""

from __future__ import annotations

import math
import secrets
import uuid
from datetime import datetime, timedelta

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.dateparse import parse_datetime
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext

from companies.models import Company, User, hash_token
from notifications.services import activity_record
from partners.models import Invitation, PartnerLink
from partners.selectors import ALLOWED_TARGET_KIND
from partners.services._common import email_admins, offer_deliver_later, site_url, tell_admins
from rainbow_admin.errors import Conflict, InvalidInput, NotAllowed, NotFound, Throttled
from rainbow_admin.permissions import is_admin_of, is_member_of, require_manage
from rainbow_admin.rate_limits import rate_limit_hit
from webhooks import payloads
from webhooks.events import event_record

MESSAGE_MAX_LENGTH = 2000
# The steps of a request that are webhook events too (a resend is not one).
WEBHOOK_EVENTS = frozenset(
    {
        "invitation.sent",
        "invitation.accepted",
        "invitation.declined",
        "invitation.cancelled",
        "invitation.expired",
    }
)


def _new_token() -> tuple[str, str]:
    """A random link token (256 bits) and the SHA-256 that is stored."""
    raw = secrets.token_urlsafe(32)
    return raw, hash_token(raw)


def landing_url(raw_token: str) -> str:
    return site_url(reverse("invitation_landing", args=[raw_token]))


def request_url(invitation: Invitation) -> str:
    """The request's page in the portal (sign-in required): the copy-link fallback, no token."""
    return site_url(reverse("invitation_detail", args=[invitation.pk]))


def _recent_sends(invitation: Invitation, now: datetime) -> list[datetime]:
    since = now - timedelta(hours=24)
    sends = [parse_datetime(value) for value in invitation.recent_sends or []]
    return sorted(moment for moment in sends if moment is not None and moment > since)


def _record_send(invitation: Invitation, now: datetime) -> None:
    sends = [*_recent_sends(invitation, now), now]
    invitation.recent_sends = [moment.isoformat() for moment in sends]
    invitation.last_sent_at = now
    invitation.expires_at = now + settings.INVITATION_TTL
    invitation.reminders_sent = 0


def _insert_first_send(invitation: Invitation, now: datetime) -> bool:
    """Save a new request or offer as its first send; False when a concurrent one of the same
    sender (and, for an offer, customer) is already pending (the partial unique constraint)."""
    _record_send(invitation, now)
    try:
        with transaction.atomic():
            invitation.save(force_insert=True)
    except IntegrityError:
        return False
    return True


def _email_target(invitation: Invitation, raw_token: str, sender: User | None) -> None:
    email_admins(
        invitation.to_company,
        template="partner_offer" if invitation.is_offer else "partner_invitation",
        context={
            "scopes": invitation.scopes,
            "scopes_until": invitation.scopes_until,
            "from_company": invitation.from_company.name,
            "to_company": invitation.to_company.name,
            "sender_name": sender.name if sender else invitation.from_company.name,
            "message": invitation.message,
            "url": landing_url(raw_token),
            "expires_at": invitation.expires_at,
            "as_distributor": invitation.to_company.kind == Company.Kind.DISTRIBUTOR,
        },
        topic="invitation",
        object_id=invitation.pk,
    )


def _record_both(
    invitation: Invitation,
    *,
    actor: User | None,
    verb: str,
    message: str,
    target_side: bool = True,
) -> None:
    """The activity record (and webhook event) of a step, on both sides (the sender's alone
    without ``target_side``: the worker records the target's); the sender of an unanswered
    offer reads its address where the target's side reads the company."""
    params = {
        "actor": actor.name if actor else "",
        "from_company": invitation.from_company.name,
        "to_company": invitation.target_label,
    }
    activity_record(
        company=invitation.from_company, actor=actor, verb=verb, message=message, params=params
    )
    if target_side and invitation.to_company is not None:
        activity_record(
            company=invitation.to_company,
            actor=actor,
            verb=verb,
            message=message,
            params={**params, "to_company": invitation.to_company.name},
        )
    if verb not in WEBHOOK_EVENTS:
        return
    if invitation.target_shown_to_sender:
        event_record(
            company=(invitation.from_company, invitation.to_company),
            type=verb,
            data=payloads.invitation(invitation),
        )
        return
    event_record(
        company=invitation.from_company,
        type=verb,
        data=payloads.invitation(invitation.as_seen_by_sender()),
    )
    event_record(company=invitation.to_company, type=verb, data=payloads.invitation(invitation))


def _tell_sender_and_record(
    invitation: Invitation, *, actor: User, verb: str, message: str, target_side: bool = True
) -> None:
    """What ``actor`` of the sending company did, told to its admins in the words that both
    companies' activity records."""
    tell_admins(
        invitation.from_company,
        message=message,
        params={"actor": actor.name, "to_company": invitation.target_label},
        url_name="issued_requests",
        actor=actor,
    )
    _record_both(invitation, actor=actor, verb=verb, message=message, target_side=target_side)


def _answer(invitation: Invitation, *, actor: User, status: str, at: datetime) -> None:
    """End a pending request with ``status``: who answered, and when."""
    invitation.status = status
    invitation.responded_by = actor
    invitation.responded_at = at
    invitation.save(update_fields=["status", "responded_by", "responded_at"])


def is_party(actor: User, invitation: Invitation) -> bool:
    """Whether the actor belongs to the sending company or to the target (when there is one)."""
    return is_member_of(actor, invitation.from_company) or (
        invitation.to_company is not None and is_member_of(actor, invitation.to_company)
    )


def _lock(actor: User, invitation_id: uuid.UUID) -> Invitation:
    """The invitation, locked, if the actor's company is a party (404 else; 403 for members)."""
    invitation = (
        Invitation.objects.select_for_update(of=("self",))
        .select_related("from_company", "to_company")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not is_party(actor, invitation):
        raise NotFound(_("No such partner request."), code="invitation_not_found")
    company = (
        invitation.from_company
        if actor.company_id == invitation.from_company_id
        else invitation.to_company
    )
    require_manage(actor, company)
    return invitation


def _require_sender(actor: User, invitation: Invitation) -> None:
    if not is_admin_of(actor, invitation.from_company):
        raise NotAllowed(
            _("Only the company that sent this request can do this."), code="sender_only"
        )


def _require_target(actor: User, invitation: Invitation) -> None:
    if invitation.to_company is None or not is_admin_of(actor, invitation.to_company):
        raise NotAllowed(
            _("Only the company this request was sent to can answer it."), code="target_only"
        )


def _require_pending(invitation: Invitation, now: datetime) -> None:
    if invitation.status != Invitation.Status.PENDING:
        raise Conflict(
            _("This request is %(status)s; only a pending request can be changed.")
            % {"status": invitation.get_status_display().lower()},
            code="invitation_not_pending",
        )
    if invitation.expires_at <= now:
        raise Conflict(_("This request has expired."), code="invitation_expired")


def _check_target(company: Company, target: Company | None) -> Company:
    if target is None:
        raise InvalidInput(
            _("Choose a company from the list."), code="invalid_target", field="to_company"
        )
    if target.pk == company.pk:
        raise InvalidInput(
            _("A company cannot be its own partner."), code="invalid_target", field="to_company"
        )
    wanted = ALLOWED_TARGET_KIND.get(company.kind)
    if wanted is None:
        raise InvalidInput(
            _("A distributor does not send partner requests."),
            code="invalid_target_kind",
            field="to_company",
        )
    if target.kind != wanted:
        message = (
            _("A customer company chooses a reseller as its partner.")
            if company.kind == Company.Kind.CUSTOMER
            else _("A reseller can only become a reseller of a distributor.")
        )
        raise InvalidInput(message, code="invalid_target_kind", field="to_company")
    return target


def _check_not_current_partner(company: Company, target: Company) -> None:
    if PartnerLink.objects.filter(company=company, partner=target, ended_at__isnull=True).exists():
        raise Conflict(
            _("%(partner)s is already your partner.") % {"partner": target.name},
            code="already_partner",
        )


def _limit_new_sends(company: Company) -> None:
    """New requests per company per hour and per day, cancelled ones included (HTTP 429): each
    one emails every admin of the target, so cancel and send again must not bypass the resend
    limits."""
    for action, limit, window in (
        ("invitation-send-hour", settings.INVITATION_SENDS_PER_COMPANY_PER_HOUR, "RATE_LIMIT_HOUR"),
        ("invitation-send-day", settings.INVITATION_SENDS_PER_COMPANY_PER_DAY, "RATE_LIMIT_DAY"),
    ):
        rate_limit_hit(
            action=action,
            key=str(company.pk),
            limit=limit,
            window=getattr(settings, window),
            message=_("Your company sent many partner requests recently; try again in %(wait)s."),
        )


@transaction.atomic
def invitation_send(*, actor: User, to_company_id: uuid.UUID, message: str = "") -> Invitation:
    """Ask a company to become our partner.

    A customer asks a reseller; a reseller asks a distributor (to become its reseller). Refused:
    any other pairing, yourself, your current partner, and a second pending request (one per
    sending company, also enforced by a partial unique constraint). Each admin of the target gets
    an email with a one-time link; only its SHA-256 is stored.
    """
    company = actor.company
    if company is None:
        raise NotAllowed(_("Only company administrators send partner requests."), code="no_company")
    require_manage(actor, company)
    message = (message or "").strip()
    if len(message) > MESSAGE_MAX_LENGTH:
        raise InvalidInput(
            _("The message is too long (2000 characters at most)."),
            code="message_too_long",
            field="message",
        )
    target = _check_target(company, Company.objects.filter(pk=to_company_id).first())
    # Serialise the sends of one company: the checks below then see every committed request.
    company = Company.objects.select_for_update().get(pk=company.pk)
    _check_not_current_partner(company, target)
    pending = (
        Invitation.objects.filter(
            from_company=company,
            status=Invitation.Status.PENDING,
            direction=Invitation.Direction.REQUEST,
        )
        .select_related("to_company")
        .first()
    )
    if pending is not None:
        raise Conflict(
            _("A request to %(target)s is already pending; cancel it before sending another.")
            % {"target": pending.to_company.name},
            code="invitation_pending",
        )
    _limit_new_sends(company)
    now = timezone.now()
    raw, token_hash = _new_token()
    invitation = Invitation(
        from_company=company,
        to_company=target,
        created_by=actor,
        message=message,
        token_hash=token_hash,
        created_at=now,
        sent_count=1,
    )
    if not _insert_first_send(invitation, now):  # a concurrent send won the race
        raise Conflict(
            _("A partner request of your company is already pending."), code="invitation_pending"
        )
    _email_target(invitation, raw, actor)
    params = {"from_company": company.name, "to_company": target.name, "actor": actor.name}
    tell_admins(
        target,
        message=gettext_noop("%(from_company)s asks %(to_company)s to become its partner."),
        params=params,
        url_name="invitation_detail",
        url_args=(invitation.pk,),
        actor=actor,
    )
    tell_admins(
        company,
        message=gettext_noop("%(actor)s sent a partner request to %(to_company)s."),
        params=params,
        url_name="issued_requests",
        actor=actor,
    )
    _record_both(
        invitation,
        actor=actor,
        verb="invitation.sent",
        message=gettext_noop(
            "%(actor)s sent a partner request from %(from_company)s to %(to_company)s."
        ),
    )
    return invitation


@transaction.atomic
def invitation_resend(*, actor: User, invitation_id: uuid.UUID) -> Invitation:
    """Send a pending or expired request again with a new link (the old one stops working).

    Throttled: ``INVITATION_RESEND_COOLDOWN`` between two sends and at most
    ``INVITATION_MAX_SENDS_PER_DAY`` sends in 24 hours (HTTP 429 with Retry-After).
    """
    invitation = _lock(actor, invitation_id)
    _require_sender(actor, invitation)
    if invitation.status not in (Invitation.Status.PENDING, Invitation.Status.EXPIRED):
        raise Conflict(
            _("This request is %(status)s; only a pending or expired request can be resent.")
            % {"status": invitation.get_status_display().lower()},
            code="invitation_not_resendable",
        )
    now = timezone.now()
    wait = (invitation.last_sent_at + settings.INVITATION_RESEND_COOLDOWN - now).total_seconds()
    if wait > 0:
        raise Throttled(
            _("This request was sent a moment ago; you can send it again in %(minutes)s min.")
            % {"minutes": math.ceil(wait / 60)},
            code="resend_too_soon",
            retry_after=math.ceil(wait),
        )
    recent = _recent_sends(invitation, now)
    if len(recent) >= settings.INVITATION_MAX_SENDS_PER_DAY:
        wait = (recent[0] + timedelta(hours=24) - now).total_seconds()
        raise Throttled(
            ngettext(
                "This request was sent %(count)s time in 24 hours; try again later.",
                "This request was sent %(count)s times in 24 hours; try again later.",
                len(recent),
            )
            % {"count": len(recent)},
            code="resend_daily_limit",
            retry_after=math.ceil(wait),
        )
    if invitation.status == Invitation.Status.EXPIRED:
        if invitation.is_offer:
            # Whom an unanswered offer reaches is the worker's to find again, as for a first
            # send: a check here would refuse only offers that had reached a company.
            invitation.to_company = None
        else:
            _check_not_current_partner(invitation.customer, invitation.partner)
    raw, token_hash = _new_token()
    invitation.token_hash = token_hash
    invitation.status = Invitation.Status.PENDING
    invitation.sent_count += 1
    invitation.delivery_due = invitation.is_offer  # an offer's worker makes the link it sends
    _record_send(invitation, now)
    try:
        with transaction.atomic():
            invitation.save()
    except IntegrityError:  # another request of this company (an offer: to this address)
        if invitation.is_offer:
            raise Conflict(
                _("Another offer to this address is pending; cancel it first."),
                code="offer_pending",
            ) from None
        raise Conflict(
            _("Another partner request of your company is pending; cancel it first."),
            code="invitation_pending",
        ) from None
    if invitation.is_offer:
        # The target's side is the worker's, as a first send's (the link is made there): whether
        # an offer reached a company shows neither in the answer nor in its time.
        offer_deliver_later(invitation, actor)
    else:
        _email_target(invitation, raw, actor)
        resent_tell_target(invitation, actor=actor)
    _tell_sender_and_record(
        invitation,
        actor=actor,
        verb=RESENT,
        message=RESENT_MESSAGE,
        target_side=not invitation.is_offer,
    )
    return invitation


RESENT = "invitation.resent"
RESENT_MESSAGE = gettext_noop("%(actor)s sent the partner request to %(to_company)s again.")


def resent_tell_target(invitation: Invitation, *, actor: User | None) -> None:
    """The target's admins are told a request (or an offer that reached them) came again."""
    if invitation.to_company is None:
        return
    tell_admins(
        invitation.to_company,
        message=gettext_noop("%(from_company)s sent its partner request again."),
        params={"from_company": invitation.from_company.name},
        url_name="invitation_detail",
        url_args=(invitation.pk,),
        actor=actor,
    )


@transaction.atomic
def invitation_cancel(*, actor: User, invitation_id: uuid.UUID) -> Invitation:
    """Withdraw a pending request; its link stops working. Pending only (409 otherwise)."""
    invitation = _lock(actor, invitation_id)
    _require_sender(actor, invitation)
    if invitation.status != Invitation.Status.PENDING:  # a pending one past expiry may go
        _require_pending(invitation, timezone.now())
    _answer(invitation, actor=actor, status=Invitation.Status.CANCELLED, at=timezone.now())
    if invitation.to_company is not None:
        tell_admins(
            invitation.to_company,
            message=gettext_noop("%(from_company)s withdrew its partner request."),
            params={"from_company": invitation.from_company.name},
            url_name="received_requests",
            actor=actor,
        )
    _tell_sender_and_record(
        invitation,
        actor=actor,
        verb="invitation.cancelled",
        message=gettext_noop("%(actor)s cancelled the partner request to %(to_company)s."),
    )
    return invitation


@transaction.atomic
def invitation_accept(*, actor: User, invitation_id: uuid.UUID) -> Invitation:
    """The target's admin accepts: the customer's previous link ends ("replaced", its partner is
    told) and the new ``PartnerLink`` starts, in one transaction: with both scopes for a request,
    with the offered scopes (until the offered date) for an offer. Pending and unexpired only
    (409 otherwise).
    """
    invitation = _lock(actor, invitation_id)
    _require_target(actor, invitation)
    now = timezone.now()
    _require_pending(invitation, now)
    company, partner = invitation.customer, invitation.partner
    previous = (
        PartnerLink.objects.select_for_update(of=("self",))
        .select_related("partner")
        .filter(company=company, ended_at__isnull=True)
        .first()
    )
    if previous is not None:
        previous.ended_at = now
        previous.end_reason = PartnerLink.EndReason.REPLACED
        previous.ended_by = actor
        previous.save(update_fields=["ended_at", "end_reason", "ended_by"])
        tell_admins(
            previous.partner,
            message=gettext_noop(
                "%(company)s chose %(partner)s as its new partner; it is no longer your customer."
            ),
            params={"company": company.name, "partner": partner.name},
            actor=actor,
        )
        activity_record(
            company=company,
            actor=actor,
            verb="partner.replaced",
            message=gettext_noop("%(old)s was replaced by %(partner)s as partner."),
            params={"old": previous.partner.name, "partner": partner.name},
        )
        event_record(
            company=(company, previous.partner),
            type="partner.unlinked",
            data=payloads.partner_link(previous),
        )
    link = PartnerLink.objects.create(
        company=company,
        partner=partner,
        invitation=invitation,
        since=now,
        scope_licensing=invitation.scope_licensing,
        scope_telephony=invitation.scope_telephony,
        scopes_until=invitation.scopes_until
        if invitation.scopes_until and invitation.scopes_until > now
        else None,
    )
    event_record(
        company=(company, partner), type="partner.linked", data=payloads.partner_link(link)
    )
    _answer(invitation, actor=actor, status=Invitation.Status.ACCEPTED, at=now)
    params = {"from_company": company.name, "to_company": partner.name, "actor": actor.name}
    tell_admins(
        company,
        message=gettext_noop("%(to_company)s is now the partner of %(from_company)s.")
        if invitation.is_offer
        else gettext_noop("%(to_company)s accepted your request and is now your partner."),
        params=params,
        url_name="dashboard",
        actor=actor,
    )
    tell_admins(
        partner,
        message=gettext_noop("%(actor)s accepted your offer: %(from_company)s is your customer.")
        if invitation.is_offer
        else gettext_noop("%(actor)s accepted the request of %(from_company)s."),
        params=params,
        url_name="customer_detail",
        url_args=(company.pk,),
        actor=actor,
    )
    _record_both(
        invitation,
        actor=actor,
        verb="invitation.accepted",
        message=gettext_noop(
            "%(actor)s accepted the partner request of %(from_company)s to %(to_company)s."
        ),
    )
    return invitation


@transaction.atomic
def invitation_decline(*, actor: User, invitation_id: uuid.UUID) -> Invitation:
    """The target's admin declines a pending request (409 otherwise); the sender is told."""
    invitation = _lock(actor, invitation_id)
    _require_target(actor, invitation)
    _require_pending(invitation, timezone.now())
    _answer(invitation, actor=actor, status=Invitation.Status.DECLINED, at=timezone.now())
    tell_admins(
        invitation.from_company,
        message=gettext_noop("%(to_company)s declined your partner request."),
        params={"to_company": invitation.to_company.name},
        url_name="issued_requests",
        actor=actor,
    )
    tell_admins(
        invitation.to_company,
        message=gettext_noop(
            "%(actor)s declined the partner request of %(from_company)s to %(to_company)s."
        ),
        params={
            "actor": actor.name,
            "from_company": invitation.from_company.name,
            "to_company": invitation.to_company.name,
        },
        url_name="received_requests",
        actor=actor,
    )
    _record_both(
        invitation,
        actor=actor,
        verb="invitation.declined",
        message=gettext_noop(
            "%(actor)s declined the partner request of %(from_company)s to %(to_company)s."
        ),
    )
    return invitation


# --- beat jobs --------------------------------------------------------------------------------


def invitations_expire_due(*, now: datetime | None = None) -> int:
    """Expire pending requests past ``expires_at`` and tell the sender (portal and email)."""
    now = now or timezone.now()
    ids = list(
        Invitation.objects.filter(status=Invitation.Status.PENDING, expires_at__lte=now)
        .order_by("expires_at")
        .values_list("pk", flat=True)[:500]
    )
    return sum(_expire_one(invitation_id, now) for invitation_id in ids)


@transaction.atomic
def _expire_one(invitation_id: uuid.UUID, now: datetime) -> int:
    invitation = (
        Invitation.objects.select_for_update(of=("self",), skip_locked=True)
        .select_related("from_company", "to_company")
        .filter(pk=invitation_id, status=Invitation.Status.PENDING, expires_at__lte=now)
        .first()
    )
    if invitation is None:  # answered or expired meanwhile
        return 0
    invitation.status = Invitation.Status.EXPIRED
    invitation.save(update_fields=["status"])
    params = {
        "from_company": invitation.from_company.name,
        "to_company": invitation.target_label,
    }
    tell_admins(
        invitation.from_company,
        message=gettext_noop(
            "Your partner request to %(to_company)s expired without an answer; you can resend it."
        ),
        params=params,
        url_name="issued_requests",
    )
    if invitation.to_company is not None:
        tell_admins(
            invitation.to_company,
            message=gettext_noop(
                "The partner request of %(from_company)s to %(to_company)s expired."
            ),
            params={**params, "to_company": invitation.to_company.name},
            url_name="received_requests",
        )
    email_admins(
        invitation.from_company,
        template="partner_invitation_expired",
        context={**params, "url": site_url(reverse("issued_requests"))},
        topic="invitation_expired",
        object_id=invitation.pk,
    )
    _record_both(
        invitation,
        actor=None,
        verb="invitation.expired",
        message=gettext_noop("The partner request of %(from_company)s to %(to_company)s expired."),
    )
    return 1


def invitations_remind_due(*, now: datetime | None = None) -> int:
    """Remind the target's admins of requests still pending: once after
    ``INVITATION_FIRST_REMINDER_AFTER`` and once ``INVITATION_LAST_REMINDER_BEFORE`` expiry.

    Each reminder is claimed by a compare-and-set on ``reminders_sent``, so two beat runs never
    send the same reminder twice. The reminder links to the request's page in the portal.
    """
    now = now or timezone.now()
    last_window = now + settings.INVITATION_LAST_REMINDER_BEFORE
    # An offer whose address has no company yet has no admins to remind.
    pending = Invitation.objects.filter(
        status=Invitation.Status.PENDING, expires_at__gt=now, to_company__isnull=False
    )
    first = pending.filter(
        reminders_sent=0,
        last_sent_at__lte=now - settings.INVITATION_FIRST_REMINDER_AFTER,
        expires_at__gt=last_window,
    ).values_list("pk", "reminders_sent")
    last = pending.filter(reminders_sent__lt=2, expires_at__lte=last_window).values_list(
        "pk", "reminders_sent"
    )
    sent = 0
    for invitation_id, seen in list(first[:500]):
        sent += _remind_one(invitation_id, seen, 1)
    for invitation_id, seen in list(last[:500]):
        sent += _remind_one(invitation_id, seen, 2)
    return sent


@transaction.atomic
def _remind_one(invitation_id: uuid.UUID, seen: int, new: int) -> int:
    claimed = Invitation.objects.filter(
        pk=invitation_id, status=Invitation.Status.PENDING, reminders_sent=seen
    ).update(reminders_sent=new)
    if not claimed:
        return 0
    invitation = Invitation.objects.select_related("from_company", "to_company").get(
        pk=invitation_id
    )
    email_admins(
        invitation.to_company,
        template="partner_invitation_reminder",
        context={
            "is_offer": invitation.is_offer,
            "from_company": invitation.from_company.name,
            "to_company": invitation.to_company.name,
            "expires_at": invitation.expires_at,
            "url": request_url(invitation),
        },
        topic="invitation_reminder",
        object_id=invitation.pk,
    )
    tell_admins(
        invitation.to_company,
        message=gettext_noop("Reminder: %(from_company)s is waiting for your answer."),
        params={"from_company": invitation.from_company.name},
        url_name="invitation_detail",
        url_args=(invitation.pk,),
    )
    return 1
