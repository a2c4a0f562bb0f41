"""Reads of the partners app, scoped to the actor and shaped for their page (fixed query counts)."""

from __future__ import annotations

import uuid
from typing import Any

from django.db.models import (
    BooleanField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from companies.models import Company, User, hash_token
from notifications.models import OutboundEmail
from partners.models import Invitation, PartnerLink, PartnerMessage
from partners.scopes import active_link_scopes
from rainbow_admin.errors import InvalidInput, NotFound
from rainbow_admin.permissions import is_member_of, require_manage

DIRECTIONS = ("issued", "received")

# Who may ask whom: a customer asks a reseller; a reseller asks a distributor.
ALLOWED_TARGET_KIND = {
    Company.Kind.CUSTOMER: Company.Kind.RESELLER,
    Company.Kind.RESELLER: Company.Kind.DISTRIBUTOR,
}


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
    return active_link_scopes(company_id=company_id, partner_id=partner_id) or frozenset()


def _with_email_status(queryset: QuerySet[Invitation]) -> QuerySet[Invitation]:
    """Annotate the delivery of each request's latest send (read by ``Invitation.email_status``)."""
    emails = OutboundEmail.objects.filter(
        topic="invitation", object_id=OuterRef("pk"), created_at__gte=OuterRef("last_sent_at")
    )
    return queryset.annotate(
        email_failed=Exists(emails.filter(status=OutboundEmail.Status.FAILED)),
        email_queued=Exists(emails.filter(status=OutboundEmail.Status.QUEUED)),
        email_written=Exists(emails),
    )


def _seen_by(queryset: QuerySet[Invitation], company_id: uuid.UUID) -> QuerySet[Invitation]:
    """Annotate who looks (``viewer_is_sender``: ``Invitation.shown_to_company`` hides the
    target of an unanswered offer from its sender) and, for a pending offer's target, the partner
    an accept would replace (``Invitation.replaces``)."""
    current = PartnerLink.objects.filter(
        company_id=OuterRef("to_company_id"), ended_at__isnull=True
    ).exclude(partner_id=OuterRef("from_company_id"))
    return queryset.annotate(
        viewer_is_sender=ExpressionWrapper(
            Q(from_company_id=company_id), output_field=BooleanField()
        ),
        replaces_id=Subquery(current.values("partner_id")[:1]),
        replaces_name=Subquery(current.values("partner__name")[:1]),
        replaces_kind=Subquery(current.values("partner__kind")[:1]),
    )


def partner_panel(*, company: Company) -> dict[str, Any]:
    """The YOUR PARTNER panel: the active link, or the pending request, or nothing.

    ``define_kind`` is the kind of company this one may ask (None for distributors).
    """
    link = active_link(company_id=company.pk)
    pending = _with_email_status(
        Invitation.objects.select_related("to_company").filter(
            from_company=company,
            status=Invitation.Status.PENDING,
            direction=Invitation.Direction.REQUEST,
        )
    ).first()
    return {
        "link": link,
        "pending": pending,
        "define_kind": ALLOWED_TARGET_KIND.get(company.kind),
        "is_reseller": company.kind == Company.Kind.RESELLER,
        "open_offers": open_offers(company=company)
        if company.kind == Company.Kind.RESELLER
        else [],
    }


def invitations_list(
    *, actor: User, direction: str = "issued", status: str | None = None, kind: str | None = None
) -> QuerySet[Invitation]:
    """The requests the actor's company sent (``issued``) or received, newest first; admins only.

    ``kind`` keeps the customers' requests (``request``) or the resellers' offers (``offer``).
    """
    company = actor.company
    if company is None:
        raise NotFound(_("Not found."), code="not_found")
    require_manage(actor, company)
    if direction not in DIRECTIONS:
        raise InvalidInput(
            _("Choose a direction: issued or received."),
            code="invalid_direction",
            field="direction",
        )
    queryset = Invitation.objects.select_related("from_company", "to_company", "created_by")
    if direction == "issued":
        queryset = queryset.filter(from_company=company).annotate(
            viewer_is_sender=Value(True, output_field=BooleanField())
        )
    else:
        queryset = _seen_by(queryset.filter(to_company=company), company.pk)
    if status:
        if status not in Invitation.Status.values:
            raise InvalidInput(
                _("Unknown status: %(status)s.") % {"status": status},
                code="invalid_status",
                field="status",
            )
        queryset = queryset.filter(status=status)
    if kind:
        if kind not in Invitation.Direction.values:
            raise InvalidInput(
                _("Choose a kind: request or offer."), code="invalid_kind", field="kind"
            )
        queryset = queryset.filter(direction=kind)
    return _with_email_status(queryset).order_by("-created_at", "-id")


def invitation_get(*, actor: User, invitation_id: uuid.UUID) -> Invitation:
    """A request of the actor's company, sent or received: admins (403 for members, 404 else)."""
    invitation = (
        _seen_by(
            _with_email_status(
                Invitation.objects.select_related("from_company", "to_company", "created_by")
            ),
            actor.company_id,
        )
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not (
        is_member_of(actor, invitation.from_company)
        or (invitation.to_company is not None and is_member_of(actor, invitation.to_company))
    ):
        raise NotFound(_("No such partner request."), code="invitation_not_found")
    require_manage(actor, actor.company)
    return invitation


def invitation_by_token(*, raw_token: str) -> Invitation | None:
    """The request whose current emailed link carries ``raw_token`` (None if unknown or old)."""
    return (
        Invitation.objects.select_related("from_company", "to_company", "created_by")
        .filter(token_hash=hash_token(raw_token or ""))
        .first()
    )


def open_offers(*, company: Company, limit: int = 10) -> list[Invitation]:
    """The reseller's pending offers, newest first (its dashboard), as the reseller sees them:
    by the address each went to (``target_label``), whether a company has it yet or not."""
    return list(
        Invitation.objects.select_related("to_company")
        .filter(
            from_company=company,
            direction=Invitation.Direction.OFFER,
            status=Invitation.Status.PENDING,
        )
        .annotate(viewer_is_sender=Value(True, output_field=BooleanField()))
        .order_by("-created_at", "-id")[:limit]
    )


DASHBOARD_ROWS = 5


def received_waiting(*, company: Company, limit: int = DASHBOARD_ROWS) -> dict[str, Any]:
    """The partner requests (and offers) waiting for the company's answer, unexpired: how many,
    and the newest ``limit`` (a reseller's or distributor's dashboard); two queries whatever
    their number."""
    waiting = Invitation.objects.filter(
        to_company=company, status=Invitation.Status.PENDING, expires_at__gt=timezone.now()
    )
    return {
        "count": waiting.count(),
        "first": list(
            waiting.select_related("from_company", "created_by").order_by("-created_at", "-id")[
                :limit
            ]
        ),
    }


def customers_glance(*, company: Company, limit: int = DASHBOARD_ROWS) -> dict[str, Any]:
    """The companies whose active partner is ``company`` (a reseller's customers, a distributor's
    resellers): how many, and the ``limit`` newest; two queries (the ``partnerlink_customers``
    index answers both)."""
    links = PartnerLink.objects.filter(partner=company, ended_at__isnull=True)
    return {
        "count": links.count(),
        "first": list(links.select_related("company").order_by("-since", "-id")[:limit]),
    }


def replaced_partner(*, invitation: Invitation) -> Company | None:
    """The partner an accept of ``invitation`` would replace (None when the customer has none
    or it is the same company)."""
    if invitation.customer is None:
        return None
    link = active_link(company_id=invitation.customer.pk)
    if link is None or link.partner_id == invitation.partner.pk:
        return None
    return link.partner


def customers_list(*, actor: User) -> QuerySet[PartnerLink]:
    """Active links whose partner is the actor's company: its customers (its admins only), in
    the order of their names, case and accents aside.

    PostgreSQL walks the companies' (search_name, id) index in order and stops after a page,
    where sorting a big reseller's 10,000 customers took tens of milliseconds; its ``count()``
    reads the links alone.
    """
    company = actor.company
    if company is None:
        raise NotFound(_("Not found."), code="not_found")
    require_manage(actor, company)
    return (
        PartnerLink.objects.select_related("company")
        .filter(partner=company, ended_at__isnull=True)
        .order_by("company__search_name", "company_id")
    )


def customer_get(*, actor: User, company_id: uuid.UUID) -> PartnerLink:
    """The active link of one customer of the actor's company (404 if it is not a customer)."""
    link = customers_list(actor=actor).filter(company_id=company_id).first()
    if link is None:
        raise NotFound(_("No such customer."), code="customer_not_found")
    return link


def partner_get(*, actor: User) -> dict[str, Any]:
    """What ``GET /api/v1/partner/`` shows to the members of a company."""
    company = actor.company
    if company is None:
        raise NotFound(_("Not found."), code="not_found")
    return partner_panel(company=company)


def conversation(*, company: Company, partner: Company) -> QuerySet[PartnerMessage]:
    """The Contact messages between a company and a partner, oldest first."""
    return (
        PartnerMessage.objects.select_related("author_company")
        .filter(company=company, partner=partner)
        .order_by("created_at", "id")
    )
