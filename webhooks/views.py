"""The Webhooks pages of Manage company: thin adapters over the services and selectors."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from rainbow_admin.errors import DomainError, NotFound
from rainbow_admin.pages import admin_required, show_domain_error
from webhooks import selectors, services
from webhooks.forms import EndpointEditForm, EndpointForm

LOG_SIZE = 50


def _not_found_as_404(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Another company's webhook or delivery is a plain 404 page: its existence is not told."""

    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        try:
            return view(request, *args, **kwargs)
        except NotFound:
            raise Http404 from None

    return wrapper


@admin_required
def webhooks(request: HttpRequest) -> HttpResponse:
    form = EndpointForm(request.POST or None)
    created = None
    if request.method == "POST" and form.is_valid():
        try:
            created = services.endpoint_create(actor=request.user, **form.cleaned_data)
        except DomainError as exc:
            show_domain_error(request, exc, form)
        else:
            form = EndpointForm()
    endpoints = list(selectors.endpoints_for(actor=request.user))
    return render(
        request,
        "webhooks/webhooks.html",
        {"form": form, "endpoints": endpoints, "created": created},
    )


def _detail(request, endpoint, form, secret: str | None = None):
    deliveries = list(selectors.deliveries_for(endpoint=endpoint)[:LOG_SIZE])
    return render(
        request,
        "webhooks/webhook_detail.html",
        {"endpoint": endpoint, "form": form, "deliveries": deliveries, "secret": secret},
    )


@admin_required
@_not_found_as_404
def webhook_detail(request: HttpRequest, webhook_id: str) -> HttpResponse:
    endpoint = selectors.endpoint_get(actor=request.user, endpoint_id=webhook_id)
    initial = {
        "url": endpoint.url,
        "description": endpoint.description,
        "events": endpoint.events,
        "active": endpoint.active,
    }
    form = EndpointEditForm(request.POST or None, initial=initial)
    if request.method == "POST":
        if form.is_valid():
            try:
                services.endpoint_update(
                    actor=request.user, endpoint_id=endpoint.pk, data=form.cleaned_data
                )
            except DomainError as exc:
                show_domain_error(request, exc, form)
            else:
                messages.success(request, _("The webhook was saved."))
                return redirect("webhook_detail", endpoint.pk)
        return _detail(request, endpoint, form)
    return _detail(request, endpoint, form)


@require_POST
@admin_required
@_not_found_as_404
def webhook_ping(request: HttpRequest, webhook_id: str) -> HttpResponse:
    try:
        services.endpoint_ping(actor=request.user, endpoint_id=webhook_id)
    except NotFound:
        raise
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(request, _("A ping is on its way; its delivery shows below."))
    return redirect("webhook_detail", webhook_id)


@require_POST
@admin_required
@_not_found_as_404
def webhook_rotate_secret(request: HttpRequest, webhook_id: str) -> HttpResponse:
    endpoint = services.endpoint_rotate_secret(actor=request.user, endpoint_id=webhook_id)
    messages.success(request, _("A new secret was made; the old one keeps working for 24 hours."))
    form = EndpointEditForm(
        initial={
            "url": endpoint.url,
            "description": endpoint.description,
            "events": endpoint.events,
            "active": endpoint.active,
        }
    )
    return _detail(request, endpoint, form, secret=endpoint.secret)


@require_POST
@admin_required
@_not_found_as_404
def webhook_delete(request: HttpRequest, webhook_id: str) -> HttpResponse:
    services.endpoint_delete(actor=request.user, endpoint_id=webhook_id)
    messages.success(request, _("The webhook was removed."))
    return redirect("webhooks")


@require_POST
@admin_required
@_not_found_as_404
def delivery_redeliver(request: HttpRequest, webhook_id: str, delivery_id: str) -> HttpResponse:
    try:
        services.delivery_redeliver(
            actor=request.user, endpoint_id=webhook_id, delivery_id=delivery_id
        )
    except NotFound:
        raise
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(request, _("The event is being sent again."))
    return redirect("webhook_detail", webhook_id)
