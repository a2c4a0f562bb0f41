"""The dashboard composes one panel from each app's selectors; each panel costs fixed queries.

Each kind of company gets the panels of its job (DESIGN.md): a customer sees its partner, licenses,
telephony and members; a reseller or distributor sees first the requests waiting for its answer,
its customers (a distributor's are resellers), the seats it manages and its recent activity, then
its own partner (a reseller's distributor), members, and its own licenses and telephony when it
has any or a partner who could provide them.
"""

from __future__ import annotations

from typing import Any

from companies import selectors as company_selectors
from companies.models import Company, User
from licensing import selectors as licensing_selectors
from notifications import selectors as notification_selectors
from partners import selectors as partner_selectors
from rainbow_admin.permissions import is_admin_of
from telephony import selectors as telephony_selectors


def panels_for(user: User) -> dict[str, Any]:
    company = user.company
    members = company_selectors.members_summary(company=company)
    panels: dict[str, Any] = {
        "company": company,
        "members": members,
        "licenses": licensing_selectors.licenses_panel(company=company),
        "telephony": telephony_selectors.telephony_panel(
            company=company, active_members=members["active"]
        ),
    }
    # A distributor has no partner of its own (nobody is asked by a distributor).
    panels["partner"] = (
        partner_selectors.partner_panel(company=company)
        if company.kind != Company.Kind.DISTRIBUTOR
        else None
    )
    if not company.is_partner_kind:
        return panels
    panels["own_panels"] = bool(
        panels["licenses"]
        or panels["telephony"]["pbxs"]
        or (panels["partner"] and panels["partner"]["link"])
    )
    # Requests, customers, seats and activity are the admins' (their pages are admins' too).
    if is_admin_of(user, company):
        panels["received"] = partner_selectors.received_waiting(company=company)
        panels["customers"] = partner_selectors.customers_glance(company=company)
        panels["seats"] = licensing_selectors.managed_seats(partner=company)
        panels["activity"] = notification_selectors.recent_activity(company=company)
    return panels
