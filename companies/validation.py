"""Checks of values every app takes from people: language, country, time zone, phone, web and
email addresses (one place, one message, for the pages and the API alike)."""

from __future__ import annotations

import zoneinfo
from functools import cache

import phonenumbers
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email
from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.models import Company, User
from rainbow_admin.errors import InvalidInput

LANGUAGES = frozenset(choice for choice, _label in User.Language.choices)
TWO_FACTOR_POLICIES = frozenset(Company.TwoFactorPolicy.values)


def clean_language(value: str | None) -> str:
    if value not in LANGUAGES:
        raise InvalidInput(
            _("Choose a language among en, de and fr."), code="invalid_language", field="language"
        )
    return value


def clean_country(value: str | None) -> str:
    """An ISO 3166 alpha-2 code, upper-cased."""
    code = (value or "").strip().upper()
    if code not in dict(countries):
        raise InvalidInput(
            _("Choose a country by its ISO 3166 code, e.g. DE or FR."),
            code="invalid_country",
            field="country",
        )
    return code


def clean_time_zone(value: str | None) -> str:
    """An IANA time zone name such as Europe/Berlin (the names ``zoneinfo`` knows)."""
    name = (value or "").strip()
    if name not in time_zones():
        raise InvalidInput(
            _("Choose a time zone such as Europe/Berlin."),
            code="invalid_time_zone",
            field="timezone",
        )
    return name


@cache
def time_zones() -> frozenset[str]:
    return frozenset(zoneinfo.available_timezones())


def clean_text(value: str | None, *, field: str, max_length: int) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > max_length:
        raise InvalidInput(
            _("Too long (%(max)s characters at most).") % {"max": max_length},
            code="too_long",
            field=field,
        )
    return text


def clean_phone(value: str | None, *, country: str) -> str:
    """A phone number in E.164 (+4930…); national numbers are read in ``country``. Empty is
    allowed."""
    text = (value or "").strip()
    if not text:
        return ""
    try:
        parsed = phonenumbers.parse(text, country or None)
    except phonenumbers.NumberParseException:
        parsed = None
    if parsed is None or not phonenumbers.is_valid_number(parsed):
        raise InvalidInput(
            _("Enter a valid phone number, e.g. +49 30 1234567."),
            code="invalid_phone",
            field="phone",
        )
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def clean_website(value: str | None) -> str:
    """An http(s) address; empty is allowed."""
    url = (value or "").strip()
    if not url:
        return ""
    try:
        URLValidator(schemes=["http", "https"])(url)
    except ValidationError:
        url = ""
    if not url or len(url) > 200:
        raise InvalidInput(
            _("Enter a web address starting with https:// or http://."),
            code="invalid_website",
            field="website",
        )
    return url


def clean_contact_email(value: str | None) -> str:
    email = (value or "").strip()
    if not email:
        return ""
    try:
        validate_email(email)
    except ValidationError:
        email = ""
    if not email or len(email) > 254:
        raise InvalidInput(
            _("Enter a valid email address."), code="invalid_email", field="contact_email"
        )
    return email


def clean_two_factor_policy(value: str | None) -> str:
    if value not in TWO_FACTOR_POLICIES:
        raise InvalidInput(
            _("Choose who must use two-factor authentication: none, admins or everyone."),
            code="invalid_two_factor_policy",
            field="require_two_factor",
        )
    return value


def country_choices() -> list[tuple[str, str]]:
    """Countries for a select, named and sorted in the reader's language.

    A callable: Django 5 turns a plain iterable of choices into a list when the form class is
    defined, freezing the names in the language active then."""
    return list(countries)
