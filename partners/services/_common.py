"""What the partners services share: telling a company's admins, in the portal and by email."""

from __future__ import annotations

import uuid
from typing import Any

from django.conf import settings
from django.urls import reverse

from companies.models import Company, User
from companies.selectors import company_admins
from notifications.services import email_queue, notify


def site_url(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def admins_of(company: Company | uuid.UUID) -> list[User]:
    company_id = company.pk if isinstance(company, Company) else company
    return list(company_admins(company_id=company_id).order_by("email"))


def tell_admins(
    company: Company,
    *,
    message: str,
    params: dict[str, Any],
    url_name: str = "",
    url_args: tuple = (),
    actor: User | None = None,
) -> list[User]:
    """An in-portal notification to every active admin of ``company`` but the ``actor`` (who
    did it; their repeats fold into one notification). Returns the admins newly told (see
    ``notify``), for an email that follows the same rule (``email_admins(only=...)``)."""
    url = reverse(url_name, args=url_args) if url_name else ""
    return notify(
        recipients=admins_of(company), message=message, params=params, url=url, actor=actor
    )


def email_admins(
    company: Company,
    *,
    template: str,
    context: dict[str, Any],
    topic: str,
    object_id: uuid.UUID,
    only: list[User] | None = None,
) -> int:
    """One email to each active admin of ``company``, each in their own language; ``only``:
    to those of them (the admins ``tell_admins`` newly told)."""
    admins = admins_of(company) if only is None else only
    for admin in admins:
        email_queue(
            to=admin.email,
            language=admin.language,
            template=template,
            context={"user_name": admin.name, "admin_of": company.name, **context},
            topic=topic,
            object_id=object_id,
        )
    return len(admins)
