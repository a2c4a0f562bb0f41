"""What the partners services share: telling a company's admins, in the portal and by email,
and handing the send of an offer to a worker."""

from __future__ import annotations

import logging
import uuid
from typing import Any

from django.conf import settings
from django.db import transaction
from django.urls import reverse

from companies.models import Company, User
from companies.selectors import company_admins
from notifications.services import email_queue, notify
from partners.models import Invitation
from rainbow_admin.celery import task_send

logger = logging.getLogger(__name__)


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


def offer_deliver_later(invitation: Invitation, sender: User | None) -> None:
    """Hand one send of an offer (its first, or a resend) to a worker, after commit.

    The request that sends does the same work whatever the address is: what differs (a company
    attached, its admins told, an email per admin, or one sign-up email) happens in the worker,
    so neither the answer nor its time tells whether the address has an account. The link is
    made there too (``offer_deliver_queued``): the broker carries no token, only the hash the
    send stored, whose link nobody has; a later send (a resend) replaces it, and makes this one
    do nothing.
    """
    invitation_id, token_hash = invitation.pk, invitation.token_hash
    sender_id = sender.pk if sender else None
    transaction.on_commit(lambda: offer_delivery_queue(invitation_id, token_hash, sender_id))


def offer_delivery_queue(
    invitation_id: uuid.UUID, token_hash: str, sender_id: uuid.UUID | None
) -> None:
    try:
        task_send(
            "partners.tasks.deliver_offer_task",
            str(invitation_id),
            token_hash,
            str(sender_id) if sender_id else "",
        )
    except Exception:  # the broker is down: the offer stays pending (offers_deliver_stale)
        logger.warning(
            "Could not queue the delivery of offer %s; it stays pending, and beat hands it "
            "over again",
            invitation_id,
            exc_info=True,
        )
