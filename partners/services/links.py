"""The partner link: its scopes and its end."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import Company, User
from notifications.services import activity_record
from partners.models import PartnerLink
from partners.services._common import tell_admins
from rainbow_admin.errors import Conflict, InvalidInput
from rainbow_admin.permissions import SCOPES, is_admin_of, require_manage
from webhooks import payloads
from webhooks.events import event_record


def _lock_active_link(company: Company) -> PartnerLink | None:
    return (
        PartnerLink.objects.select_for_update(of=("self",))
        .select_related("company", "partner")
        .filter(company=company, ended_at__isnull=True)
        .first()
    )


def _no_partner() -> Conflict:
    return Conflict(_("Your company has no partner."), code="no_partner")


@transaction.atomic
def partner_link_set_scopes(*, actor: User, company: Company, scopes: list[str]) -> PartnerLink:
    """The company's admins choose what its partner may do: ``licensing``, ``telephony``.

    A withdrawn scope takes effect at once; the partner's admins are told.
    """
    require_manage(actor, company)
    unknown = sorted(set(scopes) - set(SCOPES))
    if unknown:
        raise InvalidInput(
            _("Unknown scope: %(scope)s. Choose among licensing and telephony.")
            % {"scope": ", ".join(unknown)},
            code="invalid_scope",
            field="scopes",
        )
    link = _lock_active_link(company)
    if link is None:
        raise _no_partner()
    # Past ``scopes_until`` the link holds no scope whatever its flags: granting scopes again
    # clears that past date (else they would still count as absent).
    expired = link.scopes_until is not None and link.scopes_until <= timezone.now()
    before = (set(link.scopes), link.scope_licensing, link.scope_telephony)
    link.scope_licensing = "licensing" in scopes
    link.scope_telephony = "telephony" in scopes
    if expired and (link.scope_licensing or link.scope_telephony):
        link.scopes_until = None
        link.scopes_reminder_sent_at = None
    if (set(link.scopes), link.scope_licensing, link.scope_telephony) == before:
        return link
    link.save(
        update_fields=[
            "scope_licensing",
            "scope_telephony",
            "scopes_until",
            "scopes_reminder_sent_at",
        ]
    )
    params = {
        "actor": actor.name,
        "company": company.name,
        "scopes": ", ".join(link.scopes) or "-",
    }
    tell_admins(
        link.partner,
        message=gettext_noop("%(company)s changed what you may manage for it: %(scopes)s."),
        params=params,
        url_name="customer_detail",
        url_args=(company.pk,),
        actor=actor,
    )
    activity_record(
        company=company,
        actor=actor,
        verb="partner.scopes_changed",
        message=gettext_noop("%(actor)s set the partner's scopes to: %(scopes)s."),
        params=params,
    )
    event_record(
        company=(company, link.partner),
        type="partner.scopes_changed",
        data=payloads.partner_link(link),
    )
    return link


@transaction.atomic
def partner_link_end(*, actor: User, company: Company) -> PartnerLink:
    """End the company's partnership, with every scope at once.

    The company's admins remove their partner ("removed"); the partner's admins may end it from
    their side ("dropped"). The other side is told.
    """
    link = _lock_active_link(company)
    if link is None:
        require_manage(actor, company)
        raise _no_partner()
    if is_admin_of(actor, link.partner):
        reason, told = PartnerLink.EndReason.DROPPED, link.company
    else:
        require_manage(actor, company)
        reason, told = PartnerLink.EndReason.REMOVED, link.partner
    link.ended_at = timezone.now()
    link.end_reason = reason
    link.ended_by = actor
    link.save(update_fields=["ended_at", "end_reason", "ended_by"])
    params = {"actor": actor.name, "company": link.company.name, "partner": link.partner.name}
    tell_admins(
        told,
        message=gettext_noop("The partnership between %(company)s and %(partner)s has ended."),
        params=params,
        actor=actor,
    )
    for side in (link.company, link.partner):
        activity_record(
            company=side,
            actor=actor,
            verb="partner.ended",
            message=gettext_noop(
                "%(actor)s ended the partnership between %(company)s and %(partner)s."
            ),
            params=params,
        )
    event_record(
        company=(link.company, link.partner),
        type="partner.unlinked",
        data=payloads.partner_link(link),
    )
    return link
