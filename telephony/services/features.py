"""Hunt groups, Welcome Service and Automated Attendant of a Cloud PBX."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import User
from rainbow_admin.errors import InputErrors, InvalidInput, NotFound
from telephony.access import require_telephony
from telephony.identifiers import clean_e164
from telephony.models import (
    AttendantKey,
    AutoAttendant,
    HuntGroup,
    HuntGroupMember,
    Line,
    OpeningException,
    OpeningHours,
    Pbx,
    PublicNumber,
    WelcomeService,
)
from telephony.services.common import (
    pbx_for_change,
    pbx_row_remove,
    record_change,
)
from telephony.services.pbx import _clean_extension, _clean_name
from telephony.services.prompts import prompt_files_delete_on_commit, prompt_names, prompt_store


def _lines_of_members(pbx: Pbx, user_ids: list[Any], *, field: str) -> list[Line]:
    lines = {str(line.user_id): line for line in Line.objects.filter(pbx=pbx, user_id__in=user_ids)}
    missing = [str(uid) for uid in user_ids if str(uid) not in lines]
    if missing:
        raise InvalidInput(
            _("Every member must have a line on this PBX first."),
            code="member_without_line",
            field=field,
        )
    return [lines[str(uid)] for uid in user_ids]


def _line_of_member(pbx: Pbx, user_id: Any, *, field: str) -> Line | None:
    if not user_id:
        return None
    return _lines_of_members(pbx, [user_id], field=field)[0]


def _hunt_group(pbx: Pbx, group_id: Any, *, field: str) -> HuntGroup | None:
    if not group_id:
        return None
    group = HuntGroup.objects.filter(pbx=pbx, pk=group_id).first()
    if group is None:
        raise InvalidInput(
            _("Choose a hunt group of this PBX."), code="unknown_hunt_group", field=field
        )
    return group


def _number_to_route(pbx: Pbx, value: Any, obj: Any) -> PublicNumber | None:
    """The public number ``value`` of the PBX, free to route to ``obj`` (a Welcome Service or
    an attendant): a number already routed somewhere else must be freed first."""
    if not value:
        return None
    e164 = clean_e164(str(value), region=pbx.country.code, field="public_number")
    number = PublicNumber.objects.filter(pbx=pbx, number=e164).first()
    if number is None:
        raise InvalidInput(
            _("%(number)s is not a public number of this Cloud PBX. Add it first.")
            % {"number": e164},
            code="unknown_number",
            field="public_number",
        )
    if number.destination and number.target != obj:
        raise InvalidInput(
            _("%(number)s is routed to %(target)s; route it elsewhere first.")
            % {"number": e164, "target": number.target},
            code="number_in_use",
            field="public_number",
        )
    return number


def _route(number: PublicNumber | None, **target: Any) -> None:
    """Route a number checked by ``_number_to_route`` to its target."""
    if number is None:
        return
    ((kind, obj),) = target.items()
    number.line = number.hunt_group = number.auto_attendant = number.welcome_service = None
    number.destination = kind
    setattr(number, kind, obj)
    number.save()


def _require_name_free(others: QuerySet, name: str, message: str) -> None:
    """Names are unique on a PBX whatever their case: ``others`` (the PBX's other rows of the
    kind) may not hold ``name``; ``message`` says so with ``%(name)s``."""
    if others.filter(name__iexact=name).exists():
        raise InvalidInput(message % {"name": name}, code="name_taken", field="name")


# --- hunt groups ----------------------------------------------------------------------------


def _clean_group(pbx: Pbx, data: dict[str, Any], group: HuntGroup) -> list[Line] | None:
    """Check every field given and refuse them all at once (``InvalidInputs``)."""
    errors = InputErrors()
    lines: list[Line] | None = None
    if "name" in data:
        with errors.check():
            group.name = _clean_name(data["name"])
            _require_name_free(
                HuntGroup.objects.filter(pbx=pbx).exclude(pk=group.pk),
                group.name,
                _("A hunt group named “%(name)s” already exists."),
            )
    with errors.check():
        if data.get("extension"):
            group.extension = _clean_extension(pbx, data["extension"], exclude_group=group.pk)
        elif "extension" in data:
            group.extension = ""
    if "policy" in data:
        with errors.check():
            if data["policy"] not in HuntGroup.Policy.values:
                raise InvalidInput(
                    _("Choose a policy: serial, parallel or circular."),
                    code="invalid_policy",
                    field="policy",
                )
            group.policy = data["policy"]
    if "ring_timeout" in data:
        with errors.check():
            try:
                timeout = int(data["ring_timeout"])
            except (TypeError, ValueError):
                timeout = 0
            if not 5 <= timeout <= 30:
                raise InvalidInput(
                    _("The ring timeout is 5 to 30 seconds."),
                    code="invalid_timeout",
                    field="ring_timeout",
                )
            group.ring_timeout = timeout
    if "members" in data:
        with errors.check():
            ids = list(dict.fromkeys(data["members"] or []))
            lines = _lines_of_members(pbx, ids, field="members")
    errors.raise_any()
    return lines


def _set_members(group: HuntGroup, lines: list[Line] | None) -> None:
    if lines is None:
        return
    HuntGroupMember.objects.filter(hunt_group=group).delete()
    HuntGroupMember.objects.bulk_create(
        HuntGroupMember(hunt_group=group, line=line, position=i) for i, line in enumerate(lines)
    )


@transaction.atomic
def hunt_group_create(*, actor: User, pbx: Pbx, data: dict[str, Any]) -> HuntGroup:
    """A hunt group: members with a line on the PBX (in ringing order), a policy, a ring timeout
    of 5 to 30 seconds, optionally its own extension."""
    pbx = pbx_for_change(actor, pbx, cloud=True)
    group = HuntGroup(pbx=pbx, policy="", ring_timeout=20)
    data = {"policy": data.get("policy"), "name": data.get("name"), **data}
    lines = _clean_group(pbx, data, group)
    group.save()
    _set_members(group, lines)
    record_change(
        actor=actor,
        pbx=pbx,
        verb="hunt_group.created",
        message=gettext_noop("%(actor)s created the hunt group “%(group)s”."),
        params={"group": group.name},
    )
    return group


@transaction.atomic
def hunt_group_update(*, actor: User, group: HuntGroup, data: dict[str, Any]) -> HuntGroup:
    pbx = pbx_for_change(actor, group.pbx)
    lines = _clean_group(pbx, data, group)
    group.save()
    _set_members(group, lines)
    record_change(
        actor=actor,
        pbx=pbx,
        verb="hunt_group.changed",
        message=gettext_noop("%(actor)s changed the hunt group “%(group)s”."),
        params={"group": group.name},
    )
    return group


@transaction.atomic
def hunt_group_remove(*, actor: User, group: HuntGroup) -> None:
    pbx_row_remove(
        actor=actor,
        row=group,
        verb="hunt_group.removed",
        message=gettext_noop("%(actor)s removed the hunt group “%(group)s”."),
        params={"group": group.name},
        unroute="hunt_group",
    )


# --- Welcome Service ------------------------------------------------------------------------


def _parse_time(value: Any, *, field: str) -> datetime.time | None:
    if value in (None, ""):
        return None
    if isinstance(value, datetime.time):
        return value
    try:
        return datetime.time.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput(
            _("Write times as HH:MM, e.g. 08:30."), code="invalid_time", field=field
        ) from None


def _clean_hours(rows: list[dict[str, Any]]) -> list[OpeningHours]:
    """Weekday periods: 0 (Monday) to 6, opening before closing, none overlapping on a day."""
    hours = []
    for row in rows:
        try:
            weekday = int(row.get("weekday"))
        except (TypeError, ValueError):
            weekday = -1
        if not 0 <= weekday <= 6:
            raise InvalidInput(
                _("A weekday is 0 (Monday) to 6 (Sunday)."), code="invalid_weekday", field="hours"
            )
        opens = _parse_time(row.get("opens"), field="hours")
        closes = _parse_time(row.get("closes"), field="hours")
        if opens is None or closes is None or opens >= closes:
            raise InvalidInput(
                _("Each period opens before it closes."), code="invalid_period", field="hours"
            )
        hours.append(OpeningHours(weekday=weekday, opens=opens, closes=closes))
    hours.sort(key=lambda h: (h.weekday, h.opens))
    for before, after in itertools.pairwise(hours):
        if before.weekday == after.weekday and after.opens < before.closes:
            raise InvalidInput(
                _("Opening hours overlap on the same day (%(a)s-%(b)s and %(c)s-%(d)s).")
                % {
                    "a": before.opens.strftime("%H:%M"),
                    "b": before.closes.strftime("%H:%M"),
                    "c": after.opens.strftime("%H:%M"),
                    "d": after.closes.strftime("%H:%M"),
                },
                code="hours_overlap",
                field="hours",
            )
    return hours


def _clean_exceptions(rows: list[dict[str, Any]]) -> list[OpeningException]:
    found = []
    dates = set()
    for row in rows:
        try:
            day = (
                row["date"]
                if isinstance(row.get("date"), datetime.date)
                else datetime.date.fromisoformat(str(row.get("date")))
            )
        except (KeyError, ValueError):
            raise InvalidInput(
                _("Write dates as YYYY-MM-DD."), code="invalid_date", field="exceptions"
            ) from None
        if day in dates:
            raise InvalidInput(
                _("Only one exception per date."), code="duplicate_date", field="exceptions"
            )
        dates.add(day)
        opens = _parse_time(row.get("opens"), field="exceptions")
        closes = _parse_time(row.get("closes"), field="exceptions")
        if (opens is None) != (closes is None) or (opens and closes and opens >= closes):
            raise InvalidInput(
                _("An exception is either closed all day (no times) or opens before it closes."),
                code="invalid_period",
                field="exceptions",
            )
        found.append(
            OpeningException(
                date=day,
                opens=opens,
                closes=closes,
                description=str(row.get("description") or "")[:100],
            )
        )
    return found


def _apply_destinations(pbx: Pbx, service: WelcomeService, data: dict[str, Any]) -> None:
    for when in ("open", "closed"):
        member_key, group_key = f"{when}_member", f"{when}_hunt_group"
        if member_key in data or group_key in data:
            line = _line_of_member(pbx, data.get(member_key), field=member_key)
            group = _hunt_group(pbx, data.get(group_key), field=group_key)
            if line and group:
                raise InvalidInput(
                    _("Choose one destination: a member or a hunt group."),
                    code="two_destinations",
                    field=member_key,
                )
            setattr(service, f"{when}_line", line)
            setattr(service, f"{when}_hunt_group", group)


@transaction.atomic
def welcome_service_create(*, actor: User, pbx: Pbx, data: dict[str, Any]) -> WelcomeService:
    """A Welcome Service answers its public number: the open destination during the weekday
    hours (dated exceptions override them), the closed one otherwise, in the PBX's time zone."""
    pbx = pbx_for_change(actor, pbx, cloud=True)
    service = WelcomeService(pbx=pbx)
    errors = InputErrors()
    with errors.check():
        service.name = _clean_name(data.get("name"))
        _require_name_free(
            WelcomeService.objects.filter(pbx=pbx),
            service.name,
            _("A Welcome Service named “%(name)s” already exists."),
        )
    with errors.check():
        _apply_destinations(pbx, service, data)
    with errors.check():
        hours = _clean_hours(data.get("hours") or [])
    with errors.check():
        exceptions = _clean_exceptions(data.get("exceptions") or [])
    with errors.check():
        number = _number_to_route(pbx, data.get("public_number"), service)
    errors.raise_any()
    service.save()
    for row in hours + exceptions:
        row.welcome_service = service
    OpeningHours.objects.bulk_create(hours)
    OpeningException.objects.bulk_create(exceptions)
    _route(number, welcome_service=service)
    record_change(
        actor=actor,
        pbx=pbx,
        verb="welcome.created",
        message=gettext_noop("%(actor)s created the Welcome Service “%(service)s”."),
        params={"service": service.name},
    )
    return service


