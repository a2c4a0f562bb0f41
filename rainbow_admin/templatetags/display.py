"""``{% load display %}``: values formatted for reading (``rainbow_admin.display``)."""

from __future__ import annotations

import datetime

from django import template

from rainbow_admin import display

register = template.Library()


@register.filter
def phone_display(value: str | None) -> str:
    """A phone number spaced for reading: "+442071234500" → "+44 20 7123 4500"."""
    return display.phone_display(value)


@register.filter
def last_day(value: datetime.datetime | None) -> datetime.date | None:
    """The last day of a period ending at ``value`` (``rainbow_admin.display.last_day``)."""
    return display.last_day(value)
