"""Public numbers (DDIs) and emergency numbers of a Cloud PBX."""

from __future__ import annotations

from typing import Any

import phonenumbers
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy
from django_countries import countries

from companies.models import User
from rainbow_admin.errors import InputErrors, InvalidInput
from telephony.emergency import emergency_code, is_known
from telephony.identifiers import clean_e164
from telephony.models import (
    AutoAttendant,
    EmergencyNumber,
    HuntGroup,
    Line,
    Pbx,
    PublicNumber,
    WelcomeService,
)
from telephony.services.common import (
    pbx_for_change,
    pbx_row_remove,
    record_change,
)

MAX_RANGE = 100


def _number_range(first: str, count: int) -> list[str]:
    """``count`` consecutive numbers from ``first`` (E.164), each valid, none past the plan."""
    parsed = phonenumbers.parse(first)
    numbers = []
    for offset in range(count):
        candidate = phonenumbers.PhoneNumber(
            country_code=parsed.country_code,
            national_number=parsed.national_number + offset,
            italian_leading_zero=parsed.italian_leading_zero,
        )
        text = phonenumbers.format_number(candidate, phonenumbers.PhoneNumberFormat.E164)
        if not phonenumbers.is_valid_number(candidate):
            raise InvalidInput(
                _("The range leaves the numbering plan at %(number)s.") % {"number": text},
                code="invalid_range",
                field="count",
            )
        numbers.append(text)
    return numbers


@transaction.atomic
def numbers_add(*, actor: User, pbx: Pbx, number: str, count: int = 1) -> list[PublicNumber]:
    """Add one public number or a range of ``count`` consecutive ones (E.164, checked with the
    phonenumbers library). A range overlapping numbers already there adds nothing. The first
    number of the PBX becomes the company number."""
    pbx = pbx_for_change(actor, pbx, cloud=True)
    errors = InputErrors()
    with errors.check():
        first = clean_e164(number, region=pbx.country.code)
    with errors.check():
        if isinstance(count, bool) or not isinstance(count, int) or not 1 <= count <= MAX_RANGE:
            raise InvalidInput(
                _("A range has 1 to %(max)s numbers.") % {"max": MAX_RANGE},
                code="invalid_range",
                field="count",
            )
    errors.raise_any()
    wanted = _number_range(first, count)
    taken = sorted(
        PublicNumber.objects.filter(pbx=pbx, number__in=wanted).values_list("number", flat=True)
    )
    if taken:
        raise InvalidInput(
            _("The range overlaps numbers already on this PBX: %(numbers)s.")
            % {"numbers": ", ".join(taken[:5])},
            code="range_overlap",
            field="number",
        )
    has_main = PublicNumber.objects.filter(pbx=pbx, is_company_number=True).exists()
    created = PublicNumber.objects.bulk_create(
        PublicNumber(pbx=pbx, number=text, is_company_number=(not has_main and index == 0))
        for index, text in enumerate(wanted)
    )
    record_change(
        actor=actor,
        pbx=pbx,
        verb="numbers.added",
        message=ngettext_lazy(
            "%(actor)s added %(count)s public number from %(first)s to “%(pbx)s”.",
            "%(actor)s added %(count)s public numbers from %(first)s to “%(pbx)s”.",
            "count",
        ),
        params={"count": count, "first": first},
    )
    return created


def _route_fields(number: PublicNumber) -> None:
    number.line = number.hunt_group = number.auto_attendant = number.welcome_service = None


@transaction.atomic
def number_route(
    *, actor: User, number: PublicNumber, destination: str, target_id: Any = None
) -> PublicNumber:
    """Route a public number to a member (their line), a hunt group, an Automated Attendant or a
    Welcome Service of the same PBX, or to nothing (``destination`` empty)."""
    pbx = pbx_for_change(actor, number.pbx)
    if destination not in PublicNumber.Destination.values:
        raise InvalidInput(
            _(
                "Choose where the number goes: member, hunt_group, auto_attendant or "
                "welcome_service."
            ),
            code="invalid_destination",
            field="destination",
        )
    previous_line = number.line
    _route_fields(number)
    number.destination = destination
    if destination:
        model = {
            "member": Line,
            "hunt_group": HuntGroup,
            "auto_attendant": AutoAttendant,
            "welcome_service": WelcomeService,
        }[destination]
        target = model.objects.filter(pbx=pbx, pk=target_id).first() if target_id else None
        if target is None:
            raise InvalidInput(
                _("Choose a destination of this PBX."), code="unknown_destination", field="target"
            )
        setattr(number, {"member": "line"}.get(destination, destination), target)
    if previous_line is not None and previous_line != number.line:
        Line.objects.filter(pk=previous_line.pk).update(public_number="")
    if number.line is not None:
        Line.objects.filter(pbx=pbx, public_number=number.number).exclude(pk=number.line.pk).update(
            public_number=""
        )
        PublicNumber.objects.filter(line=number.line).exclude(pk=number.pk).update(
            destination="", line=None
        )
        Line.objects.filter(pk=number.line.pk).update(public_number=number.number)
    number.save()
    record_change(
        actor=actor,
        pbx=pbx,
        verb="numbers.routed",
        message=gettext_noop("%(actor)s routed %(number)s to %(target)s."),
        params={"number": number.number, "target": str(number.target or "-")},
    )
    return number


