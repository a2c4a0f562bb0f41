"""The one question ``rainbow_admin.permissions`` asks the partners app: which scopes a partner
holds on a company. It reads models only, so the permission module can ask it without the partners
app's selectors and services (which ask permissions in turn) being imported back."""

from __future__ import annotations

import uuid
from datetime import timedelta

from partners.models import PartnerLink

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
