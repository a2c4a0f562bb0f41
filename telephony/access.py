"""Who may do what with a company's telephony, composed from ``rainbow_admin.permissions``.

- Declaring, changing or removing a PBX: the partner holding the ``telephony`` scope, or an
  operator (``require_partner_scope``); the company's own admins may not.
- Hearing its voice prompts (greetings, attendant prompts): the company's members, the partner
  holding the ``telephony`` scope and operators; anyone else gets 404.
- Seeing the PBXs, giving lines and configuring a Cloud PBX: the company's admins, the partner
  holding the ``telephony`` scope, and operators. Anyone else who may see the company gets 403;
  anyone who may not even see it gets 404.
"""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

from companies.models import Company, User
from rainbow_admin.errors import NotAllowed
from rainbow_admin.permissions import (
    SCOPE_TELEPHONY,
    is_member_of,
    may_act_as_partner,
    may_manage_company,
    require_partner_scope,
    require_view,
)


def may_manage_telephony(user: User, company: Company) -> bool:
    return may_manage_company(user, company) or may_act_as_partner(user, company, SCOPE_TELEPHONY)


def may_hear_prompts(user: User, company: Company) -> bool:
    return is_member_of(user, company) or may_act_as_partner(user, company, SCOPE_TELEPHONY)


def may_declare_pbx(user: User, company: Company) -> bool:
    return may_act_as_partner(user, company, SCOPE_TELEPHONY)


def require_telephony(user: User, company: Company) -> None:
    require_view(user, company)
    if not may_manage_telephony(user, company):
        raise NotAllowed(
            _(
                "Only an administrator of %(company)s or its partner holding the telephony scope "
                "can do this."
            )
            % {"company": company.name},
            code="telephony_not_allowed",
        )


def require_pbx_declare(user: User, company: Company) -> None:
    if is_member_of(user, company):
        require_view(user, company)
        raise NotAllowed(
            _(
                "Only your partner (reseller) holding the telephony scope declares, changes or "
                "removes a PBX. Ask your partner to do it."
            ),
            code="partner_scope_required",
        )
    require_partner_scope(user, company, SCOPE_TELEPHONY)


def acts_from_outside(user: User, company: Company) -> bool:
    """The actor is the partner or an operator: the company's admins are told of the change."""
    return not is_member_of(user, company)
