"""Reads of the webhooks app: everything is scoped to the actor's company, for its admins."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from companies.models import Company, User
from rainbow_admin.errors import NotAllowed, NotFound
from rainbow_admin.permissions import require_manage
from webhooks.models import Delivery, Endpoint


def webhooks_company(*, actor: User) -> Company:
    """The company whose webhooks the actor manages: its admins only (403 for members)."""
    if actor.company_id is None:
        raise NotAllowed(
            _("Webhooks belong to a company: sign in as one of its administrators."),
            code="no_company",
        )
    require_manage(actor, actor.company)
    return actor.company


def endpoints_for(*, actor: User) -> QuerySet[Endpoint]:
    """The endpoints of the actor's company, oldest first."""
    return Endpoint.objects.filter(company=webhooks_company(actor=actor)).order_by(
        "created_at", "id"
    )


def endpoint_get(*, actor: User, endpoint_id: Any) -> Endpoint:
    """One endpoint of the actor's company (404 for another company's or a malformed id)."""
    company = webhooks_company(actor=actor)
    try:
        endpoint_id = uuid.UUID(str(endpoint_id))
    except ValueError:
        raise NotFound(_("No such webhook."), code="webhook_not_found") from None
    endpoint = Endpoint.objects.filter(pk=endpoint_id, company=company).first()
    if endpoint is None:
        raise NotFound(_("No such webhook."), code="webhook_not_found")
    return endpoint


def deliveries_for(*, endpoint: Endpoint) -> QuerySet[Delivery]:
    """The delivery log of one endpoint, newest first, with each event's type and id."""
    return (
        Delivery.objects.filter(endpoint=endpoint)
        .select_related("event")
        .defer("event__body")
        .order_by("-created_at", "-id")
    )
