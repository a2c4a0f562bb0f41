"""Reads of licensing, scoped to the actor; each list costs a fixed number of queries."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import Count, OuterRef, Q, QuerySet, Sum
from django.utils.translation import gettext_lazy as _

from companies.models import Company, User
from licensing.models import LicenseAssignment, Offer, Subscription
from partners.scopes import companies_in_scope
from rainbow_admin.db import SubqueryCount
from rainbow_admin.errors import NotFound
from rainbow_admin.permissions import (
    SCOPE_LICENSING,
    is_member_of,
    is_operator,
    require_manage,
    require_partner_scope,
    require_view,
)

CANDIDATES_LIMIT = 50


def require_licensing_view(actor: User, company: Company) -> None:
    """Subscriptions are seen by the company's people, operators and the partner holding the
    licensing scope (a partner without it gets 403, anyone else 404)."""
    require_view(actor, company)
    if not (is_operator(actor) or is_member_of(actor, company)):
        require_partner_scope(actor, company, SCOPE_LICENSING)


def offers_list() -> QuerySet[Offer]:
    return Offer.objects.order_by("position", "code")


def _with_counts(queryset: QuerySet[Subscription]) -> QuerySet[Subscription]:
    return queryset.select_related("offer", "reseller", "company").annotate(assigned=_assigned())


def _assigned() -> SubqueryCount:
    return SubqueryCount(LicenseAssignment.objects.filter(subscription=OuterRef("pk")))


def subscriptions_list(
    *, actor: User, company: Company, active_only: bool = False
) -> QuerySet[Subscription]:
    """A company's subscriptions with their assigned count; active ones first."""
    require_licensing_view(actor, company)
    queryset = Subscription.objects.filter(company=company)
    if active_only:
        queryset = queryset.filter(status=Subscription.Status.ACTIVE)
    return _with_counts(queryset).order_by("status", "offer__position", "created_at", "id")


def subscription_get(*, actor: User, subscription_id: Any) -> Subscription:
    """One subscription the actor may see, with its assigned count (404 otherwise)."""
    try:
        subscription = _with_counts(Subscription.objects.filter(pk=subscription_id)).get()
    except (Subscription.DoesNotExist, ValidationError, ValueError):
        raise NotFound(_("Not found."), code="not_found") from None
    require_licensing_view(actor, subscription.company)
    return subscription


def assignments_list(*, actor: User, subscription: Subscription) -> QuerySet[LicenseAssignment]:
    """Who holds a license of the subscription: for the company's admins and operators."""
    require_manage(actor, subscription.company)
    # The filter on the holders' company changes nothing (a license goes to a member of the
    # subscription's company) but lets PostgreSQL hash-join the company's members instead of
    # looking up each holder by id (≈1 ms against ≈10 ms for 2,000 holders).
    return (
        LicenseAssignment.objects.filter(
            subscription=subscription, user__company_id=subscription.company_id
        )
        .select_related("user")
        .order_by("user__name", "user__email")
    )


def assignment_candidates(*, actor: User, subscription: Subscription, text: str = "") -> list[User]:
    """Members who could receive a license of the subscription, matching ``text`` (name or
    email), at most ``CANDIDATES_LIMIT``: not deactivated, not holding the offer yet, and for
    an exclusive offer not holding another exclusive one."""
    require_manage(actor, subscription.company)
    # A member's licenses all come from subscriptions of the member's company (assignments_add
    # checks it), so the company's own assignments say who holds what: PostgreSQL hashes those
    # few instead of probing the member's licenses one member at a time.
    held = LicenseAssignment.objects.filter(subscription__company_id=subscription.company_id)
    queryset = (
        User.objects.filter(company_id=subscription.company_id)
        .exclude(is_active=False, activated_at__isnull=False)
        .exclude(pk__in=held.filter(offer_id=subscription.offer_id).values("user_id"))
    )
    if subscription.offer.exclusive:
        queryset = queryset.exclude(pk__in=held.filter(exclusive=True).values("user_id"))
    text = " ".join((text or "").split())
    if text:
        queryset = queryset.filter(Q(name__icontains=text) | Q(email__icontains=text))
    return list(queryset.order_by("name", "email")[:CANDIDATES_LIMIT])


def member_licenses(*, user: User) -> QuerySet[LicenseAssignment]:
    """The licenses a person holds, for their profile."""
    return (
        LicenseAssignment.objects.filter(user=user)
        .select_related("offer", "subscription")
        .order_by("offer__position")
    )


def licenses_panel(*, company: Company) -> list[dict[str, Any]]:
    """The dashboard's licenses at a glance: per offer, subscribed, assigned and available."""
    rows: dict[str, dict[str, Any]] = {}
    subscriptions = (
        Subscription.objects.filter(company=company, status=Subscription.Status.ACTIVE)
        .select_related("offer")
        .annotate(assigned=_assigned())
        .order_by("offer__position")
    )
    for subscription in subscriptions:
        row = rows.setdefault(
            subscription.offer_id,
            {"offer": subscription.offer, "subscribed": 0, "assigned": 0, "available": 0},
        )
        row["subscribed"] += subscription.quantity
        row["assigned"] += subscription.assigned
        row["available"] += subscription.quantity - subscription.assigned
    return list(rows.values())


def managed_seats(*, partner: Company) -> dict[str, Any]:
    """The seats a reseller (or distributor) manages: the active subscriptions it subscribed for
    the companies whose licenses it manages now (a former customer's, or one that withdrew the
    licensing scope, are no longer its own), per offer ``seats`` and ``assigned``, and the totals.

    Three queries whatever the number of subscriptions: the seats and the licenses given are
    summed per offer by PostgreSQL (for 10,000 customers, one pass over the partner's
    subscriptions joined to its links), and the catalogue names the offers.
    """
    managed = Subscription.objects.filter(
        reseller=partner,
        status=Subscription.Status.ACTIVE,
        company_id__in=companies_in_scope(partner_id=partner.pk, scope=SCOPE_LICENSING),
    ).order_by()
    seats = dict(
        managed.values("offer_id").annotate(seats=Sum("quantity")).values_list("offer_id", "seats")
    )
    assigned = dict(
        LicenseAssignment.objects.filter(subscription__in=managed.values("pk"))
        .order_by()
        .values("offer_id")
        .annotate(assigned=Count("*"))
        .values_list("offer_id", "assigned")
    )
    rows = [
        {"offer": offer, "seats": seats[offer.code], "assigned": assigned.get(offer.code, 0)}
        for offer in offers_list()
        if seats.get(offer.code)
    ]
    return {
        "offers": rows,
        "seats": sum(row["seats"] for row in rows),
        "assigned": sum(row["assigned"] for row in rows),
    }