@transaction.atomic
def welcome_service_update(
    *, actor: User, service: WelcomeService, data: dict[str, Any]
) -> WelcomeService:
    """Change a Welcome Service; ``hours`` and ``exceptions``, when given, replace the old ones."""
    pbx = pbx_for_change(actor, service.pbx)
    errors = InputErrors()
    if "name" in data:
        with errors.check():
            service.name = _clean_name(data["name"])
            _require_name_free(
                WelcomeService.objects.filter(pbx=pbx).exclude(pk=service.pk),
                service.name,
                _("A Welcome Service named “%(name)s” already exists."),
            )
    with errors.check():
        _apply_destinations(pbx, service, data)
    if "hours" in data:
        with errors.check():
            hours = _clean_hours(data["hours"] or [])
    if "exceptions" in data:
        with errors.check():
            exceptions = _clean_exceptions(data["exceptions"] or [])
    with errors.check():
        number = _number_to_route(pbx, data.get("public_number"), service)
    errors.raise_any()
    if "hours" in data:
        OpeningHours.objects.filter(welcome_service=service).delete()
        for row in hours:
            row.welcome_service = service
        OpeningHours.objects.bulk_create(hours)
    if "exceptions" in data:
        OpeningException.objects.filter(welcome_service=service).delete()
        for row in exceptions:
            row.welcome_service = service
        OpeningException.objects.bulk_create(exceptions)
    service.save()
    _route(number, welcome_service=service)
    record_change(
        actor=actor,
        pbx=pbx,
        verb="welcome.changed",
        message=gettext_noop("%(actor)s changed the Welcome Service “%(service)s”."),
        params={"service": service.name},
    )
    return service


