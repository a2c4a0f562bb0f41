"""Declaring PBXs (the partner's job) and giving members their lines (the admin's job)."""

from __future__ import annotations

import zoneinfo
from functools import cache
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import Company, User
from companies.selectors import company_admins
from companies.validation import clean_country, clean_language
from notifications.services import activity_record, email_queue
from rainbow_admin.errors import InputErrors, InvalidInput
from telephony.access import require_pbx_declare
from telephony.emergency import emergency_code, emergency_table
from telephony.identifiers import clean_e164, clean_host
from telephony.models import EmergencyNumber, HuntGroup, Line, Pbx, PublicNumber
from telephony.services.common import (
    lock_pbx,
    pbx_for_change,
    pbx_url,
    record_change,
)
from telephony.services.prompts import pbx_prompt_names, prompt_files_delete_on_commit
from webhooks import payloads
from webhooks.events import event_record

DEFAULT_TIME_ZONES = {
    "DE": "Europe/Berlin",
    "FR": "Europe/Paris",
    "GB": "Europe/London",
    "US": "America/New_York",
    "ES": "Europe/Madrid",
    "IT": "Europe/Rome",
    "NL": "Europe/Amsterdam",
    "BE": "Europe/Brussels",
    "CH": "Europe/Zurich",
    "AT": "Europe/Vienna",
}


@cache
def time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


# --- validation shared by the API and the pages --------------------------------------------


def _clean_name(value: str | None) -> str:
    name = " ".join((value or "").split())
    if not name:
        raise InvalidInput(_("A name is required."), code="name_required", field="name")
    if len(name) > 100:
        raise InvalidInput(
            _("The name is too long (100 characters at most)."), code="name_too_long", field="name"
        )
    return name


def _clean_text(value: Any, *, field: str, max_length: int) -> str:
    text = str(value or "").strip()
    if len(text) > max_length:
        raise InvalidInput(
            _("Too long (%(max)s characters at most).") % {"max": max_length},
            code="too_long",
            field=field,
        )
    return text


def _clean_time_zone(value: str | None) -> str:
    if value not in time_zones():
        raise InvalidInput(
            _("Choose a time zone such as Europe/Berlin."),
            code="invalid_time_zone",
            field="time_zone",
        )
    return value


def _clean_prefix(value: Any) -> str:
    prefix = str(value if value is not None else "").strip()
    if not (prefix.isdigit() and 1 <= len(prefix) <= 4):
        raise InvalidInput(
            _("The extension prefix is 1 to 4 digits, e.g. 8."),
            code="invalid_prefix",
            field="extension_prefix",
        )
    if prefix.startswith("0"):
        raise InvalidInput(
            _("An extension prefix cannot start with 0: 0 is kept for outside lines."),
            code="invalid_prefix",
            field="extension_prefix",
        )
    return prefix


def _clean_digits(value: Any, *, prefix: str) -> int:
    """1 to 6 digits after the prefix; with a valid prefix, 8 digits in all at most."""
    try:
        count = int(value)
    except (TypeError, ValueError):
        count = 0
    too_long = prefix.isdigit() and len(prefix) <= 4 and len(prefix) + count > 8
    if isinstance(value, bool) or not 1 <= count <= 6 or too_long:
        raise InvalidInput(
            _(
                "The number of digits after the prefix is 1 to 6, and extensions have 8 digits "
                "at most."
            ),
            code="invalid_digits",
            field="extension_digits",
        )
    return count


def clean_numbering(prefix: Any, digits: Any, *, country: str) -> tuple[str, int]:
    """The prefix and the number of digits after it, each checked (both refused at once)."""
    errors = InputErrors()
    with errors.check():
        prefix = _clean_prefix(prefix)
    with errors.check():
        count = _clean_digits(digits, prefix=str(prefix if prefix is not None else "").strip())
    errors.raise_any()
    probe = Pbx(kind=Pbx.Kind.CLOUD_PBX, extension_prefix=prefix, extension_digits=count)
    for number, _description in emergency_table().get(country, []):
        if probe.in_range(number):
            raise InvalidInput(
                _(
                    "Extensions %(first)s-%(last)s would include the emergency number %(number)s. "
                    "Choose another prefix."
                )
                % {"first": probe.first_extension, "last": probe.last_extension, "number": number},
                code="range_hits_emergency",
                field="extension_prefix",
            )
    return prefix, count


