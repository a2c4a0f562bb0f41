"""Subscriptions: the partner (or an operator) subscribes, changes and terminates; the company's
admins choose the default one."""

from __future__ import annotations

from typing import Any

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import lazy
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from companies.models import Company, User
from companies.selectors import company_admins
from licensing import messages as texts
from licensing.models import Subscription
from licensing.services._shared import (
    clean_billing,
    clean_offer,
    clean_purchase_order,
    clean_quantity,
    lock_company,
    lock_subscription,
    record,
    require_active,
)
from notifications.models import render_message
from notifications.services import email_queue, notify, stored_message
from partners.scopes import active_link_scopes
from rainbow_admin.errors import Conflict, InputErrors
from rainbow_admin.permissions import (
    SCOPE_LICENSING,
    is_member_of,
    require_manage,
    require_partner_scope,
)
from webhooks import payloads
from webhooks.events import event_record


def _translated(message: Any, params: dict[str, Any]) -> Any:
    """The message in the language active when it is rendered (the email's recipient's)."""
    stored, stored_params = stored_message(message, params)
    return lazy(lambda: render_message(stored, stored_params), str)()


def _tell_company_admins(
    subscription: Subscription, actor: User, message: Any, params: dict[str, Any]
) -> None:
    """The company's admins learn (portal and email) what their partner changed. The same change
    repeated on the subscription within the fold window updates their notification and sends
    no other email (``notify`` says who got a new one); the actor hears nothing of it."""
    company = subscription.company
    if is_member_of(actor, company):
        return
    params = {"actor": actor.name, **params}
    admins = list(company_admins(company_id=company.pk))
    url = reverse("licenses")
    told = notify(
        recipients=admins, message=message, params=params, url=url, actor=actor, fold_keep=("old",)
    )
    # Lazy: rendered in each recipient's language.
    partner_name = actor.company.name if actor.company_id else _("the platform operators")
    for person in told:
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


def _event(subscription: Subscription, type: str) -> None:
    """Subscription events go to the company and to the reseller that holds the subscription,
    while that reseller is still the company's partner (a former one hears nothing more)."""
    reseller = subscription.reseller
    if reseller is not None and (
        active_link_scopes(company_id=subscription.company_id, partner_id=reseller.pk) is None
    ):
        reseller = None
    event_record(
        company=(subscription.company, reseller),
        type=type,
        data=payloads.subscription(subscription),
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
    errors = InputErrors()  # every wrong field at once
    with errors.check():
        offer_row = clean_offer(offer)
    with errors.check():
        quantity = clean_quantity(quantity)
    with errors.check():
        billing = clean_billing(billing)
    with errors.check():
        purchase_order = clean_purchase_order(purchase_order)
    errors.raise_any()
    subscription = Subscription(
        company=company,
        offer=offer_row,
        quantity=quantity,
        billing=billing,
        purchase_order=purchase_order,
        reseller=actor.company if actor.company_id else None,
        subscribed_by=actor,
    )
    if offer_row.code == "essential":
        lock_company(company.pk)
        subscription.is_default = not Subscription.objects.filter(
            company=company, is_default=True
        ).exists()
    subscription.save(force_insert=True)
    params = {"quantity": subscription.quantity}
    message = texts.SUBSCRIBED[offer_row.code]
    record(subscription, actor, "subscription.created", message, **params)
    _event(subscription, "subscription.created")
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
    subscription = lock_subscription(subscription_id)
    require_partner_scope(actor, subscription.company, SCOPE_LICENSING)
    require_active(subscription)
    old = subscription.quantity
    old_purchase_order = subscription.purchase_order
    fields = ["updated_at"]
    if purchase_order is not None:
        subscription.purchase_order = clean_purchase_order(purchase_order)
        fields.append("purchase_order")
    if quantity is not None:
        new = clean_quantity(quantity)
        if new < old and subscription.billing == Subscription.Billing.ANNUAL:
            raise Conflict(
                _("An annual plan can only grow: choose %(old)s licenses or more.") % {"old": old},
                code="annual_only_grows",
                field="quantity",
            )
        assigned = subscription.assignments.count()
        if new < assigned:
            raise Conflict(
                ngettext(
                    "%(assigned)s license is assigned: the quantity cannot go below that. "
                    "Free licenses first.",
                    "%(assigned)s licenses are assigned: the quantity cannot go below that. "
                    "Free licenses first.",
                    assigned,
                )
                % {"assigned": assigned},
                code="below_assigned",
                field="quantity",
            )
        subscription.quantity = new
        fields.append("quantity")
    subscription.updated_at = timezone.now()
    subscription.save(update_fields=fields)
    if subscription.purchase_order != old_purchase_order:
        record(
            subscription,
            actor,
            "subscription.purchase_order_changed",
            texts.PURCHASE_ORDER_CHANGED,
            purchase_order=subscription.purchase_order or "—",
        )
    if subscription.quantity != old:
        params = {"old": old, "quantity": subscription.quantity}
        message = texts.QUANTITY_CHANGED[subscription.offer_id]
        record(subscription, actor, "subscription.quantity_changed", message, **params)
        _tell_company_admins(subscription, actor, message, params)
    if (subscription.quantity, subscription.purchase_order) != (old, old_purchase_order):
        _event(subscription, "subscription.updated")
    return subscription


@transaction.atomic
def subscription_terminate(*, actor: User, subscription_id: Any) -> Subscription:
    """Terminate a subscription: partner with the licensing scope or operator, and only when no
    license of it is assigned (the admin frees them first)."""
    subscription = lock_subscription(subscription_id)
    require_partner_scope(actor, subscription.company, SCOPE_LICENSING)
    require_active(subscription)
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
    record(subscription, actor, "subscription.terminated", message)
    _event(subscription, "subscription.terminated")
    _tell_company_admins(subscription, actor, message, {})
    return subscription


@transaction.atomic
def subscription_make_default(*, actor: User, subscription_id: Any) -> Subscription:
    """Choose the company's default subscription (its admins): new members get a seat of it."""
    subscription = lock_subscription(subscription_id)
    require_manage(actor, subscription.company)
    require_active(subscription)
    if subscription.is_default:
        return subscription
    lock_company(subscription.company_id)
    Subscription.objects.filter(company_id=subscription.company_id, is_default=True).update(
        is_default=False
    )
    subscription.is_default = True
    subscription.save(update_fields=["is_default"])
    record(subscription, actor, "subscription.default", texts.DEFAULT_CHOSEN[subscription.offer_id])
    return subscription
