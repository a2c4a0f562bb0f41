"""Who may do what: the one place that answers "may actor X do Y to company Z".

Pages, API views and services all ask here. A company's data is visible to its members and changed
by its admins; its current partner acts on it within the scopes of the link; operators may do all.
An object the actor may not even see answers 404 (``NotFound``), so its existence is not revealed.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.utils.translation import gettext_lazy as _

from partners.scopes import active_link_scopes
from rainbow_admin.errors import NotAllowed, NotFound

if TYPE_CHECKING:
    from companies.models import Company, User

SCOPE_LICENSING = "licensing"
SCOPE_TELEPHONY = "telephony"
SCOPES = (SCOPE_LICENSING, SCOPE_TELEPHONY)


def is_operator(user: User) -> bool:
    return bool(
        user.is_authenticated and user.is_active and user.is_staff and user.company_id is None
    )


def is_member_of(user: User, company: Company) -> bool:
    return bool(user.is_authenticated and user.is_active and user.company_id == company.pk)


def is_admin_of(user: User, company: Company) -> bool:
    return is_member_of(user, company) and user.role == "admin"


def partner_scopes(user: User, company: Company) -> frozenset[str]:
    """The scopes ``user`` holds on ``company`` as an admin of its current partner."""
    if not (user.is_authenticated and user.is_active and user.company_id and user.role == "admin"):
        return frozenset()
    if user.company_id == company.pk:
        return frozenset()
    return active_link_scopes(company_id=company.pk, partner_id=user.company_id) or frozenset()


def is_partner_admin_of(user: User, company: Company) -> bool:
    if not (user.is_authenticated and user.company_id and user.role == "admin"):
        return False
    return active_link_scopes(company_id=company.pk, partner_id=user.company_id) is not None


def may_view_company(user: User, company: Company) -> bool:
    return is_operator(user) or is_member_of(user, company) or is_partner_admin_of(user, company)


def may_manage_company(user: User, company: Company) -> bool:
    """Change the company's own settings and people: its admins and operators."""
    return is_operator(user) or is_admin_of(user, company)


def may_act_as_partner(user: User, company: Company, scope: str) -> bool:
    """Act on the company for its partner within ``scope``: the partner's admins and operators."""
    return is_operator(user) or scope in partner_scopes(user, company)


def require_view(user: User, company: Company) -> None:
    if not may_view_company(user, company):
        raise NotFound(_("Not found."), code="not_found")


def require_manage(user: User, company: Company) -> None:
    require_view(user, company)
    if not may_manage_company(user, company):
        raise NotAllowed(
            _("Only an administrator of %(company)s can do this.") % {"company": company.name},
            code="not_company_admin",
        )


def require_partner_scope(user: User, company: Company, scope: str) -> None:
    require_view(user, company)
    if not may_act_as_partner(user, company, scope):
        raise NotAllowed(
            _("Only the partner of %(company)s holding the “%(scope)s” scope can do this.")
            % {"company": company.name, "scope": scope},
            code="partner_scope_required",
        )