def _check_no_overlap(company: Company, prefix: str, exclude_id=None) -> None:
    """Two Cloud PBXs of one company may not share dialled digits: 8xxx and 80xx are ambiguous."""
    others = Pbx.objects.filter(company=company, kind=Pbx.Kind.CLOUD_PBX).exclude(pk=exclude_id)
    for other in others.only("name", "extension_prefix", "extension_digits"):
        if other.extension_prefix.startswith(prefix) or prefix.startswith(other.extension_prefix):
            raise InvalidInput(
                _(
                    "This numbering overlaps the extensions %(first)s-%(last)s of “%(pbx)s”. "
                    "Choose a prefix that neither starts with %(other)s nor is its beginning."
                )
                % {
                    "first": other.first_extension,
                    "last": other.last_extension,
                    "pbx": other.name,
                    "other": other.extension_prefix,
                },
                code="range_overlap",
                field="extension_prefix",
            )


def _check_name_free(company: Company, name: str, exclude_id=None) -> None:
    if Pbx.objects.filter(company=company, name__iexact=name).exclude(pk=exclude_id).exists():
        raise InvalidInput(
            _("This company already has a PBX named “%(name)s”.") % {"name": name},
            code="name_taken",
            field="name",
        )


def _apply_kind_settings(pbx: Pbx, data: dict[str, Any]) -> None:
    """Per-kind settings; those of another kind are ignored. Every wrong one is refused."""
    errors = InputErrors()
    if pbx.is_cloud:
        if "language" in data:
            with errors.check():
                pbx.language = clean_language(data["language"])
        if "time_zone" in data:
            with errors.check():
                pbx.time_zone = _clean_time_zone(data["time_zone"])
    elif pbx.kind in (Pbx.Kind.OMNIPCX_ENTERPRISE, Pbx.Kind.OXO_CONNECT):
        if "system_id" in data:
            with errors.check():
                pbx.system_id = _clean_text(data["system_id"], field="system_id", max_length=64)
        if "version" in data:
            with errors.check():
                pbx.version = _clean_text(data["version"], field="version", max_length=32)
        if "call_server" in data:
            with errors.check():
                pbx.call_server = clean_host(data["call_server"], field="call_server")
    elif "sip_domain" in data:
        pbx.sip_domain = clean_host(data["sip_domain"], field="sip_domain")
    errors.raise_any()


# --- PBXs -----------------------------------------------------------------------------------


@transaction.atomic
def pbx_declare(
    *,
    actor: User,
    company: Company,
    kind: str,
    name: str,
    country: str,
    extension_prefix: str | None = None,
    extension_digits: int | None = None,
    **settings: Any,
) -> Pbx:
    """Declare voice equipment for a company. Only its partner holding the telephony scope, or
    an operator. A Cloud PBX needs its numbering (fixed from then on, not overlapping another
    Cloud PBX of the company) and gets the country's emergency numbers."""
    require_pbx_declare(actor, company)
    Company.objects.select_for_update().get(pk=company.pk)
    errors = InputErrors()
    with errors.check():
        if kind not in Pbx.Kind.values:
            raise InvalidInput(
                _("Choose a kind: cloud_pbx, omnipcx_enterprise, oxo_connect or third_party."),
                code="invalid_kind",
                field="kind",
            )
    pbx = Pbx(
        company=company, kind=kind, declared_by=actor, declared_by_company_id=actor.company_id
    )
    with errors.check():
        pbx.name = _clean_name(name)
        _check_name_free(company, pbx.name)
    with errors.check():
        pbx.country = clean_country(country)
    if pbx.is_cloud:
        with errors.check():
            pbx.extension_prefix, pbx.extension_digits = clean_numbering(
                extension_prefix,
                extension_digits,
                country=pbx.country.code if pbx.country else "",
            )
            _check_no_overlap(company, pbx.extension_prefix)
        settings.setdefault("language", company.language)
        settings.setdefault(
            "time_zone", DEFAULT_TIME_ZONES.get(pbx.country.code if pbx.country else "", "UTC")
        )
    with errors.check():
        _apply_kind_settings(pbx, settings)
    errors.raise_any()
    pbx.save()
    if pbx.is_cloud:
        EmergencyNumber.objects.bulk_create(
            EmergencyNumber(
                pbx=pbx,
                country=pbx.country.code,
                number=number,
                description_code=emergency_code(pbx.country.code, number),
            )
            for number, _texts in emergency_table().get(pbx.country.code, [])
        )
    record_change(
        actor=actor,
        pbx=pbx,
        verb="pbx.declared",
        message=gettext_noop("%(actor)s declared the PBX “%(pbx)s” (%(kind)s)."),
        params={"kind": pbx.get_kind_display()},
    )
    event_record(company=company, type="pbx.declared", data=payloads.pbx(pbx))
    if not actor.company_id or actor.company_id != company.pk:
        for admin in company_admins(company_id=company.pk):
            email_queue(
                to=admin.email,
                language=admin.language,
                template="pbx_declared",
                context={
                    "admin_name": admin.name,
                    "partner_name": actor.company.name if actor.company_id else actor.name,
                    "pbx_name": pbx.name,
                    "kind": Pbx.Kind(pbx.kind).label,
                    "company_name": company.name,
                    "path": pbx_url(pbx),
                },
                topic="pbx_declared",
                object_id=pbx.pk,
            )
    return pbx


