"""Every write of licensing: subscriptions (by the partner) and seats (by the company admin).

Every change of a subscription's seats runs under a row lock on the subscription, so counting the
seats taken and adding new ones cannot interleave: a subscription is never oversubscribed.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from companies.models import Company, User
from companies.selectors import company_admins
from licensing import messages as texts
from licensing.models import LicenseAssignment, Offer, Subscription
from notifications.services import activity_record, email_queue, notify
from rainbow_admin.errors import Conflict, InvalidInput, NotFound
from rainbow_admin.permissions import (
    SCOPE_LICENSING,
    is_member_of,
    require_manage,
    require_partner_scope,
)

MAX_QUANTITY = 100_000
NAMES_IN_ACTIVITY = 10


# --- checks shared by every entry point --------------------------------------------------------


def _clean_offer(code: Any) -> Offer:
    offer = Offer.objects.filter(code=str(code or "")).first()
    if offer is None:
        raise InvalidInput(
            _("Choose an offer: essential, business, enterprise or attendant."),
            code="unknown_offer",
            field="offer",
        )
    return offer


def _clean_quantity(value: Any) -> int:
    try:
        quantity = int(value)
    except (TypeError, ValueError):
        quantity = 0
    if isinstance(value, bool) or not 1 <= quantity <= MAX_QUANTITY:
        raise InvalidInput(
            _("The quantity is a whole number from 1 to %(max)s.") % {"max": MAX_QUANTITY},
            code="invalid_quantity",
            field="quantity",
        )
    return quantity


def _clean_billing(value: Any) -> str:
    if value not in Subscription.Billing.values:
        raise InvalidInput(
            _("Choose a billing: monthly or annual."), code="invalid_billing", field="billing"
        )
    return value


def _clean_purchase_order(value: Any) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > 64:
        raise InvalidInput(
            _("The purchase order reference is too long (64 characters at most)."),
            code="purchase_order_too_long",
            field="purchase_order",
        )
    return text


def _clean_user_ids(values: Iterable[Any]) -> list[uuid.UUID]:
    ids: list[uuid.UUID] = []
    for value in values:
        try:
            user_id = uuid.UUID(str(value))
        except (TypeError, ValueError, AttributeError):
            raise InvalidInput(
                _("“%(value)s” is not a valid id.") % {"value": value},
                code="invalid_id",
                field="users",
            ) from None
        if user_id not in ids:
            ids.append(user_id)
    if not ids:
        raise InvalidInput(_("Choose at least one member."), code="users_required", field="users")
    return ids


def _lock_subscription(subscription_id: Any) -> Subscription:
    try:
        return (
            Subscription.objects.select_for_update(of=("self",))
            .select_related("company", "offer")
            .get(pk=subscription_id)
        )
    except (Subscription.DoesNotExist, ValidationError, ValueError):
        raise NotFound(_("No such subscription."), code="subscription_not_found") from None


def _require_active(subscription: Subscription) -> None:
    if subscription.status != Subscription.Status.ACTIVE:
        raise Conflict(_("This subscription is terminated."), code="subscription_terminated")


def _lock_company(company_id: Any) -> None:
    # Serialises the choice of a company's default subscription (one default per company).
    Company.objects.select_for_update().filter(pk=company_id).values_list("pk").first()


def _names(users: Iterable[User]) -> str:
    names = [user.name for user in users]
    if len(names) > NAMES_IN_ACTIVITY:
        return ", ".join(names[:NAMES_IN_ACTIVITY]) + ", …"
    return ", ".join(names)


def _record(subscription: Subscription, actor: User | None, verb: str, message: str, **params):
    activity_record(
        company=subscription.company,
        actor=actor,
        verb=verb,
        message=message,
        params={"actor": actor.name if actor else "", **params},
    )


def _translated(message: str, params: dict[str, Any]) -> Any:
    """The message in the language active when it is rendered (the email's recipient's)."""
    return lazy(lambda: gettext(message) % params, str)()


def _tell_company_admins(
    subscription: Subscription, actor: User, message: str, params: dict[str, Any]
) -> None:
    """The company's admins learn (portal and email) what their partner changed."""
    company = subscription.company
    if is_member_of(actor, company):
        return
    params = {"actor": actor.name, **params}
    admins = list(company_admins(company_id=company.pk))
    url = reverse("licenses")
    notify(recipients=admins, message=message, params=params, url=url)
    # Lazy: rendered in each recipient's language.
    partner_name = actor.company.name if actor.company_id else _("the platform operators")
    for person in admins:
        email_queue(
            to=person.email,
            language=person.language,
            template="subscription_changed",
            context={
                "user_name": person.name,
                "company_name": company.name,
                "partner_name": partner_name,
                "change": _translated(message, params),
                "url": url,
            },
            topic="subscription",
            object_id=subscription.pk,
        )


