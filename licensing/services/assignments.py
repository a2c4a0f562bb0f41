"""Seats: the company's admins give and take back licenses; members' lifecycle moves seats.

Every change of a subscription's seats runs under a row lock on the subscription, so counting the
seats taken and adding new ones cannot interleave: a subscription is never oversubscribed.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.models import User
from licensing import messages as texts
from licensing.models import LicenseAssignment, Subscription
from licensing.services._shared import (
    clean_user_ids,
    lock_subscription,
    names_of,
    record,
    require_active,
)
from notifications.services import activity_record
from rainbow_admin.errors import Conflict, InvalidInput, NotFound
from rainbow_admin.permissions import require_manage
from webhooks import payloads
from webhooks.events import event_record

# --- seats: the company admin ------------------------------------------------------------------


@transaction.atomic
def assignments_add(
    *, actor: User, subscription_id: Any, user_ids: Iterable[Any]
) -> list[LicenseAssignment]:
    """Give members a license of a subscription (its company's admins), all or nothing.

    Members must belong to the company and not be deactivated (400 otherwise). Past the quantity,
    or a second exclusive offer (Business, Enterprise) for a member, is a conflict and nothing
    changes. Members who already hold a license of this subscription are left as they are.
    """
    ids = clean_user_ids(user_ids)
    subscription = lock_subscription(subscription_id)
    company = subscription.company
    require_manage(actor, company)
    require_active(subscription)
    members = list(
        User.objects.filter(pk__in=ids, company=company)
        .exclude(is_active=False, activated_at__isnull=False)
        .order_by("name", "email")
    )
    if len(members) != len(ids):
        raise InvalidInput(
            _("Only active members of %(company)s can receive its licenses.")
            % {"company": company.name},
            code="not_a_member",
            field="users",
        )
    offer = subscription.offer
    holders = dict(
        LicenseAssignment.objects.filter(user_id__in=ids, offer=offer).values_list(
            "user_id", "subscription_id"
        )
    )
    elsewhere = [m for m in members if m.pk in holders and holders[m.pk] != subscription.pk]
    if elsewhere:
        raise Conflict(
            ngettext(
                "%(members)s already holds a %(offer)s license.",
                "%(members)s already hold a %(offer)s license.",
                len(elsewhere),
            )
            % {"members": names_of(elsewhere), "offer": offer.name},
            code="offer_already_held",
        )
    new = [m for m in members if m.pk not in holders]
    if offer.exclusive and new:
        taken = set(
            LicenseAssignment.objects.filter(
                user_id__in=[m.pk for m in new], exclusive=True
            ).values_list("user_id", flat=True)
        )
        if taken:
            holders_of_another = [m for m in new if m.pk in taken]
            raise Conflict(
                ngettext(
                    "%(members)s already holds a Business or Enterprise license; "
                    "a member holds at most one of them.",
                    "%(members)s already hold a Business or Enterprise license; "
                    "a member holds at most one of them.",
                    len(holders_of_another),
                )
                % {"members": names_of(holders_of_another)},
                code="exclusive_offer",
            )
    available = subscription.quantity - subscription.assignments.count()
    if len(new) > available:
        raise Conflict(
            _(
                "Not enough licenses: %(available)s available, %(count)s selected. "
                "Nothing was assigned."
            )
            % {"available": max(available, 0), "count": len(new)},
            code="not_enough_licenses",
        )
    if not new:
        return []
    rows = [
        LicenseAssignment(
            subscription=subscription,
            user=member,
            offer=offer,
            exclusive=offer.exclusive,
            assigned_by=actor,
        )
        for member in new
    ]
    try:
        with transaction.atomic():
            LicenseAssignment.objects.bulk_create(rows)
    except IntegrityError:  # a concurrent request gave one of them the same or an exclusive offer
        raise Conflict(
            _("One of these members received another license meanwhile; try again."),
            code="exclusive_offer",
        ) from None
    record(
        subscription, actor, "license.assigned", texts.ASSIGNED[offer.code], members=names_of(new)
    )
    event_record(
        company=company, type="license.assigned", data=payloads.licenses(subscription, new)
    )
    return rows


@transaction.atomic
def assignments_remove(*, actor: User, subscription_id: Any, user_ids: Iterable[Any]) -> int:
    """Take licenses of a subscription back from members (its company's admins), all or nothing:
    every member named must hold one."""
    ids = clean_user_ids(user_ids)
    subscription = lock_subscription(subscription_id)
    require_manage(actor, subscription.company)
    held = list(
        subscription.assignments.filter(user_id__in=ids)
        .select_related("user")
        .order_by("user__name")
    )
    if len(held) != len(ids):
        raise NotFound(
            _("This member holds no license of this subscription."), code="assignment_not_found"
        )
    LicenseAssignment.objects.filter(pk__in=[row.pk for row in held]).delete()
    record(
        subscription,
        actor,
        "license.unassigned",
        texts.UNASSIGNED[subscription.offer_id],
        members=names_of(row.user for row in held),
    )
    event_record(
        company=subscription.company,
        type="license.unassigned",
        data=payloads.licenses(subscription, [row.user for row in held]),
    )
    return len(held)


@transaction.atomic
def assignment_give_default_seat(*, member: User, actor: User | None) -> LicenseAssignment | None:
    """A new member gets a license of the company's default subscription while seats remain
    (nothing happens when there is no default, no seat left, or the member holds the offer)."""
    subscription = (
        Subscription.objects.select_for_update(of=("self",))
        .select_related("company", "offer")
        .filter(company_id=member.company_id, is_default=True, status=Subscription.Status.ACTIVE)
        .first()
    )
    if subscription is None or subscription.assignments.count() >= subscription.quantity:
        return None
    offer = subscription.offer
    held = LicenseAssignment.objects.filter(user=member)
    if held.filter(offer=offer).exists():
        return None
    if offer.exclusive and held.filter(exclusive=True).exists():
        return None
    seat = LicenseAssignment.objects.create(
        subscription=subscription,
        user=member,
        offer=offer,
        exclusive=offer.exclusive,
        assigned_by=actor,
    )
    record(subscription, actor, "license.default_seat", texts.DEFAULT_SEAT, member=member.name)
    event_record(
        company=subscription.company,
        type="license.assigned",
        data=payloads.licenses(subscription, [member]),
    )
    return seat


@transaction.atomic
def assignments_free_member(*, member: User, actor: User | None) -> int:
    """A deactivated member's licenses go back to their subscriptions."""
    seats = list(
        LicenseAssignment.objects.filter(user=member).select_related("subscription__company")
    )
    count, _deleted = LicenseAssignment.objects.filter(user=member).delete()
    if count and member.company_id:
        activity_record(
            company=member.company,
            actor=actor,
            verb="license.freed",
            message=texts.SEATS_FREED,
            params={"count": count, "member": member.name},
        )
    for seat in seats:
        event_record(
            company=seat.subscription.company,
            type="license.unassigned",
            data=payloads.licenses(seat.subscription, [member]),
        )
    return count
