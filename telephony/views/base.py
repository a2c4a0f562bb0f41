"""What every telephony page shares: the workspace (which company, which side), refusals shown
as pages, and the destinations members and groups offer in selects."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse

from companies.models import Company
from companies.selectors import company_get
from rainbow_admin.errors import Conflict, DomainError, NotAllowed, NotFound
from rainbow_admin.pages import company_required, show_domain_error
from telephony import selectors
from telephony.access import may_declare_pbx
from telephony.models import Pbx
from telephony.services.common import require_cloud


class Workspace:
    """The company whose telephony is shown, and where its pages live for this user."""

    def __init__(self, request: HttpRequest, company_id: Any) -> None:
        self.partner_side = company_id is not None
        if self.partner_side:
            self.company: Company = company_get(actor=request.user, company_id=company_id)
            self.base = reverse("customer_telephony", kwargs={"company_id": company_id})
        else:
            self.company = request.user.company
            self.base = reverse("telephony")
        self.may_declare = may_declare_pbx(request.user, self.company)

    def pbx_url(self, pbx: Pbx, page: str = "") -> str:
        return f"{self.base}pbxs/{pbx.pk}/{page}"


def telephony_page(*, cloud: bool = False) -> Callable:
    """Decorate a page ``view(request, ws, pbx=None, **kwargs)``: the workspace is resolved, the
    PBX loaded (and, for ``cloud`` pages, refused on another kind), refusals rendered."""

    def decorate(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @company_required
        @wraps(view)
        def wrapper(
            request: HttpRequest, company_id: Any = None, pbx_id: Any = None, **kwargs: Any
        ) -> HttpResponse:
            if company_id is None and request.user.role != "admin":
                return render(request, "admin_only.html", status=403)
            ws: Workspace | None = None
            pbx: Pbx | None = None
            try:
                ws = Workspace(request, company_id)
                if pbx_id is not None:
                    pbx = selectors.pbx_get(actor=request.user, pbx_id=pbx_id)
                    if pbx.company_id != ws.company.pk:
                        raise NotFound("Not found.", code="not_found")
                    if cloud:
                        require_cloud(pbx)
                else:
                    selectors.pbx_list(actor=request.user, company=ws.company)  # the check
                return view(request, ws, pbx, **kwargs)
            except (NotFound, ValidationError):
                # ValidationError: a malformed id posted to a service (e.g. a line or a hunt
                # group), which a query cannot even look up: not found, never a 500.
                return render(request, "404.html", status=404)
            except (NotAllowed, Conflict) as exc:
                context: dict[str, Any] = {"ws": ws, "error": exc}
                if ws is not None and pbx is not None:
                    context.update(_pbx_context(ws, pbx))
                return render(request, "telephony/refused.html", context, status=exc.status)

        return wrapper

    return decorate


def _pbx_context(ws: Workspace, pbx: Pbx) -> dict[str, Any]:
    return {"ws": ws, "pbx": pbx, "pbx_base": ws.pbx_url(pbx)}


def page(request: HttpRequest, template: str, ws: Workspace, pbx: Pbx | None, **context: Any):
    context = {"ws": ws, **(_pbx_context(ws, pbx) if pbx else {}), **context}
    return render(request, template, context, status=context.pop("status", 200))


def act(request: HttpRequest, call: Callable[[], Any], success: str, form=None) -> bool:
    """Run a service; a refusal goes on the form (or as a message). True when it succeeded."""
    from django.contrib import messages

    try:
        call()
    except DomainError as exc:
        show_domain_error(request, exc, form)
        return False
    messages.success(request, success)
    return True


def back(request: HttpRequest) -> HttpResponse:
    return redirect(request.get_full_path())


def destination_choices(pbx: Pbx, *, groups: bool = True) -> list[tuple[str, str]]:
    """Members with a line (``member:<user id>``) and hunt groups (``hunt_group:<id>``)."""
    choices = [
        (f"member:{line.user_id}", f"{line.user.name} ({line.extension})")
        for line in selectors.lines_list(pbx=pbx)
    ]
    if groups:
        choices += [
            (f"hunt_group:{group.pk}", group.name)
            for group in selectors.hunt_group_choices(pbx=pbx)
        ]
    return choices


def split_destination(value: str | None) -> tuple[str, str]:
    kind, _sep, ident = (value or "").partition(":")
    return kind, ident