@transaction.atomic
def opening_hours_add(
    *, actor: User, service: WelcomeService, weekday: int, opens: Any, closes: Any
) -> WelcomeService:
    """Add one weekday period; it may not overlap another period of that day."""
    rows = [
        {"weekday": h.weekday, "opens": h.opens, "closes": h.closes}
        for h in OpeningHours.objects.filter(welcome_service=service)
    ]
    rows.append({"weekday": weekday, "opens": opens, "closes": closes})
    return welcome_service_update(actor=actor, service=service, data={"hours": rows})


@transaction.atomic
def opening_exception_add(
    *, actor: User, service: WelcomeService, date: Any, opens: Any, closes: Any, description: str
) -> WelcomeService:
    rows = [
        {"date": e.date, "opens": e.opens, "closes": e.closes, "description": e.description}
        for e in OpeningException.objects.filter(welcome_service=service)
    ]
    rows.append({"date": date, "opens": opens, "closes": closes, "description": description})
    return welcome_service_update(actor=actor, service=service, data={"exceptions": rows})


@transaction.atomic
def opening_row_remove(*, actor: User, service: WelcomeService, kind: str, row_id: Any) -> None:
    require_telephony(actor, service.pbx.company)
    model = OpeningHours if kind == "hours" else OpeningException
    if not str(row_id or "").isdigit():  # rows have numeric ids: a malformed one is not found
        raise NotFound(_("Not found."), code="not_found")
    model.objects.filter(welcome_service=service, pk=int(row_id)).delete()
    record_change(
        actor=actor,
        pbx=service.pbx,
        verb="welcome.changed",
        message=gettext_noop("%(actor)s changed the Welcome Service “%(service)s”."),
        params={"service": service.name},
    )


