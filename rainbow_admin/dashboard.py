"""The dashboard composes one panel from each app's selectors; each panel costs fixed queries."""

from __future__ import annotations

from typing import Any

from companies.models import User
from licensing import selectors as licensing_selectors
from partners import selectors as partner_selectors


def panels_for(user: User) -> dict[str, Any]:
    company = user.company
    return {
        "company": company,
        "partner": partner_selectors.partner_panel(company=company),
        "members": _members_panel(company),
        "licenses": licensing_selectors.licenses_panel(company=company),
    }


def _members_panel(company) -> dict[str, int]:
    from django.db.models import Count, Q

    counts = User.objects.filter(company=company).aggregate(
        active=Count("pk", filter=Q(is_active=True)),
        admins=Count("pk", filter=Q(is_active=True, role=User.Role.ADMIN)),
        invited=Count("pk", filter=Q(is_active=False, activated_at__isnull=True)),
    )
    return counts
