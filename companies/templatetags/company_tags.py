"""Display of company values for reading."""

from __future__ import annotations

import phonenumbers
from django import template

register = template.Library()


@register.filter
def phone_display(value: str) -> str:
    """An E.164 number spaced for reading: "+442071234500" → "+44 20 7123 4500"."""
    if not value:
        return ""
    try:
        parsed = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
