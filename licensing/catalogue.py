"""The offer catalogue as data: codes and rules (names and descriptions: ``models.OFFER_TEXTS``).

Written by the migration ``0002_offer_catalogue`` and completed again after every ``migrate`` and
``flush`` (``post_migrate``, as Django does for content types), so a database emptied by a test or
an operator always has the catalogue.
"""

from __future__ import annotations

from typing import Any

# code, exclusive, free, position
OFFERS = (
    ("essential", False, True, 1),
    ("business", True, False, 2),
    ("enterprise", True, False, 3),
    ("attendant", False, False, 4),
)


def catalogue_ensure(*, offer_model: Any, using: str = "default") -> None:
    """Create the missing offers; existing rows are left as they are."""
    manager = offer_model.objects.using(using)
    existing = set(manager.values_list("code", flat=True))
    manager.bulk_create(
        offer_model(code=code, exclusive=exclusive, free=free, position=position)
        for code, exclusive, free, position in OFFERS
        if code not in existing
    )
