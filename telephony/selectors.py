"""Reads of telephony, scoped to the actor and shaped so each page costs a fixed number of
queries."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import Count, OuterRef, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from companies.models import Company, User
from rainbow_admin.db import SubqueryCount
from rainbow_admin.errors import NotFound
from rainbow_admin.permissions import require_view
from telephony.access import may_hear_prompts, require_telephony
from telephony.models import (
    AttendantKey,
    AutoAttendant,
    Device,
    DeviceImport,
    EmergencyNumber,
    HuntGroup,
    HuntGroupMember,
    Line,
    OpeningException,
    OpeningHours,
    Pbx,
    PublicNumber,
    WelcomeService,
)


def _not_found(what=None) -> NotFound:
    return NotFound(what or _("Not found."), code="not_found")


def _pk(value: Any) -> uuid.UUID | None:
    """An id from a URL or a form as a UUID; None when malformed (the caller answers not found,
    as for an id of another company: a posted id must never raise)."""
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except (TypeError, ValueError, AttributeError):
        return None


def pbx_list(*, actor: User, company: Company) -> QuerySet[Pbx]:
    """A company's PBXs with their line counts, for its admins, its partner and operators."""
    require_telephony(actor, company)
    return (
        Pbx.objects.filter(company=company)
        .select_related("declared_by", "declared_by_company")
        .annotate(line_count=SubqueryCount(Line.objects.filter(pbx=OuterRef("pk"))))
        .order_by("name")
    )


def pbx_get(*, actor: User, pbx_id: Any) -> Pbx:
    """One PBX the actor may work on (404 if it may not even see the company)."""
    pbx = (
        Pbx.objects.select_related("company", "declared_by", "declared_by_company")
        .filter(pk=pbx_id)
        .first()
    )
    if pbx is None:
        raise _not_found()
    require_view(actor, pbx.company)
    require_telephony(actor, pbx.company)
    return pbx


def pbx_get_to_hear(*, actor: User, pbx_id: Any) -> Pbx:
    """A PBX whose voice prompts the actor may hear (404 for anyone else, whatever else they
    may see of the company: a prompt is no business of a partner without the scope)."""
    pbx = Pbx.objects.select_related("company").filter(pk=pbx_id).first()
    if pbx is None or not may_hear_prompts(actor, pbx.company):
        raise _not_found()
    return pbx


def lines_list(*, pbx: Pbx) -> QuerySet[Line]:
    """The PBX's lines, each with what freeing it takes along (for the confirmation): the hunt
    groups it leaves and the devices it loses, in two queries whatever the number of lines."""
    return (
        Line.objects.filter(pbx=pbx)
        .select_related("user")
        .annotate(device_count=Count("devices"))
        .prefetch_related(
            Prefetch("hunt_groups", queryset=HuntGroup.objects.order_by("name")),
            Prefetch("devices", queryset=Device.objects.order_by("kind", "identifier")),
        )
        .order_by("extension")
    )


def line_get(*, pbx: Pbx, line_id: Any) -> Line:
    line = (
        Line.objects.select_related("user", "pbx__company").filter(pk=_pk(line_id), pbx=pbx).first()
    )
    if line is None:
        raise _not_found(_("No such line on this PBX."))
    return line


def members_without_line(*, company: Company) -> QuerySet[User]:
    return User.objects.filter(company=company, is_active=True, phone_line__isnull=True).order_by(
        "name"
    )


def own_line(*, user: User) -> Line | None:
    """The member's own line, for the profile."""
    return Line.objects.select_related("pbx").filter(user=user).first()


def devices_list(*, pbx: Pbx) -> QuerySet[Device]:
    return (
        Device.objects.filter(pbx=pbx).select_related("line__user").order_by("kind", "identifier")
    )


def device_get(*, pbx: Pbx, device_id: Any) -> Device:
    device = Device.objects.select_related("line__user").filter(pk=_pk(device_id), pbx=pbx).first()
    if device is None:
        raise _not_found(_("No such device on this PBX."))
    return device


def device_import_get(*, pbx: Pbx, import_id: Any) -> DeviceImport:
    job = DeviceImport.objects.filter(pk=_pk(import_id), pbx=pbx).first()
    if job is None:
        raise _not_found()
    return job


def device_imports_recent(*, pbx: Pbx) -> QuerySet[DeviceImport]:
    return DeviceImport.objects.filter(pbx=pbx).defer("content").order_by("-created_at")[:5]


def public_numbers_list(*, pbx: Pbx) -> QuerySet[PublicNumber]:
    return (
        PublicNumber.objects.filter(pbx=pbx)
        .select_related("line__user", "hunt_group", "auto_attendant", "welcome_service")
        .order_by("-is_company_number", "number")
    )


