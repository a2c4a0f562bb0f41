"""Checks of values every app takes from people: language and country (one place, one message)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from django_countries import countries

from companies.models import User
from rainbow_admin.errors import InvalidInput

LANGUAGES = frozenset(choice for choice, _label in User.Language.choices)


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