@transaction.atomic
def welcome_greeting_upload(
    *, actor: User, service: WelcomeService, which: str, upload: Any
) -> WelcomeService:
    """Store a greeting (``open`` or ``closed``) once it proved a WAV file that decodes; the
    greeting it replaces is deleted after the commit."""
    pbx = pbx_for_change(actor, service.pbx)
    if which not in ("open", "closed"):
        raise InvalidInput(
            _("Choose the open or closed greeting."), code="invalid_greeting", field="which"
        )
    prompt_store(owner=service, field=f"greeting_{which}", upload=upload)
    record_change(
        actor=actor,
        pbx=pbx,
        verb="welcome.greeting",
        message=gettext_noop("%(actor)s uploaded a greeting for “%(service)s”."),
        params={"service": service.name},
    )
    return service


@transaction.atomic
def welcome_service_remove(*, actor: User, service: WelcomeService) -> None:
    """Remove a Welcome Service; its greetings' files go after the commit."""
    prompt_files_delete_on_commit(prompt_names([service]))
    pbx_row_remove(
        actor=actor,
        row=service,
        verb="welcome.removed",
        message=gettext_noop("%(actor)s removed the Welcome Service “%(service)s”."),
        params={"service": service.name},
        unroute="welcome_service",
    )


# --- Automated Attendant --------------------------------------------------------------------


