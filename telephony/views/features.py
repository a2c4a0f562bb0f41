"""Cloud PBX pages: hunt groups, Welcome Services and Automated Attendants."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _

from telephony import selectors
from telephony.forms import (
    AutoAttendantForm,
    HuntGroupForm,
    OpeningExceptionForm,
    OpeningHoursForm,
    PromptForm,
    WelcomeServiceForm,
)
from telephony.models import AttendantKey
from telephony.services import features as services
from telephony.services.features import is_open
from telephony.views.base import (
    act,
    back,
    destination_choices,
    page,
    split_destination,
    telephony_page,
)


def _destination_data(prefix: str, value: str | None) -> dict:
    kind, ident = split_destination(value)
    return {
        f"{prefix}_member": ident if kind == "member" else None,
        f"{prefix}_hunt_group": ident if kind == "hunt_group" else None,
    }


def _free_numbers(pbx):
    return [n for n in selectors.public_numbers_list(pbx=pbx) if not n.destination]


@telephony_page(cloud=True)
def hunt_groups(request: HttpRequest, ws, pbx) -> HttpResponse:
    action = request.POST.get("action")
    form = HuntGroupForm(request.POST if action == "add" else None)
    user = request.user
    lines = list(selectors.lines_list(pbx=pbx))
    if request.method == "POST":
        if action == "add" and form.is_valid():
            data = {**form.cleaned_data, "members": _ordered_members(request)}
            if act(
                request,
                lambda: services.hunt_group_create(actor=user, pbx=pbx, data=data),
                _("The hunt group was created."),
                form,
            ):
                return back(request)
        elif action == "remove":
            group = selectors.hunt_group_get(pbx=pbx, group_id=request.POST.get("group"))
            act(
                request,
                lambda: services.hunt_group_remove(actor=user, group=group),
                _("The hunt group was removed."),
            )
            return back(request)
    return page(
        request,
        "telephony/hunt_groups.html",
        ws,
        pbx,
        groups=selectors.hunt_groups_list(pbx=pbx),
        lines=lines,
        chosen=request.POST.getlist("members"),
        form=form,
        tab="hunt_groups",
    )


def _ordered_members(request: HttpRequest) -> list[str]:
    """Checked members, in the order typed beside them (ties keep the page order)."""
    chosen = request.POST.getlist("members")

    def position(user_id: str) -> tuple[int, int]:
        try:
            return (int(request.POST.get(f"order-{user_id}") or 0), chosen.index(user_id))
        except ValueError:
            return (0, chosen.index(user_id))

    return sorted(chosen, key=position)


@telephony_page(cloud=True)
def hunt_group_detail(request: HttpRequest, ws, pbx, group_id) -> HttpResponse:
    group = selectors.hunt_group_get(pbx=pbx, group_id=group_id)
    form = HuntGroupForm(
        request.POST or None,
        initial={
            "name": group.name,
            "extension": group.extension,
            "policy": group.policy,
            "ring_timeout": group.ring_timeout,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "members": _ordered_members(request)}
        if act(
            request,
            lambda: services.hunt_group_update(actor=request.user, group=group, data=data),
            _("The hunt group was saved."),
            form,
        ):
            return redirect(ws.pbx_url(pbx, "hunt-groups/"))
    positions = {str(m.line.user_id): i + 1 for i, m in enumerate(group.memberships.all())}
    members = [
        {"line": line, "position": positions.get(str(line.user_id)), "id": str(line.user_id)}
        for line in selectors.lines_list(pbx=pbx)
    ]
    return page(
        request,
        "telephony/hunt_group_detail.html",
        ws,
        pbx,
        group=group,
        members=members,
        form=form,
        tab="hunt_groups",
    )


@telephony_page(cloud=True)
def welcome_services(request: HttpRequest, ws, pbx) -> HttpResponse:
    form = WelcomeServiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {
            "name": form.cleaned_data["name"],
            "public_number": request.POST.get("public_number") or None,
            **_destination_data("open", request.POST.get("open")),
            **_destination_data("closed", request.POST.get("closed")),
        }
        created = {}

        def create():
            created["service"] = services.welcome_service_create(
                actor=request.user, pbx=pbx, data=data
            )

        if act(request, create, _("The Welcome Service was created."), form):
            return redirect(ws.pbx_url(pbx, f"welcome/{created['service'].pk}/"))
    return page(
        request,
        "telephony/welcome_list.html",
        ws,
        pbx,
        services=selectors.welcome_services_list(pbx=pbx),
        free_numbers=_free_numbers(pbx),
        destinations=destination_choices(pbx),
        form=form,
        tab="welcome",
    )


@telephony_page(cloud=True)
def welcome_detail(request: HttpRequest, ws, pbx, service_id) -> HttpResponse:
    service = selectors.welcome_service_get(pbx=pbx, service_id=service_id)
    action = request.POST.get("action")
    hours_form = OpeningHoursForm(request.POST if action == "hours" else None)
    exception_form = OpeningExceptionForm(request.POST if action == "exception" else None)
    prompt_form = PromptForm(
        request.POST if action == "greeting" else None,
        request.FILES if action == "greeting" else None,
    )
    user = request.user
    if request.method == "POST":
        done = False
        if action == "hours" and hours_form.is_valid():
            done = act(
                request,
                lambda: services.opening_hours_add(
                    actor=user, service=service, **hours_form.cleaned_data
                ),
                _("The opening hours were added."),
                hours_form,
            )
        elif action == "exception" and exception_form.is_valid():
            done = act(
                request,
                lambda: services.opening_exception_add(
                    actor=user, service=service, **exception_form.cleaned_data
                ),
                _("The exception was added."),
                exception_form,
            )
        elif action == "greeting" and prompt_form.is_valid():
            done = act(
                request,
                lambda: services.welcome_greeting_upload(
                    actor=user,
                    service=service,
                    which=request.POST.get("which", ""),
                    upload=prompt_form.cleaned_data["prompt"],
                ),
                _("The greeting was uploaded."),
                prompt_form,
            )
        elif action == "destinations":
            data = {
                **_destination_data("open", request.POST.get("open")),
                **_destination_data("closed", request.POST.get("closed")),
                "public_number": request.POST.get("public_number") or None,
            }
            act(
                request,
                lambda: services.welcome_service_update(actor=user, service=service, data=data),
                _("The Welcome Service was saved."),
            )
            done = True
        elif action in ("remove_hours", "remove_exception"):
            act(
                request,
                lambda: services.opening_row_remove(
                    actor=user,
                    service=service,
                    kind="hours" if action == "remove_hours" else "exception",
                    row_id=request.POST.get("row"),
                ),
                _("Removed."),
            )
            done = True
        elif action == "remove" and act(
            request,
            lambda: services.welcome_service_remove(actor=user, service=service),
            _("The Welcome Service was removed."),
        ):
            return redirect(ws.pbx_url(pbx, "welcome/"))
        if done:
            return back(request)
    return page(
        request,
        "telephony/welcome_detail.html",
        ws,
        pbx,
        service=service,
        open_now=is_open(service, timezone.now()),
        free_numbers=_free_numbers(pbx),
        destinations=destination_choices(pbx),
        hours_form=hours_form,
        exception_form=exception_form,
        prompt_form=prompt_form,
        tab="welcome",
    )


@telephony_page(cloud=True)
def attendants(request: HttpRequest, ws, pbx) -> HttpResponse:
    form = AutoAttendantForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {**form.cleaned_data, "public_number": request.POST.get("public_number") or None}
        created = {}

        def create():
            created["attendant"] = services.auto_attendant_create(
                actor=request.user, pbx=pbx, data=data
            )

        if act(request, create, _("The Automated Attendant was created."), form):
            return redirect(ws.pbx_url(pbx, f"attendants/{created['attendant'].pk}/"))
    return page(
        request,
        "telephony/attendants.html",
        ws,
        pbx,
        attendants=selectors.auto_attendants_list(pbx=pbx),
        free_numbers=_free_numbers(pbx),
        form=form,
        tab="attendants",
    )


@telephony_page(cloud=True)
def attendant_detail(request: HttpRequest, ws, pbx, attendant_id) -> HttpResponse:
    attendant = selectors.auto_attendant_get(pbx=pbx, attendant_id=attendant_id)
    action = request.POST.get("action")
    prompt_form = PromptForm(
        request.POST if action == "prompt" else None, request.FILES if action == "prompt" else None
    )
    user = request.user
    if request.method == "POST":
        if action == "key":
            target = request.POST.get("target", "")
            kind, ident = split_destination(target)
            key = {
                "menu": request.POST.get("menu", ""),
                "digit": request.POST.get("digit", ""),
                "action": "menu" if target == "menu" else kind,
                "member": ident if kind == "member" else None,
                "hunt_group": ident if kind == "hunt_group" else None,
            }
            act(
                request,
                lambda: services.attendant_key_set(actor=user, attendant=attendant, key=key),
                _("The key was set."),
            )
            return back(request)
        if action == "remove_key":
            act(
                request,
                lambda: services.attendant_key_remove(
                    actor=user, attendant=attendant, path=request.POST.get("path", "")
                ),
                _("The key was removed."),
            )
            return back(request)
        if action == "settings":
            act(
                request,
                lambda: services.auto_attendant_update(
                    actor=user,
                    attendant=attendant,
                    data={
                        "dial_by_extension": request.POST.get("dial_by_extension") == "on",
                        "public_number": request.POST.get("public_number") or None,
                    },
                ),
                _("The Automated Attendant was saved."),
            )
            return back(request)
        if (
            action == "prompt"
            and prompt_form.is_valid()
            and act(
                request,
                lambda: services.attendant_prompt_upload(
                    actor=user, attendant=attendant, upload=prompt_form.cleaned_data["prompt"]
                ),
                _("The prompt was uploaded."),
                prompt_form,
            )
        ):
            return back(request)
        if action == "remove" and act(
            request,
            lambda: services.auto_attendant_remove(actor=user, attendant=attendant),
            _("The Automated Attendant was removed."),
        ):
            return redirect(ws.pbx_url(pbx, "attendants/"))
    keys = list(attendant.keys.all())
    menus = [""] + [k.path for k in keys if k.action == AttendantKey.Action.MENU]
    return page(
        request,
        "telephony/attendant_detail.html",
        ws,
        pbx,
        attendant=attendant,
        keys=keys,
        menus=menus,
        digits=[str(d) for d in range(10)],
        destinations=destination_choices(pbx),
        free_numbers=_free_numbers(pbx),
        prompt_form=prompt_form,
        tab="attendants",
    )