def public_number_get(*, pbx: Pbx, number_id: Any) -> PublicNumber:
    number = PublicNumber.objects.filter(pk=_pk(number_id), pbx=pbx).first()
    if number is None:
        raise _not_found(_("No such public number on this PBX."))
    return number


def hunt_groups_list(*, pbx: Pbx) -> QuerySet[HuntGroup]:
    return (
        HuntGroup.objects.filter(pbx=pbx)
        .prefetch_related(
            Prefetch(
                "memberships",
                queryset=HuntGroupMember.objects.select_related("line__user").order_by("position"),
            )
        )
        .order_by("name")
    )


def hunt_group_choices(*, pbx: Pbx) -> QuerySet[HuntGroup]:
    return HuntGroup.objects.filter(pbx=pbx).only("id", "name").order_by("name")


def attendant_choices(*, pbx: Pbx) -> QuerySet[AutoAttendant]:
    return AutoAttendant.objects.filter(pbx=pbx).only("id", "name").order_by("name")


def welcome_choices(*, pbx: Pbx) -> QuerySet[WelcomeService]:
    return WelcomeService.objects.filter(pbx=pbx).only("id", "name").order_by("name")


def hunt_group_get(*, pbx: Pbx, group_id: Any) -> HuntGroup:
    group = hunt_groups_list(pbx=pbx).filter(pk=_pk(group_id)).first()
    if group is None:
        raise _not_found(_("No such hunt group on this PBX."))
    return group


def welcome_services_list(*, pbx: Pbx) -> QuerySet[WelcomeService]:
    return (
        WelcomeService.objects.filter(pbx=pbx)
        .select_related(
            "open_line__user", "open_hunt_group", "closed_line__user", "closed_hunt_group"
        )
        .prefetch_related(
            Prefetch("hours", queryset=OpeningHours.objects.order_by("weekday", "opens")),
            Prefetch("exceptions", queryset=OpeningException.objects.order_by("date")),
            Prefetch("numbers", queryset=PublicNumber.objects.order_by("number")),
        )
        .order_by("name")
    )


def welcome_service_get(*, pbx: Pbx, service_id: Any) -> WelcomeService:
    service = welcome_services_list(pbx=pbx).filter(pk=_pk(service_id)).first()
    if service is None:
        raise _not_found(_("No such Welcome Service on this PBX."))
    return service


def auto_attendants_list(*, pbx: Pbx) -> QuerySet[AutoAttendant]:
    return (
        AutoAttendant.objects.filter(pbx=pbx)
        .prefetch_related(
            Prefetch(
                "keys",
                queryset=AttendantKey.objects.select_related("line__user", "hunt_group").order_by(
                    "menu", "digit"
                ),
            ),
            Prefetch("numbers", queryset=PublicNumber.objects.order_by("number")),
        )
        .order_by("name")
    )


def auto_attendant_get(*, pbx: Pbx, attendant_id: Any) -> AutoAttendant:
    attendant = auto_attendants_list(pbx=pbx).filter(pk=_pk(attendant_id)).first()
    if attendant is None:
        raise _not_found(_("No such Automated Attendant on this PBX."))
    return attendant


def emergency_numbers_list(*, pbx: Pbx) -> QuerySet[EmergencyNumber]:
    return (
        EmergencyNumber.objects.filter(pbx=pbx)
        .select_related("hunt_group")
        .order_by("country", "number")
    )


def emergency_number_get(*, pbx: Pbx, emergency_id: Any) -> EmergencyNumber:
    row = EmergencyNumber.objects.filter(pk=_pk(emergency_id), pbx=pbx).first()
    if row is None:
        raise _not_found()
    return row


def telephony_panel(*, company: Company, active_members: int) -> dict[str, Any]:
    """The dashboard's telephony at a glance: PBXs by kind, lines, members without a line.

    Members without a line are the ``active_members`` (the members panel counts them) less the
    lines: a line is only given to an active member of the PBX's company, and a deactivated
    member's line is removed (``services.pbx``), so counting the lines spares an anti-join over
    every member.
    """
    in_pbx = OuterRef("pk")
    pbxs = list(
        Pbx.objects.filter(company=company)
        .annotate(
            line_count=SubqueryCount(Line.objects.filter(pbx=in_pbx)),
            device_count=SubqueryCount(Device.objects.filter(pbx=in_pbx)),
            number_count=SubqueryCount(PublicNumber.objects.filter(pbx=in_pbx)),
        )
        .order_by("name")
    )
    lines = sum(p.line_count for p in pbxs)
    return {"pbxs": pbxs, "lines": lines, "without_line": max(active_members - lines, 0)}