def _clean_keys(pbx: Pbx, rows: list[dict[str, Any]]) -> list[AttendantKey]:
    """Keys 0-9 of the root menu (``menu`` "") and of sub-menus ("1", "12"): three levels at
    most, each sub-menu behind a key of its parent menu whose action is ``menu``."""
    keys: dict[str, AttendantKey] = {}
    for row in rows:
        menu = str(row.get("menu") or "")
        digit = str(row.get("digit") if row.get("digit") is not None else "")
        action = row.get("action")
        if not (digit.isdigit() and len(digit) == 1) or not (menu.isdigit() or menu == ""):
            raise InvalidInput(
                _("A key is one digit from 0 to 9."), code="invalid_key", field="keys"
            )
        if len(menu) >= AutoAttendant.MAX_DEPTH or (
            action == AttendantKey.Action.MENU and len(menu) + 1 >= AutoAttendant.MAX_DEPTH
        ):
            raise InvalidInput(
                _("Menus go three levels deep at most."), code="menu_too_deep", field="keys"
            )
        key = AttendantKey(menu=menu, digit=digit, action=action)
        if action == AttendantKey.Action.MEMBER:
            key.line = _line_of_member(pbx, row.get("member"), field="keys")
            if key.line is None:
                raise InvalidInput(_("Choose a member."), code="invalid_key", field="keys")
        elif action == AttendantKey.Action.HUNT_GROUP:
            key.hunt_group = _hunt_group(pbx, row.get("hunt_group"), field="keys")
            if key.hunt_group is None:
                raise InvalidInput(_("Choose a hunt group."), code="invalid_key", field="keys")
        elif action != AttendantKey.Action.MENU:
            raise InvalidInput(
                _("A key leads to a member, a hunt group or a sub-menu."),
                code="invalid_key",
                field="keys",
            )
        if key.path in keys:
            raise InvalidInput(
                _("Key %(digit)s is set twice in the same menu.") % {"digit": digit},
                code="duplicate_key",
                field="keys",
            )
        keys[key.path] = key
    for key in keys.values():
        parent = keys.get(key.menu)
        if key.menu and (parent is None or parent.action != AttendantKey.Action.MENU):
            raise InvalidInput(
                _("Key %(path)s belongs to a sub-menu that no key opens.")
                % {"path": "-".join(key.path)},
                code="orphan_key",
                field="keys",
            )
    return list(keys.values())


def _replace_keys(attendant: AutoAttendant, keys: list[AttendantKey]) -> None:
    AttendantKey.objects.filter(attendant=attendant).delete()
    for key in keys:
        key.attendant = attendant
    AttendantKey.objects.bulk_create(keys)


def _key_rows(attendant: AutoAttendant) -> list[dict[str, Any]]:
    return [
        {
            "menu": k.menu,
            "digit": k.digit,
            "action": k.action,
            "member": k.line.user_id if k.line_id else None,
            "hunt_group": k.hunt_group_id,
        }
        for k in AttendantKey.objects.filter(attendant=attendant).select_related("line")
    ]


@transaction.atomic
def auto_attendant_create(*, actor: User, pbx: Pbx, data: dict[str, Any]) -> AutoAttendant:
    """An Automated Attendant answers its public number with a root menu of keys 0-9, each to a
    member, a hunt group or a sub-menu (three levels at most); callers may dial extensions."""
    pbx = pbx_for_change(actor, pbx, cloud=True)
    attendant = AutoAttendant(pbx=pbx, dial_by_extension=bool(data.get("dial_by_extension", True)))
    errors = InputErrors()
    with errors.check():
        attendant.name = _clean_name(data.get("name"))
        _require_name_free(
            AutoAttendant.objects.filter(pbx=pbx),
            attendant.name,
            _("An Automated Attendant named “%(name)s” already exists."),
        )
    with errors.check():
        keys = _clean_keys(pbx, data.get("keys") or [])
    with errors.check():
        number = _number_to_route(pbx, data.get("public_number"), attendant)
    errors.raise_any()
    attendant.save()
    _replace_keys(attendant, keys)
    _route(number, auto_attendant=attendant)
    record_change(
        actor=actor,
        pbx=pbx,
        verb="attendant.created",
        message=gettext_noop("%(actor)s created the Automated Attendant “%(attendant)s”."),
        params={"attendant": attendant.name},
    )
    return attendant


