"""Pages of licensing: the company admin's Licenses, the reseller's Subscriptions per customer."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from companies.models import Company
from companies.selectors import company_get
from licensing import selectors, services
from licensing.forms import QuantityForm, SubscriptionForm
from licensing.models import Subscription
from rainbow_admin.db import CountedPaginator
from rainbow_admin.errors import DomainError, NotAllowed, NotFound
from rainbow_admin.pages import admin_required, show_domain_error
from rainbow_admin.permissions import SCOPE_LICENSING, require_partner_scope

# --- the company admin's Licenses page ---------------------------------------------------------

HOLDERS_PER_PAGE = 50


def _licenses_context(
    request: HttpRequest, selected_id: Any = None, text: str = ""
) -> dict[str, Any]:
    company = request.user.company
    subscriptions = list(
        selectors.subscriptions_list(actor=request.user, company=company, active_only=True)
    )
    selected = next((s for s in subscriptions if str(s.pk) == str(selected_id)), None)
    if selected is None and subscriptions:
        selected = subscriptions[0]
    context: dict[str, Any] = {"subscriptions": subscriptions, "selected": selected, "q": text}
    if selected is not None:
        # A page of holders: a subscription may have thousands of them.
        holders = CountedPaginator(
            selectors.assignments_list(actor=request.user, subscription=selected),
            HOLDERS_PER_PAGE,
            count=selected.assigned,
        ).get_page(request.GET.get("holders_page"))
        context["holders"] = holders.object_list
        context["holders_page"] = holders
        context["candidates"] = selectors.assignment_candidates(
            actor=request.user, subscription=selected, text=text
        )
    return context


@admin_required
def licenses(request: HttpRequest) -> HttpResponse:
    context = _licenses_context(request, request.GET.get("subscription"), request.GET.get("q", ""))
    return render(request, "licensing/licenses.html", context)


def _subscription_in(request: HttpRequest, company_id: Any, subscription_id: Any) -> Subscription:
    """A subscription of the company in the address, that the actor may see (404 otherwise;
    also for a partner refused the licensing scope: it is not a subscription of its own)."""
    try:
        subscription = selectors.subscription_get(
            actor=request.user, subscription_id=subscription_id
        )
    except (NotFound, NotAllowed):
        raise Http404 from None
    if subscription.company_id != company_id:
        raise Http404
    return subscription


def _own_subscription(request: HttpRequest, subscription_id: Any) -> Subscription:
    return _subscription_in(request, request.user.company_id, subscription_id)


@admin_required
def license_candidates(request: HttpRequest, subscription_id: Any) -> HttpResponse:
    """The members matching the search, for the assign form (htmx swaps the list)."""
    subscription = _own_subscription(request, subscription_id)
    candidates = selectors.assignment_candidates(
        actor=request.user, subscription=subscription, text=request.GET.get("q", "")
    )
    return render(
        request,
        "licensing/_candidates.html",
        {"selected": subscription, "candidates": candidates},
    )


def _after_seat_change(
    request: HttpRequest, subscription: Subscription, notice: str = "", error: str = ""
) -> HttpResponse:
    if request.htmx:
        context = _licenses_context(request, subscription.pk)
        context.update(notice=notice, error=error, swap_summary=True)
        return render(request, "licensing/_license_panel.html", context)
    if error:
        messages.error(request, error)
    elif notice:
        messages.success(request, notice)
    return redirect(f"{reverse('licenses')}?subscription={subscription.pk}")


def _seat_change(
    request: HttpRequest, subscription_id: Any, change: Callable[[Subscription], str]
) -> HttpResponse:
    """Run ``change`` (a service call answering the notice) on one of the company's
    subscriptions; its refusal or its notice is shown in the panel (htmx) or on the page."""
    subscription = _own_subscription(request, subscription_id)
    try:
        notice = change(subscription)
    except DomainError as exc:
        return _after_seat_change(request, subscription, error=str(exc.message))
    return _after_seat_change(request, subscription, notice=notice)


@require_POST
@admin_required
def license_assign(request: HttpRequest, subscription_id: Any) -> HttpResponse:
    def assign(subscription: Subscription) -> str:
        rows = services.assignments_add(
            actor=request.user,
            subscription_id=subscription.pk,
            user_ids=request.POST.getlist("users"),
        )
        return ngettext(
            "%(count)s license assigned.", "%(count)s licenses assigned.", len(rows)
        ) % {"count": len(rows)}

    return _seat_change(request, subscription_id, assign)


@require_POST
@admin_required
def license_unassign(request: HttpRequest, subscription_id: Any) -> HttpResponse:
    def unassign(subscription: Subscription) -> str:
        count = services.assignments_remove(
            actor=request.user,
            subscription_id=subscription.pk,
            user_ids=request.POST.getlist("users"),
        )
        return ngettext("%(count)s license freed.", "%(count)s licenses freed.", count) % {
            "count": count
        }

    return _seat_change(request, subscription_id, unassign)


@require_POST
@admin_required
def license_default(request: HttpRequest, subscription_id: Any) -> HttpResponse:
    subscription = _own_subscription(request, subscription_id)
    try:
        services.subscription_make_default(actor=request.user, subscription_id=subscription.pk)
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(
            request,
            _("New members now get a %(offer)s license while seats remain.")
            % {"offer": subscription.offer.name},
        )
    return redirect(f"{reverse('licenses')}?subscription={subscription.pk}")


# --- the reseller's Subscriptions page of a customer -------------------------------------------


def _customer(request: HttpRequest, company_id: Any):
    """The customer, if the actor is its partner holding the licensing scope (404 / 403)."""
    try:
        company = company_get(actor=request.user, company_id=company_id)
        require_partner_scope(request.user, company, SCOPE_LICENSING)
    except NotFound:
        raise Http404 from None
    return company


def _customer_page(request: HttpRequest, company, form: SubscriptionForm) -> HttpResponse:
    subscriptions = selectors.subscriptions_list(actor=request.user, company=company)
    return render(
        request,
        "licensing/customer_subscriptions.html",
        {"customer": company, "subscriptions": subscriptions, "form": form},
    )


def customer_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A partner's page on a customer's subscriptions: ``view(request, company, …)`` gets the
    customer from ``company_id`` once the actor proved an admin of its partner holding the
    licensing scope (404 for a company it may not see; a 403 page saying why otherwise)."""

    @admin_required
    @wraps(view)
    def wrapper(request: HttpRequest, company_id: Any, **kwargs: Any) -> HttpResponse:
        try:
            company = _customer(request, company_id)
        except NotAllowed as exc:
            return render(request, "licensing/forbidden.html", {"reason": exc.message}, status=403)
        return view(request, company, **kwargs)

    return wrapper


