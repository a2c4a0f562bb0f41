"""What every telephony write shares: the permission and the PBX lock, the change record, the
Cloud-PBX-only guard and the removal of one of a PBX's rows."""

from __future__ import annotations

from typing import Any

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from companies.models import User
from companies.selectors import company_admins
from notifications.services import activity_record, notify
from rainbow_admin.errors import Conflict
from telephony.access import acts_from_outside, require_telephony
from telephony.models import Pbx, PublicNumber


def pbx_url(pbx: Pbx) -> str:
    return reverse("telephony_pbx", kwargs={"pbx_id": pbx.pk})


def record_change(
    *, actor: User, pbx: Pbx, verb: str, message: Any, params: dict[str, Any]
) -> None:
    """Log the change in the company's activity; a change by the partner (or an operator) is
    also told to the company's admins in the portal."""
    params = {"actor": actor.name, "pbx": pbx.name, **params}
    activity_record(company=pbx.company, actor=actor, verb=verb, message=message, params=params)
    if acts_from_outside(actor, pbx.company):
        by = actor.company.name if actor.company_id else ""
        notify(
            recipients=company_admins(company_id=pbx.company_id),
            message=message,
            params={**params, "actor": f"{actor.name} ({by})" if by else actor.name},
            url=pbx_url(pbx),
            actor=actor,
        )


def require_cloud(pbx: Pbx) -> None:
    if not pbx.is_cloud:
        raise Conflict(
            _(
                "“%(pbx)s” is a %(kind)s: devices, public numbers, hunt groups, Welcome Service, "
                "Automated Attendant and emergency numbers exist only on a Cloud PBX."
            )
            % {"pbx": pbx.name, "kind": pbx.get_kind_display()},
            code="cloud_pbx_only",
        )


def lock_pbx(pbx: Pbx) -> Pbx:
    """Serialise writes on one PBX so checks of uniqueness and ranges hold."""
    return Pbx.objects.select_for_update().select_related("company").get(pk=pbx.pk)


def pbx_for_change(actor: User, pbx: Pbx, *, cloud: bool = False) -> Pbx:
    """The start of every telephony change: the actor may manage the company's telephony (403
    otherwise), a Cloud PBX resource is refused on another kind of PBX (``cloud``), and the PBX
    is locked until the change commits (``lock_pbx``)."""
    require_telephony(actor, pbx.company)
    if cloud:
        require_cloud(pbx)
    return lock_pbx(pbx)


def pbx_row_remove(
    *,
    actor: User,
    row: Any,
    verb: str,
    message: str,
    params: dict[str, Any],
    unroute: str = "",
) -> None:
    """Remove one of a PBX's rows (a device, an emergency number, a hunt group…) and record it.
    ``unroute`` names the public numbers' field that may point at the row: those numbers then
    route nowhere."""
    pbx = pbx_for_change(actor, row.pbx)
    if unroute:
        PublicNumber.objects.filter(**{unroute: row}).update(destination="", **{unroute: None})
    record_change(actor=actor, pbx=pbx, verb=verb, message=message, params=params)
    row.delete()