@transaction.atomic
def number_make_company_number(*, actor: User, number: PublicNumber) -> PublicNumber:
    pbx = pbx_for_change(actor, number.pbx)
    PublicNumber.objects.filter(pbx=pbx, is_company_number=True).update(is_company_number=False)
    number.is_company_number = True
    number.save(update_fields=["is_company_number"])
    record_change(
        actor=actor,
        pbx=pbx,
        verb="numbers.company_number",
        message=gettext_noop("%(actor)s made %(number)s the company number."),
        params={"number": number.number},
    )
    return number


@transaction.atomic
def number_remove(*, actor: User, number: PublicNumber) -> None:
    """Remove a public number; if it was the company number, the next one takes its place."""
    pbx = pbx_for_change(actor, number.pbx)
    Line.objects.filter(pbx=pbx, public_number=number.number).update(public_number="")
    was_main = number.is_company_number
    record_change(
        actor=actor,
        pbx=pbx,
        verb="numbers.removed",
        message=gettext_noop("%(actor)s removed the public number %(number)s."),
        params={"number": number.number},
    )
    number.delete()
    if was_main:
        following = PublicNumber.objects.filter(pbx=pbx).order_by("number").first()
        if following:
            following.is_company_number = True
            following.save(update_fields=["is_company_number"])


# --- emergency numbers ----------------------------------------------------------------------


def _hunt_group_of(pbx: Pbx, group_id: Any) -> HuntGroup | None:
    if not group_id:
        return None
    group = HuntGroup.objects.filter(pbx=pbx, pk=group_id).first()
    if group is None:
        raise InvalidInput(
            _("Choose a hunt group of this PBX."), code="unknown_hunt_group", field="hunt_group"
        )
    return group


@transaction.atomic
def emergency_number_add(
    *,
    actor: User,
    pbx: Pbx,
    country: str,
    number: str,
    description: str = "",
    softphone_allowed: bool = True,
    hunt_group_id: Any = None,
) -> EmergencyNumber:
    """Add an emergency number for a country (2 to 6 digits, once per country)."""
    pbx = pbx_for_change(actor, pbx, cloud=True)
    errors = InputErrors()
    country = (country or "").strip().upper()
    with errors.check():
        if country not in dict(countries):
            raise InvalidInput(
                _("Choose a country by its ISO 3166 code, e.g. DE or FR."),
                code="invalid_country",
                field="country",
            )
    number = (number or "").strip()
    with errors.check():
        if not (number.isdigit() and 2 <= len(number) <= 6):
            raise InvalidInput(
                _("An emergency number is 2 to 6 digits, e.g. 112."),
                code="invalid_emergency_number",
                field="number",
            )
        if EmergencyNumber.objects.filter(pbx=pbx, country=country, number=number).exists():
            raise InvalidInput(
                _("%(number)s is already an emergency number for this country.")
                % {"number": number},
                code="emergency_exists",
                field="number",
            )
    with errors.check():
        hunt_group = _hunt_group_of(pbx, hunt_group_id)
    errors.raise_any()
    text = (description or "").strip()[:120]
    code = emergency_code(country, number)
    row = EmergencyNumber.objects.create(
        pbx=pbx,
        country=country,
        number=number,
        description_text=text,
        # Without words of their own, a known number reads in each reader's language.
        description_code=code if not text and is_known(code) else "",
        softphone_allowed=bool(softphone_allowed),
        hunt_group=hunt_group,
    )
    record_change(
        actor=actor,
        pbx=pbx,
        verb="emergency.added",
        message=gettext_noop("%(actor)s added the emergency number %(number)s (%(country)s)."),
        params={"number": number, "country": country},
    )
    return row


@transaction.atomic
def emergency_number_update(
    *, actor: User, row: EmergencyNumber, data: dict[str, Any]
) -> EmergencyNumber:
    """Change whether softphones may call an emergency number, its description or hunt group."""
    pbx = pbx_for_change(actor, row.pbx)
    if "softphone_allowed" in data:
        row.softphone_allowed = bool(data["softphone_allowed"])
    if "description" in data:
        row.description = (data["description"] or "").strip()[:120]
    if "hunt_group" in data:
        row.hunt_group = _hunt_group_of(pbx, data["hunt_group"])
    row.save()
    record_change(
        actor=actor,
        pbx=pbx,
        verb="emergency.changed",
        message=gettext_noop("%(actor)s changed the emergency number %(number)s (%(country)s)."),
        params={"number": row.number, "country": row.country.code},
    )
    return row


@transaction.atomic
def emergency_number_remove(*, actor: User, row: EmergencyNumber) -> None:
    pbx_row_remove(
        actor=actor,
        row=row,
        verb="emergency.removed",
        message=gettext_noop("%(actor)s removed the emergency number %(number)s (%(country)s)."),
        params={"number": row.number, "country": row.country.code},
    )