@customer_page
def customer_subscriptions(request: HttpRequest, company: Company) -> HttpResponse:
    form = SubscriptionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            subscription = services.subscription_create(
                actor=request.user, company=company, **form.cleaned_data
            )
        except DomainError as exc:
            show_domain_error(request, exc, form)
        else:
            messages.success(
                request,
                ngettext(
                    "%(quantity)s %(offer)s license subscribed for %(company)s.",
                    "%(quantity)s %(offer)s licenses subscribed for %(company)s.",
                    subscription.quantity,
                )
                % {
                    "quantity": subscription.quantity,
                    "offer": subscription.offer.name,
                    "company": company.name,
                },
            )
            return redirect("customer_subscriptions", company_id=company.pk)
    return _customer_page(request, company, form)


def _customer_subscription_change(
    request: HttpRequest,
    company: Company,
    subscription_id: Any,
    change: Callable[[Subscription], str],
) -> HttpResponse:
    """Run ``change`` (a service call answering the success message) on a subscription of the
    customer; its refusal or its message is shown on the customer's subscriptions page."""
    subscription = _subscription_in(request, company.pk, subscription_id)
    try:
        message = change(subscription)
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(request, message)
    return redirect("customer_subscriptions", company_id=company.pk)


@require_POST
@customer_page
def customer_subscription_quantity(
    request: HttpRequest, company: Company, subscription_id: Any
) -> HttpResponse:
    form = QuantityForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("The quantity is a whole number of at least 1."))
        return redirect("customer_subscriptions", company_id=company.pk)

    def change(subscription: Subscription) -> str:
        subscription = services.subscription_change(
            actor=request.user,
            subscription_id=subscription.pk,
            quantity=form.cleaned_data["quantity"],
        )
        return ngettext(
            "The %(offer)s subscription now has %(quantity)s license.",
            "The %(offer)s subscription now has %(quantity)s licenses.",
            subscription.quantity,
        ) % {"offer": subscription.offer.name, "quantity": subscription.quantity}

    return _customer_subscription_change(request, company, subscription_id, change)


@require_POST
@customer_page
def customer_subscription_terminate(
    request: HttpRequest, company: Company, subscription_id: Any
) -> HttpResponse:

    def terminate(subscription: Subscription) -> str:
        subscription = services.subscription_terminate(
            actor=request.user, subscription_id=subscription.pk
        )
        return _("The %(offer)s subscription was terminated.") % {"offer": subscription.offer.name}

    return _customer_subscription_change(request, company, subscription_id, terminate)
