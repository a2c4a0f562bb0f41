"""What every telephony page shares: the workspace (which company, which side), refusals shown
as pages, the destinations members and groups offer in selects, and ``PbxPage``, the one shape
of a PBX's page (its list and its forms, or one of its rows)."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps
from typing import Any, ClassVar

from django.core.exceptions import ValidationError
from django.forms import Form
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

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
                        raise NotFound(_("Not found."), code="not_found")
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


@dataclass
class Done:
    """What a service answered when a page ran it (``PbxPage.run``)."""

    value: Any


class PbxPage:
    """One page of a PBX (NetBox's generic views in spirit): the base owns the rest, a page states
    only what is its own (its template and tab, its forms, its selector and service calls).

    ``telephony_page`` finds the workspace and the PBX (404 for another company's; 409 on
    another kind of PBX for a ``cloud`` page) and renders refusals as pages. The page then:

    - loads the row its URL names, if any (``item_kwarg``, ``get_item``, shown as ``item_name``);
    - binds the form of the posted ``action`` (``forms``: action -> (context name, form class);
      the action None binds on every POST); a valid one goes to ``on_<action>(form)``
      (``on_submit`` for None);
    - hands an action on one of the rows listed (``row_actions``) to ``on_<action>(row)``, the
      row loaded by ``get_row`` from the posted ``row_field`` (a malformed or unknown id is a
      404), then shows the page again (a redirect to itself, as after every change);
    - hands the other declared ``actions`` to ``on_<action>()``;
    - renders ``template`` with the workspace, the PBX, the forms and ``context()``.

    Form and other handlers answer a response, or None to show the page (with its errors).
    """

    template: ClassVar[str]
    tab: ClassVar[str] = ""
    cloud: ClassVar[bool] = True
    forms: ClassVar[dict[str | None, tuple[str, type[Form]]]] = {}
    row_field: ClassVar[str] = ""
    row_actions: ClassVar[tuple[str, ...]] = ()
    actions: ClassVar[tuple[str, ...]] = ()
    item_kwarg: ClassVar[str] = ""
    item_name: ClassVar[str] = ""

    def __init__(self, request: HttpRequest, ws: Workspace, pbx: Pbx, **kwargs: Any) -> None:
        self.request, self.ws, self.pbx, self.kwargs = request, ws, pbx, kwargs
        self.user = request.user
        self.action = request.POST.get("action") if request.method == "POST" else None
        self.item = self.get_item(kwargs[self.item_kwarg]) if self.item_kwarg else None

    @classmethod
    def as_view(cls) -> Callable[..., HttpResponse]:
        @telephony_page(cloud=cls.cloud)
        def view(request: HttpRequest, ws: Workspace, pbx: Pbx, **kwargs: Any) -> HttpResponse:
            return cls(request, ws, pbx, **kwargs).respond()

        view.__name__ = view.__qualname__ = cls.__name__
        return view

    def respond(self) -> HttpResponse:
        bound = {
            name: form_class(*self._data(action), **self.get_form_kwargs(action))
            for action, (name, form_class) in self.forms.items()
        }
        response: HttpResponse | None = None
        if self.request.method == "POST":
            if self.action in self.row_actions:
                row = self.get_row(self.posted_id(self.row_field))
                getattr(self, f"on_{self.action}")(row)
                return self.back()
            if self.action in self.actions:
                response = getattr(self, f"on_{self.action}")()
            else:
                key = self.action if self.action in self.forms else None
                if key in self.forms and bound[self.forms[key][0]].is_valid():
                    response = getattr(self, f"on_{key or 'submit'}")(bound[self.forms[key][0]])
        if response is not None:
            return response
        context = {**bound, **self.context()}
        if self.item_name:
            context[self.item_name] = self.item
        return page(self.request, self.template, self.ws, self.pbx, tab=self.tab, **context)

    def _data(self, action: str | None) -> tuple[Any, Any]:
        if self.request.method != "POST":
            return None, None
        if action is None:  # bound on every POST, as ``Form(request.POST or None)``
            return self.request.POST or None, self.request.FILES or None
        if action == self.action:
            return self.request.POST, self.request.FILES
        return None, None

    # What a page states (those it needs).
    def get_form_kwargs(self, action: str | None) -> dict[str, Any]:
        return {}

    def get_item(self, item_id: Any) -> Any:
        raise NotImplementedError

    def get_row(self, row_id: uuid.UUID) -> Any:
        raise NotImplementedError

    def context(self) -> dict[str, Any]:
        return {}

    # Helpers for the handlers.
    def run(self, call: Callable[[], Any], success: str, form: Form | None = None) -> Done | None:
        """Run a service: its answer (``Done``) and ``success`` as a message, or None when it
        refused (the refusal put on ``form``, or shown as a message)."""
        done: list[Done] = []
        act(self.request, lambda: done.append(Done(call())), success, form)
        return done[0] if done else None

    def posted_id(self, field: str) -> uuid.UUID:
        """The id of the row a form acts on; a malformed one is not found (404), as an unknown
        one is."""
        try:
            return uuid.UUID(self.request.POST.get(field) or "")
        except ValueError:
            raise NotFound(_("Not found."), code="not_found") from None

    def back(self) -> HttpResponse:
        return back(self.request)

    def to(self, page_path: str) -> HttpResponse:
        """Redirect to another page of this PBX (``page_path`` relative to the PBX's page)."""
        return redirect(self.ws.pbx_url(self.pbx, page_path))
