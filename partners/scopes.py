"""The one question ``rainbow_admin.permissions`` asks the partners app: which scopes a partner
holds on a company. It reads models only, so the permission module can ask it without the partners
app's selectors and services (which ask permissions in turn) being imported back."""

from __future__ import annotations

import uuid
from datetime import timedelta

from django.db.models import Q, QuerySet
from django.utils import timezone

from partners.models import PartnerLink

SCOPE_FIELDS = {"licensing": "scope_licensing", "telephony": "scope_telephony"}

# The farthest a scopes end date may be set: ten years ahead (a date picker allows 9999-12-31).
SCOPES_UNTIL_MAX_AHEAD = timedelta(days=3653)


def active_link_scopes(*, company_id: uuid.UUID, partner_id: uuid.UUID) -> frozenset[str] | None:
    """The scopes of the active link from ``company`` to ``partner``; None when there is no such
    link (a link may hold no scope at all, which is not the same as no link)."""
    link = (
        PartnerLink.objects.filter(
            company_id=company_id, partner_id=partner_id, ended_at__isnull=True
        )
        .only("scope_licensing", "scope_telephony", "scopes_until")
        .first()
    )
    return frozenset(link.scopes) if link else None


def companies_in_scope(*, partner_id: uuid.UUID, scope: str) -> QuerySet[PartnerLink]:
    """The ids of the companies on which ``partner`` holds ``scope`` now (an active link holding
    it, its scopes' end date not passed), as a subquery: what the partner manages."""
    return (
        PartnerLink.objects.filter(
            Q(scopes_until__isnull=True) | Q(scopes_until__gt=timezone.now()),
            partner_id=partner_id,
            ended_at__isnull=True,
            **{SCOPE_FIELDS[scope]: True},
        )
        .order_by()
        .values("company_id")
    )
