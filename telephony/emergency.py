"""The public emergency numbers pre-filled on a new Cloud PBX, with their descriptions.

A pre-filled number stores a code (``"DE:110"``), not a sentence: its description is read from
``data/emergency_numbers.json`` in the reader's language when shown (sources cited in the file).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path

from django.utils import translation

DATA = Path(__file__).resolve().parent / "data" / "emergency_numbers.json"


@cache
def emergency_table() -> dict[str, list[tuple[str, dict[str, str]]]]:
    """Each supported country's public emergency numbers with their description in en, de and
    fr."""
    data = json.loads(DATA.read_text())
    return {
        code: [(number, texts) for number, texts in rows]
        for code, rows in data["countries"].items()
    }


@cache
def _texts_by_code() -> dict[str, dict[str, str]]:
    return {
        emergency_code(country, number): texts
        for country, rows in emergency_table().items()
        for number, texts in rows
    }


def emergency_code(country: str, number: str) -> str:
    return f"{country}:{number}"


def is_known(code: str) -> bool:
    return code in _texts_by_code()


def emergency_description(code: str, language: str | None = None) -> str:
    """The description of a pre-filled number in ``language`` (the reader's by default)."""
    texts = _texts_by_code().get(code)
    if not texts:
        return ""
    language = (language or translation.get_language() or "en")[:2]
    return texts.get(language) or texts["en"]