@transaction.atomic
def pbx_update(*, actor: User, pbx: Pbx, data: dict[str, Any]) -> Pbx:
    """Change a PBX's name, country, status or per-kind settings. Its kind and a Cloud PBX's
    numbering are fixed once created."""
    require_pbx_declare(actor, pbx.company)
    pbx = lock_pbx(pbx)
    errors = InputErrors()
    with errors.check():
        if "kind" in data and data["kind"] != pbx.kind:
            raise InvalidInput(
                _("The kind of a PBX cannot change; remove it and declare a new one."),
                code="kind_fixed",
                field="kind",
            )
    for field in ("extension_prefix", "extension_digits"):
        with errors.check():
            if field in data and str(data[field]) != str(getattr(pbx, field)):
                raise InvalidInput(
                    _("The internal numbering of a Cloud PBX is fixed once it is created."),
                    code="numbering_fixed",
                    field=field,
                )
    if "name" in data:
        with errors.check():
            pbx.name = _clean_name(data["name"])
            _check_name_free(pbx.company, pbx.name, exclude_id=pbx.pk)
    if "country" in data:
        with errors.check():
            pbx.country = clean_country(data["country"])
    if "status" in data:
        with errors.check():
            if data["status"] not in Pbx.Status.values:
                raise InvalidInput(
                    _("Choose a status: active or suspended."),
                    code="invalid_status",
                    field="status",
                )
            pbx.status = data["status"]
    with errors.check():
        _apply_kind_settings(pbx, data)
    errors.raise_any()
    pbx.save()
    record_change(
        actor=actor,
        pbx=pbx,
        verb="pbx.changed",
        message=gettext_noop("%(actor)s changed the PBX “%(pbx)s”."),
        params={},
    )
    event_record(company=pbx.company, type="pbx.updated", data=payloads.pbx(pbx))
    return pbx


@transaction.atomic
def pbx_remove(*, actor: User, pbx: Pbx) -> None:
    """Remove a PBX with its lines and configuration: its partner with the scope, or operators."""
    require_pbx_declare(actor, pbx.company)
    pbx = lock_pbx(pbx)
    prompt_files_delete_on_commit(pbx_prompt_names(pbx))  # the rows go with the PBX
    record_change(
        actor=actor,
        pbx=pbx,
        verb="pbx.removed",
        message=gettext_noop("%(actor)s removed the PBX “%(pbx)s”."),
        params={},
    )
    event_record(company=pbx.company, type="pbx.removed", data=payloads.pbx(pbx))
    pbx.delete()


# --- lines ----------------------------------------------------------------------------------


def _clean_extension(pbx: Pbx, value: Any, *, exclude_line=None, exclude_group=None) -> str:
    extension = str(value or "").strip()
    if not (extension.isdigit() and 2 <= len(extension) <= 10):
        raise InvalidInput(
            _("An extension is 2 to 10 digits."), code="invalid_extension", field="extension"
        )
    if pbx.is_cloud and not pbx.in_range(extension):
        raise InvalidInput(
            _("Extension %(extension)s is outside this PBX's numbering (%(first)s-%(last)s).")
            % {"extension": extension, "first": pbx.first_extension, "last": pbx.last_extension},
            code="extension_out_of_range",
            field="extension",
        )
    taken = (
        Line.objects.filter(pbx=pbx, extension=extension).exclude(pk=exclude_line).exists()
        or HuntGroup.objects.filter(pbx=pbx, extension=extension).exclude(pk=exclude_group).exists()
    )
    if taken:
        raise InvalidInput(
            _("Extension %(extension)s is already used on this PBX.") % {"extension": extension},
            code="extension_taken",
            field="extension",
        )
    return extension


