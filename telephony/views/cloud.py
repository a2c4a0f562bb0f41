"""Cloud PBX pages: devices (and their CSV import), public numbers, emergency numbers."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from telephony import selectors
from telephony.forms import DeviceForm, DeviceImportForm, EmergencyNumberForm, NumbersForm
from telephony.services import devices as device_services
from telephony.services import numbers as number_services
from telephony.views.base import act, back, page, split_destination, telephony_page


@telephony_page(cloud=True)
def devices(request: HttpRequest, ws, pbx) -> HttpResponse:
    action = request.POST.get("action")
    form = DeviceForm(request.POST if action == "add" else None)
    import_form = DeviceImportForm(
        request.POST if action == "import" else None, request.FILES if action == "import" else None
    )
    user = request.user
    if request.method == "POST":
        if action == "add" and form.is_valid():
            data = form.cleaned_data
            if act(
                request,
                lambda: device_services.device_add(actor=user, pbx=pbx, **data),
                _("The device was added."),
                form,
            ):
                return back(request)
        elif action == "import" and import_form.is_valid():
            upload = import_form.cleaned_data["file"]
            started = {}

            def start():
                started["job"] = device_services.device_import_start(
                    actor=user, pbx=pbx, file_name=upload.name, data=upload.read()
                )

            if act(request, start, _("The import has started."), import_form):
                return redirect(ws.pbx_url(pbx, f"devices/imports/{started['job'].pk}/"))
        elif action in ("assign", "remove"):
            device = selectors.device_get(pbx=pbx, device_id=request.POST.get("device"))
            if action == "assign":
                act(
                    request,
                    lambda: device_services.device_assign(
                        actor=user, device=device, line_id=request.POST.get("line") or None
                    ),
                    _("The device was assigned."),
                )
            else:
                act(
                    request,
                    lambda: device_services.device_remove(actor=user, device=device),
                    _("The device was removed."),
                )
            return back(request)
    return page(
        request,
        "telephony/devices.html",
        ws,
        pbx,
        devices=selectors.devices_list(pbx=pbx),
        lines=list(selectors.lines_list(pbx=pbx)),
        imports=selectors.device_imports_recent(pbx=pbx),
        form=form,
        import_form=import_form,
        tab="devices",
    )


@telephony_page(cloud=True)
def device_import(request: HttpRequest, ws, pbx, import_id) -> HttpResponse:
    job = selectors.device_import_get(pbx=pbx, import_id=import_id)
    if request.htmx:
        return render(
            request, "telephony/_import_progress.html", {"job": job, "ws": ws, "pbx": pbx}
        )
    return page(request, "telephony/device_import.html", ws, pbx, job=job, tab="devices")


@telephony_page(cloud=True)
def numbers(request: HttpRequest, ws, pbx) -> HttpResponse:
    action = request.POST.get("action")
    form = NumbersForm(request.POST if action == "add" else None, initial={"count": 1})
    user = request.user
    if request.method == "POST":
        if action == "add" and form.is_valid():
            data = form.cleaned_data
            if act(
                request,
                lambda: number_services.numbers_add(
                    actor=user, pbx=pbx, number=data["number"], count=data["count"]
                ),
                _("The numbers were added."),
                form,
            ):
                return back(request)
        elif action in ("route", "main", "remove"):
            number = selectors.public_number_get(pbx=pbx, number_id=request.POST.get("number"))
            if action == "route":
                kind, ident = split_destination(request.POST.get("destination"))
                if kind == "member":
                    line = selectors.lines_list(pbx=pbx).filter(user_id=ident or None).first()
                    ident = line.pk if line else None
                act(
                    request,
                    lambda: number_services.number_route(
                        actor=user, number=number, destination=kind, target_id=ident or None
                    ),
                    _("The number was routed."),
                )
            elif action == "main":
                act(
                    request,
                    lambda: number_services.number_make_company_number(actor=user, number=number),
                    _("This is now the company number."),
                )
            else:
                act(
                    request,
                    lambda: number_services.number_remove(actor=user, number=number),
                    _("The number was removed."),
                )
            return back(request)
    return page(
        request,
        "telephony/numbers.html",
        ws,
        pbx,
        numbers=selectors.public_numbers_list(pbx=pbx),
        destinations=_number_destinations(pbx),
        form=form,
        tab="numbers",
    )


def _number_destinations(pbx) -> list[tuple[str, list[tuple[str, str]]]]:
    from telephony.views.base import destination_choices

    groups = [
        (_("Members"), destination_choices(pbx, groups=False)),
        (
            _("Hunt groups"),
            [(f"hunt_group:{g.pk}", g.name) for g in selectors.hunt_group_choices(pbx=pbx)],
        ),
        (
            _("Automated Attendants"),
            [(f"auto_attendant:{a.pk}", a.name) for a in selectors.attendant_choices(pbx=pbx)],
        ),
        (
            _("Welcome Services"),
            [(f"welcome_service:{w.pk}", w.name) for w in selectors.welcome_choices(pbx=pbx)],
        ),
    ]
    return [(label, options) for label, options in groups if options]


@telephony_page(cloud=True)
def emergency(request: HttpRequest, ws, pbx) -> HttpResponse:
    action = request.POST.get("action")
    form = EmergencyNumberForm(
        request.POST if action == "add" else None, initial={"country": pbx.country.code}
    )
    user = request.user
    if request.method == "POST":
        if action == "add" and form.is_valid():
            data = form.cleaned_data
            if act(
                request,
                lambda: number_services.emergency_number_add(actor=user, pbx=pbx, **data),
                _("The emergency number was added."),
                form,
            ):
                return back(request)
        elif action in ("update", "remove"):
            row = selectors.emergency_number_get(pbx=pbx, emergency_id=request.POST.get("row"))
            if action == "update":
                act(
                    request,
                    lambda: number_services.emergency_number_update(
                        actor=user,
                        row=row,
                        data={
                            "softphone_allowed": request.POST.get("softphone_allowed") == "on",
                            "hunt_group": request.POST.get("hunt_group") or None,
                        },
                    ),
                    _("The emergency number was saved."),
                )
            else:
                act(
                    request,
                    lambda: number_services.emergency_number_remove(actor=user, row=row),
                    _("The emergency number was removed."),
                )
            return back(request)
    return page(
        request,
        "telephony/emergency.html",
        ws,
        pbx,
        rows=selectors.emergency_numbers_list(pbx=pbx),
        groups=list(selectors.hunt_group_choices(pbx=pbx)),
        form=form,
        tab="emergency",
    )