@transaction.atomic
def auto_attendant_update(
    *, actor: User, attendant: AutoAttendant, data: dict[str, Any]
) -> AutoAttendant:
    """Change an attendant; ``keys``, when given, replace the whole menu tree."""
    pbx = pbx_for_change(actor, attendant.pbx)
    errors = InputErrors()
    if "name" in data:
        with errors.check():
            attendant.name = _clean_name(data["name"])
            _require_name_free(
                AutoAttendant.objects.filter(pbx=pbx).exclude(pk=attendant.pk),
                attendant.name,
                _("An Automated Attendant named “%(name)s” already exists."),
            )
    if "keys" in data:
        with errors.check():
            keys = _clean_keys(pbx, data["keys"] or [])
    with errors.check():
        number = _number_to_route(pbx, data.get("public_number"), attendant)
    errors.raise_any()
    if "dial_by_extension" in data:
        attendant.dial_by_extension = bool(data["dial_by_extension"])
    if "keys" in data:
        _replace_keys(attendant, keys)
    attendant.save()
    _route(number, auto_attendant=attendant)
    record_change(
        actor=actor,
        pbx=pbx,
        verb="attendant.changed",
        message=gettext_noop("%(actor)s changed the Automated Attendant “%(attendant)s”."),
        params={"attendant": attendant.name},
    )
    return attendant


@transaction.atomic
def attendant_key_set(
    *, actor: User, attendant: AutoAttendant, key: dict[str, Any]
) -> AutoAttendant:
    """Set one key (replacing what the key did before)."""
    rows = [
        r
        for r in _key_rows(attendant)
        if not (r["menu"] == str(key.get("menu") or "") and r["digit"] == str(key.get("digit")))
    ]
    rows.append(key)
    return auto_attendant_update(actor=actor, attendant=attendant, data={"keys": rows})


@transaction.atomic
def attendant_key_remove(*, actor: User, attendant: AutoAttendant, path: str) -> AutoAttendant:
    """Remove a key and, for a sub-menu, everything behind it."""
    rows = [r for r in _key_rows(attendant) if not (r["menu"] + r["digit"]).startswith(path)]
    return auto_attendant_update(actor=actor, attendant=attendant, data={"keys": rows})


@transaction.atomic
def attendant_prompt_upload(*, actor: User, attendant: AutoAttendant, upload: Any) -> AutoAttendant:
    """Store the menu prompt once it proved a WAV file that decodes; the prompt it replaces is
    deleted after the commit."""
    pbx = pbx_for_change(actor, attendant.pbx)
    prompt_store(owner=attendant, field="prompt", upload=upload)
    record_change(
        actor=actor,
        pbx=pbx,
        verb="attendant.prompt",
        message=gettext_noop("%(actor)s uploaded a prompt for “%(attendant)s”."),
        params={"attendant": attendant.name},
    )
    return attendant


@transaction.atomic
def auto_attendant_remove(*, actor: User, attendant: AutoAttendant) -> None:
    """Remove an attendant; its prompt's file goes after the commit."""
    prompt_files_delete_on_commit(prompt_names([attendant]))
    pbx_row_remove(
        actor=actor,
        row=attendant,
        verb="attendant.removed",
        message=gettext_noop("%(actor)s removed the Automated Attendant “%(attendant)s”."),
        params={"attendant": attendant.name},
        unroute="auto_attendant",
    )


def is_open(service: WelcomeService, at: datetime.datetime) -> bool:
    """Whether the service is open at ``at``, read in the PBX's time zone; a dated exception
    replaces that day's weekday hours."""
    import zoneinfo

    local = at.astimezone(zoneinfo.ZoneInfo(service.pbx.time_zone or "UTC"))
    day, now = local.date(), local.time()
    exception = next((e for e in service.exceptions.all() if e.date == day), None)
    if exception is not None:
        return bool(exception.opens and exception.opens <= now < exception.closes)
    return any(h.opens <= now < h.closes for h in service.hours.all() if h.weekday == day.weekday())