def _attach_public_number(pbx: Pbx, line: Line, value: str | None) -> None:
    """Set the line's public number; on a Cloud PBX, one of its numbers, routed to the member."""
    text = (value or "").strip()
    previous = line.public_number
    if pbx.is_cloud and previous:
        PublicNumber.objects.filter(pbx=pbx, line=line).update(destination="", line=None)
    if not text:
        line.public_number = ""
        return
    number = clean_e164(text, region=pbx.country.code, field="public_number")
    if Line.objects.filter(pbx=pbx, public_number=number).exclude(pk=line.pk).exists():
        raise InvalidInput(
            _("%(number)s is already the number of another member.") % {"number": number},
            code="number_in_use",
            field="public_number",
        )
    if pbx.is_cloud:
        public = PublicNumber.objects.filter(pbx=pbx, number=number).first()
        if public is None:
            raise InvalidInput(
                _("%(number)s is not a public number of this Cloud PBX. Add it first.")
                % {"number": number},
                code="unknown_number",
                field="public_number",
            )
        if public.destination and public.destination != PublicNumber.Destination.MEMBER:
            raise InvalidInput(
                _("%(number)s is routed to %(target)s; route it elsewhere first.")
                % {"number": number, "target": public.target},
                code="number_in_use",
                field="public_number",
            )
        line.public_number = number
        line.save()
        public.destination, public.line = PublicNumber.Destination.MEMBER, line
        public.save(update_fields=["destination", "line"])
    line.public_number = number


@transaction.atomic
def line_create(
    *, actor: User, pbx: Pbx, user_id: Any, extension: Any, public_number: str | None = None
) -> Line:
    """Give a member of the company a line on the PBX: one line per member, an extension unique
    on the PBX (inside its numbering on a Cloud PBX), optionally a public number."""
    pbx = pbx_for_change(actor, pbx)
    # Locked, as member_deactivate locks it: a member deactivated meanwhile gets no line (a
    # line only ever belongs to an active member of the PBX's company, or to one still awaiting
    # activation, as a member import gives them; the dashboard counts on it).
    member = (
        User.objects.select_for_update(of=("self",))
        .filter(pk=user_id, company=pbx.company)
        .exclude(is_active=False, activated_at__isnull=False)
        .select_related("phone_line__pbx")
        .first()
    )
    if member is None:
        raise InvalidInput(
            _("Choose an active member of %(company)s.") % {"company": pbx.company.name},
            code="not_a_member",
            field="user",
        )
    existing = Line.objects.filter(user=member).select_related("pbx").first()
    if existing is not None:
        raise InvalidInput(
            _("%(name)s already has extension %(extension)s on “%(pbx)s”; one line per member.")
            % {"name": member.name, "extension": existing.extension, "pbx": existing.pbx.name},
            code="line_exists",
            field="user",
        )
    line = Line(pbx=pbx, user=member, extension=_clean_extension(pbx, extension))
    try:
        with transaction.atomic():
            line.save(force_insert=True)
    except IntegrityError:  # a concurrent request gave this member a line on another PBX
        raise InvalidInput(
            _("%(name)s already has a line; one line per member.") % {"name": member.name},
            code="line_exists",
            field="user",
        ) from None
    _attach_public_number(pbx, line, public_number)
    line.save()
    record_change(
        actor=actor,
        pbx=pbx,
        verb="line.created",
        message=gettext_noop("%(actor)s gave %(member)s extension %(extension)s on “%(pbx)s”."),
        params={"member": member.name, "extension": line.extension},
    )
    return line


@transaction.atomic
def line_update(*, actor: User, line: Line, data: dict[str, Any]) -> Line:
    """Change a line's extension or public number, with the same rules as when it was given."""
    pbx = pbx_for_change(actor, line.pbx)
    if "extension" in data:
        line.extension = _clean_extension(pbx, data["extension"], exclude_line=line.pk)
    if "public_number" in data:
        _attach_public_number(pbx, line, data["public_number"])
    line.save()
    record_change(
        actor=actor,
        pbx=pbx,
        verb="line.changed",
        message=gettext_noop("%(actor)s changed the line of %(member)s (%(extension)s)."),
        params={"member": line.user.name, "extension": line.extension},
    )
    return line


def _free(line: Line) -> None:
    PublicNumber.objects.filter(line=line).update(destination="", line=None)
    line.delete()


@transaction.atomic
def line_free(*, actor: User, line: Line) -> None:
    """Take a member's line back: its devices stay on the PBX unassigned, its numbers unrouted."""
    pbx_for_change(actor, line.pbx)
    record_change(
        actor=actor,
        pbx=line.pbx,
        verb="line.freed",
        message=gettext_noop("%(actor)s freed extension %(extension)s of %(member)s."),
        params={"member": line.user.name, "extension": line.extension},
    )
    _free(line)


@transaction.atomic
def line_free_for_deactivated_member(*, member: User, actor: User | None) -> None:
    """A deactivated member keeps no line (called from ``companies.signals.member_deactivated``)."""
    line = Line.objects.select_related("pbx__company").filter(user=member).first()
    if line is None:
        return
    activity_record(
        company=line.pbx.company,
        actor=actor,
        verb="line.freed",
        message=gettext_noop("Extension %(extension)s of %(member)s was freed (deactivated)."),
        params={"member": member.name, "extension": line.extension, "pbx": line.pbx.name},
    )
    _free(line)