# --- subscriptions: the partner ----------------------------------------------------------------


@transaction.atomic
def subscription_create(
    *,
    actor: User,
    company: Company,
    offer: str,
    quantity: int,
    billing: str = Subscription.Billing.MONTHLY,
    purchase_order: str = "",
) -> Subscription:
    """Subscribe licenses for a company: only its partner holding the licensing scope, or an
    operator (a company admin cannot buy for itself).

    The company's first Essential subscription becomes its default one: new members get a seat.
    """
    require_partner_scope(actor, company, SCOPE_LICENSING)
    offer_row = _clean_offer(offer)
    subscription = Subscription(
        company=company,
        offer=offer_row,
        quantity=_clean_quantity(quantity),
        billing=_clean_billing(billing),
        purchase_order=_clean_purchase_order(purchase_order),
        reseller=actor.company if actor.company_id else None,
        subscribed_by=actor,
    )
    if offer_row.code == "essential":
        _lock_company(company.pk)
        subscription.is_default = not Subscription.objects.filter(
            company=company, is_default=True
        ).exists()
    subscription.save(force_insert=True)
    params = {"quantity": subscription.quantity}
    message = texts.SUBSCRIBED[offer_row.code]
    _record(subscription, actor, "subscription.created", message, **params)
    _tell_company_admins(subscription, actor, message, params)
    return subscription


@transaction.atomic
def subscription_change(
    *,
    actor: User,
    subscription_id: Any,
    quantity: int | None = None,
    purchase_order: str | None = None,
) -> Subscription:
    """Change the quantity (or purchase order) of an active subscription: partner with the
    licensing scope or operator. Monthly plans may go down, never below the licenses assigned;
    annual plans only go up.
    """
    subscription = _lock_subscription(subscription_id)
    require_partner_scope(actor, subscription.company, SCOPE_LICENSING)
    _require_active(subscription)
    old = subscription.quantity
    fields = ["updated_at"]
    if purchase_order is not None:
        subscription.purchase_order = _clean_purchase_order(purchase_order)
        fields.append("purchase_order")
    if quantity is not None:
        new = _clean_quantity(quantity)
        if new < old and subscription.billing == Subscription.Billing.ANNUAL:
            raise Conflict(
                _("An annual plan can only grow: choose %(old)s licenses or more.") % {"old": old},
                code="annual_only_grows",
                field="quantity",
            )
        assigned = subscription.assignments.count()
        if new < assigned:
            raise Conflict(
                _(
                    "%(assigned)s licenses are assigned: the quantity cannot go below that. "
                    "Free licenses first."
                )
                % {"assigned": assigned},
                code="below_assigned",
                field="quantity",
            )
        subscription.quantity = new
        fields.append("quantity")
    subscription.updated_at = timezone.now()
    subscription.save(update_fields=fields)
    if subscription.quantity != old:
        params = {"old": old, "quantity": subscription.quantity}
        message = texts.QUANTITY_CHANGED[subscription.offer_id]
        _record(subscription, actor, "subscription.quantity_changed", message, **params)
        _tell_company_admins(subscription, actor, message, params)
    return subscription


