"""Time-bound partner scopes: the customer sets, clears or extends the date; beat reminds both
sides 7 days before (once) and drops the scopes when the date passes (both sides told).

Past the date the scopes count as absent at once (``partners.scopes.active_link_scopes``): beat
only makes it visible and tells people.
"""

from __future__ import annotations

import uuid
from datetime import datetime

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_noop

from companies.models import Company, User
from notifications.services import activity_record
from partners.models import PartnerLink
from partners.scopes import SCOPES_UNTIL_MAX_AHEAD
from partners.services._common import email_admins, site_url, tell_admins
from partners.services.links import _lock_active_link, _no_partner
from partners.services.offers import clean_scopes_until, scopes_until_too_far
from rainbow_admin.display import last_day
from rainbow_admin.permissions import require_manage
from webhooks import payloads
from webhooks.events import event_record


def _told_both(link: PartnerLink, *, actor: User | None, message: str, until) -> None:
    params = {
        "actor": actor.name if actor else "",
        "company": link.company.name,
        "partner": link.partner.name,
        "until": last_day(until).isoformat() if until else "",
    }
    tell_admins(
        link.partner,
        message=message,
        params=params,
        url_name="customer_detail",
        url_args=(link.company_id,),
        actor=actor,
    )
    tell_admins(link.company, message=message, params=params, url_name="dashboard", actor=actor)
    for side in (link.company, link.partner):
        activity_record(
            company=side, actor=actor, verb="partner.scopes_until", message=message, params=params
        )


def _scopes_event(link: PartnerLink) -> None:
    event_record(
        company=(link.company, link.partner),
        type="partner.scopes_changed",
        data=payloads.partner_link(link),
    )


@transaction.atomic
def partner_link_set_scopes_until(
    *, actor: User, company: Company, scopes_until: datetime | None
) -> PartnerLink:
    """The company's admins set (a future moment) or clear (None) the end of the partner's
    scopes. A new date may be reminded again."""
    require_manage(actor, company)
    scopes_until = clean_scopes_until(scopes_until)
    link = _lock_active_link(company)
    if link is None:
        raise _no_partner()
    if link.scopes_until == scopes_until:
        return link
    link.scopes_until = scopes_until
    link.scopes_reminder_sent_at = None
    link.save(update_fields=["scopes_until", "scopes_reminder_sent_at"])
    _scopes_event(link)
    _told_both(
        link,
        actor=actor,
        message=gettext_noop(
            "%(actor)s set the end of the scopes of %(partner)s on %(company)s: %(until)s."
        )
        if scopes_until
        else gettext_noop("%(actor)s removed the end date of the scopes of %(partner)s."),
        until=scopes_until,
    )
    return link


@transaction.atomic
def partner_link_extend_scopes(*, actor: User, company: Company) -> PartnerLink:
    """One click: the scopes' end moves ``PARTNER_SCOPES_EXTEND_BY`` later (from now when it
    has passed). Without an end date there is nothing to extend."""
    require_manage(actor, company)
    link = _lock_active_link(company)
    if link is None:
        raise _no_partner()
    if link.scopes_until is None:
        return link
    now = timezone.now()
    start = max(link.scopes_until, now)
    if start > now + SCOPES_UNTIL_MAX_AHEAD - settings.PARTNER_SCOPES_EXTEND_BY:
        raise scopes_until_too_far()  # checked before adding: a far date would overflow
    return partner_link_set_scopes_until(
        actor=actor, company=company, scopes_until=start + settings.PARTNER_SCOPES_EXTEND_BY
    )


def _scopes_email(link: PartnerLink, template: str, topic: str) -> None:
    context = {
        "company": link.company.name,
        "partner": link.partner.name,
        "scopes": [s for s in ("licensing", "telephony") if getattr(link, f"scope_{s}")],
        "scopes_until": link.scopes_until,
    }
    email_admins(
        link.company,
        template=template,
        context={**context, "is_customer": True, "url": site_url(reverse("dashboard"))},
        topic=topic,
        object_id=link.pk,
    )
    email_admins(
        link.partner,
        template=template,
        context={
            **context,
            "is_customer": False,
            "url": site_url(reverse("customer_detail", args=[link.company_id])),
        },
        topic=topic,
        object_id=link.pk,
    )


def partner_scopes_remind_due(*, now: datetime | None = None) -> int:
    """Tell both sides' admins (email and portal) ``PARTNER_SCOPES_REMINDER_BEFORE`` the scopes
    end. Sent once per date: claimed by a compare-and-set on ``scopes_reminder_sent_at``."""
    now = now or timezone.now()
    ids = list(
        PartnerLink.objects.filter(
            ended_at__isnull=True,
            scopes_until__gt=now,
            scopes_until__lte=now + settings.PARTNER_SCOPES_REMINDER_BEFORE,
            scopes_reminder_sent_at__isnull=True,
        ).values_list("pk", flat=True)[:500]
    )
    return sum(_remind_one(link_id, now) for link_id in ids)


@transaction.atomic
def _remind_one(link_id: uuid.UUID, now: datetime) -> int:
    claimed = PartnerLink.objects.filter(
        pk=link_id, ended_at__isnull=True, scopes_reminder_sent_at__isnull=True
    ).update(scopes_reminder_sent_at=now)
    if not claimed:
        return 0
    link = PartnerLink.objects.select_related("company", "partner").get(pk=link_id)
    if not (link.scope_licensing or link.scope_telephony):
        return 0
    _scopes_email(link, "partner_scopes_ending", "partner_scopes_ending")
    _told_both(
        link,
        actor=None,
        message=gettext_noop(
            "The scopes of %(partner)s on %(company)s end on %(until)s unless extended."
        ),
        until=link.scopes_until,
    )
    return 1


def partner_scopes_drop_due(*, now: datetime | None = None) -> int:
    """Drop the scopes of links whose ``scopes_until`` has passed; both sides are told."""
    now = now or timezone.now()
    ids = list(
        PartnerLink.objects.filter(ended_at__isnull=True, scopes_until__lte=now).values_list(
            "pk", flat=True
        )[:500]
    )
    return sum(_drop_one(link_id, now) for link_id in ids)


@transaction.atomic
def _drop_one(link_id: uuid.UUID, now: datetime) -> int:
    link = (
        PartnerLink.objects.select_for_update(of=("self",), skip_locked=True)
        .select_related("company", "partner")
        .filter(pk=link_id, ended_at__isnull=True, scopes_until__lte=now)
        .first()
    )
    if link is None:
        return 0
    held = link.scope_licensing or link.scope_telephony
    until = link.scopes_until
    if held:
        _scopes_email(link, "partner_scopes_ended", "partner_scopes_ended")
    link.scope_licensing = False
    link.scope_telephony = False
    link.scopes_until = None
    link.scopes_reminder_sent_at = None
    link.save(
        update_fields=[
            "scope_licensing",
            "scope_telephony",
            "scopes_until",
            "scopes_reminder_sent_at",
        ]
    )
    if held:
        _scopes_event(link)
        _told_both(
            link,
            actor=None,
            message=gettext_noop("The scopes of %(partner)s on %(company)s ended on %(until)s."),
            until=until,
        )
    return 1
