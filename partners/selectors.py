"""Reads of the partners app."""

from __future__ import annotations

import uuid

from partners.models import PartnerLink


def active_link(*, company_id: uuid.UUID) -> PartnerLink | None:
    return (
        PartnerLink.objects.select_related("partner")
        .filter(company_id=company_id, ended_at__isnull=True)
        .first()
    )


def partner_link_exists(*, company_id: uuid.UUID, partner_id: uuid.UUID) -> bool:
    return PartnerLink.objects.filter(
        company_id=company_id, partner_id=partner_id, ended_at__isnull=True
    ).exists()


def partner_link_scopes(*, company_id: uuid.UUID, partner_id: uuid.UUID) -> frozenset[str]:
    """The scopes ``partner`` holds on ``company`` through an active link (empty if none)."""
    link = (
        PartnerLink.objects.filter(
            company_id=company_id, partner_id=partner_id, ended_at__isnull=True
        )
        .only("scope_licensing", "scope_telephony")
        .first()
    )
    return frozenset(link.scopes) if link else frozenset()


def partner_panel(*, company) -> dict:
    """The YOUR PARTNER panel: the active link, or the pending request, or nothing."""
    from partners.models import Invitation

    link = active_link(company_id=company.pk)
    pending = None
    if link is None:
        pending = (
            Invitation.objects.select_related("to_company")
            .filter(from_company=company, status=Invitation.Status.PENDING)
            .first()
        )
    return {"link": link, "pending": pending}