@transaction.atomic
def subscription_terminate(*, actor: User, subscription_id: Any) -> Subscription:
    """Terminate a subscription: partner with the licensing scope or operator, and only when no
    license of it is assigned (the admin frees them first)."""
    subscription = _lock_subscription(subscription_id)
    require_partner_scope(actor, subscription.company, SCOPE_LICENSING)
    _require_active(subscription)
    assigned = subscription.assignments.count()
    if assigned:
        raise Conflict(
            _(
                "%(assigned)s licenses of this subscription are assigned; "
                "the company's administrator must free them first."
            )
            % {"assigned": assigned},
            code="licenses_assigned",
        )
    subscription.status = Subscription.Status.TERMINATED
    subscription.is_default = False
    subscription.terminated_at = subscription.updated_at = timezone.now()
    subscription.terminated_by = actor
    subscription.save(
        update_fields=["status", "is_default", "terminated_at", "updated_at", "terminated_by"]
    )
    message = texts.TERMINATED[subscription.offer_id]
    _record(subscription, actor, "subscription.terminated", message)
    _tell_company_admins(subscription, actor, message, {})
    return subscription


# --- seats: the company admin ------------------------------------------------------------------


@transaction.atomic
def subscription_make_default(*, actor: User, subscription_id: Any) -> Subscription:
    """Choose the company's default subscription (its admins): new members get a seat of it."""
    subscription = _lock_subscription(subscription_id)
    require_manage(actor, subscription.company)
    _require_active(subscription)
    if subscription.is_default:
        return subscription
    _lock_company(subscription.company_id)
    Subscription.objects.filter(company_id=subscription.company_id, is_default=True).update(
        is_default=False
    )
    subscription.is_default = True
    subscription.save(update_fields=["is_default"])
    _record(
        subscription, actor, "subscription.default", texts.DEFAULT_CHOSEN[subscription.offer_id]
    )
    return subscription


@transaction.atomic
def assignments_add(
    *, actor: User, subscription_id: Any, user_ids: Iterable[Any]
) -> list[LicenseAssignment]:
    """Give members a license of a subscription (its company's admins), all or nothing.

    Members must belong to the company and not be deactivated (400 otherwise). Past the quantity,
    or a second exclusive offer (Business, Enterprise) for a member, is a conflict and nothing
    changes. Members who already hold a license of this subscription are left as they are.
    """
    ids = _clean_user_ids(user_ids)
    subscription = _lock_subscription(subscription_id)
    company = subscription.company
    require_manage(actor, company)
    _require_active(subscription)
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
            _("%(members)s already hold a %(offer)s license.")
            % {"members": _names(elsewhere), "offer": offer.name},
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
            raise Conflict(
                _(
                    "%(members)s already hold a Business or Enterprise license; "
                    "a member holds at most one of them."
                )
                % {"members": _names(m for m in new if m.pk in taken)},
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
    _record(
        subscription, actor, "license.assigned", texts.ASSIGNED[offer.code], members=_names(new)
    )
    return rows


@transaction.atomic
def assignments_remove(*, actor: User, subscription_id: Any, user_ids: Iterable[Any]) -> int:
    """Take licenses of a subscription back from members (its company's admins), all or nothing:
    every member named must hold one."""
    ids = _clean_user_ids(user_ids)
    subscription = _lock_subscription(subscription_id)
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
    _record(
        subscription,
        actor,
        "license.unassigned",
        texts.UNASSIGNED[subscription.offer_id],
        members=_names(row.user for row in held),
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
    _record(subscription, actor, "license.default_seat", texts.DEFAULT_SEAT, member=member.name)
    return seat


@transaction.atomic
def assignments_free_member(*, member: User, actor: User | None) -> int:
    """A deactivated member's licenses go back to their subscriptions."""
    count, _deleted = LicenseAssignment.objects.filter(user=member).delete()
    if count and member.company_id:
        activity_record(
            company=member.company,
            actor=actor,
            verb="license.freed",
            message=texts.SEATS_FREED,
            params={"count": count, "member": member.name},
        )
    return count
