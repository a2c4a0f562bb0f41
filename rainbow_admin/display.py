"""Values shown for reading, in the reader's locale: one way per kind of value on every page,
email and stored message (``rainbow_admin.templatetags.display`` for templates)."""

from __future__ import annotations

import datetime
from typing import Any

import phonenumbers
from django.utils import formats, timezone


def phone_display(value: str | None) -> str:
    """An E.164 number spaced for reading: "+442071234500" → "+44 20 7123 4500".

    Anything else (an extension, a short emergency number like 112) is shown as it is.
    """
    if not value:
        return ""
    text = str(value)
    if not text.startswith("+"):
        return text
    try:
        parsed = phonenumbers.parse(text, None)
    except phonenumbers.NumberParseException:
        return text
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def date_display(value: datetime.date | str | None) -> str:
    """A day in the active language's ``SHORT_DATE_FORMAT`` (29/11/2026, 29.11.2026); an ISO
    date string (as stored in a message's parameters) is read first."""
    if not value:
        return ""
    if isinstance(value, str):
        try:
            value = datetime.date.fromisoformat(value)
        except ValueError:
            return value
    return formats.date_format(value, "SHORT_DATE_FORMAT")


def last_day(moment: datetime.datetime | None) -> datetime.date | None:
    """The last day a period ending at ``moment`` covers, in the active time zone: scopes "until
    31/12" end when that day does (at 01/01 00:00), and read "until 31/12"."""
    if moment is None:
        return None
    return timezone.localtime(moment - datetime.timedelta(microseconds=1)).date()


def count_display(value: int) -> str:
    """A count grouped in the reader's locale, as ``|intcomma`` shows it: 1,200 / 1.200."""
    return formats.number_format(value, force_grouping=True)


# Parameters of stored messages (notifications, activity) that hold a value to show for reading:
# they are stored raw (an ISO date, an E.164 number) and formatted in the reader's locale.
_PARAM_DISPLAY = {"until": date_display, "number": phone_display, "first": phone_display}


def message_params_display(params: dict[str, Any]) -> dict[str, Any]:
    """A stored message's parameters with dates, phone numbers and counts formatted for the
    reader."""
    shown = dict(params)
    for key, value in params.items():
        if key in _PARAM_DISPLAY and isinstance(value, str):
            shown[key] = _PARAM_DISPLAY[key](value)
        elif isinstance(value, int) and not isinstance(value, bool):
            shown[key] = count_display(value)
    return shown
