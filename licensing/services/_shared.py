"""Checks and helpers every licensing service uses."""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from companies.models import Company, User
from licensing.models import Offer, Subscription
from notifications.services import activity_record
from rainbow_admin.errors import Conflict, InvalidInput, NotFound

MAX_QUANTITY = 100_000
NAMES_IN_ACTIVITY = 10


# --- checks shared by every entry point --------------------------------------------------------


def clean_offer(code: Any) -> Offer:
    offer = Offer.objects.filter(code=str(code or "")).first()
    if offer is None:
        raise InvalidInput(
            _("Choose an offer: essential, business, enterprise or attendant."),
            code="unknown_offer",
            field="offer",
        )
    return offer


def clean_quantity(value: Any) -> int:
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


def clean_billing(value: Any) -> str:
    if value not in Subscription.Billing.values:
        raise InvalidInput(
            _("Choose a billing: monthly or annual."), code="invalid_billing", field="billing"
        )
    return value


def clean_purchase_order(value: Any) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > 64:
        raise InvalidInput(
            _("The purchase order reference is too long (64 characters at most)."),
            code="purchase_order_too_long",
            field="purchase_order",
        )
    return text


def clean_user_ids(values: Iterable[Any]) -> list[uuid.UUID]:
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


def lock_subscription(subscription_id: Any) -> Subscription:
    try:
        return (
            Subscription.objects.select_for_update(of=("self",))
            .select_related("company", "offer")
            .get(pk=subscription_id)
        )
    except (Subscription.DoesNotExist, ValidationError, ValueError):
        raise NotFound(_("No such subscription."), code="subscription_not_found") from None


def require_active(subscription: Subscription) -> None:
    if subscription.status != Subscription.Status.ACTIVE:
        raise Conflict(_("This subscription is terminated."), code="subscription_terminated")


def lock_company(company_id: Any) -> None:
    # Serialises the choice of a company's default subscription (one default per company).
    Company.objects.select_for_update().filter(pk=company_id).values_list("pk").first()


def names_of(users: Iterable[User]) -> str:
    names = [user.name for user in users]
    if len(names) > NAMES_IN_ACTIVITY:
        return ", ".join(names[:NAMES_IN_ACTIVITY]) + ", …"
    return ", ".join(names)


def record(
    subscription: Subscription, actor: User | None, verb: str, message: Any, **params: Any
) -> None:
    activity_record(
        company=subscription.company,
        actor=actor,
        verb=verb,
        message=message,
        params={"actor": actor.name if actor else "", **params},
    )
