"""What the partners app does when companies tell it something (``companies.signals``)."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_noop

from companies.models import Company, User
from partners.selectors import active_link
from partners.services._common import tell_admins


def tell_partner_of_rename(
    sender: Any, *, company: Company, old_name: str, actor: User, **kwargs: Any
) -> None:
    """The partner's admins learn a customer's new name (the name they knew may be in their
    records and emails)."""
    link = active_link(company_id=company.pk)
    if link is None or link.partner_id == actor.company_id:
        return
    tell_admins(
        link.partner,
        message=gettext_noop("%(old)s is now called %(company)s."),
        params={"old": old_name, "company": company.name},
        url_name="customer_detail",
        url_args=(company.pk,),
    )
