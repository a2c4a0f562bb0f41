"""The dashboard composes one panel from each app's selectors; each panel costs fixed queries."""

from __future__ import annotations

from typing import Any

from companies import selectors as company_selectors
from companies.models import User
from licensing import selectors as licensing_selectors
from partners import selectors as partner_selectors
from telephony import selectors as telephony_selectors


def panels_for(user: User) -> dict[str, Any]:
    company = user.company
    members = company_selectors.members_summary(company=company)
    return {
        "company": company,
        "partner": partner_selectors.partner_panel(company=company),
        "members": members,
        "licenses": licensing_selectors.licenses_panel(company=company),
        "telephony": telephony_selectors.telephony_panel(
            company=company, active_members=members["active"]
        ),
    }
