"""Cloud PBX pages: devices (and their CSV import), public numbers, emergency numbers."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext as _

from telephony import selectors
from telephony.forms import DeviceForm, DeviceImportForm, EmergencyNumberForm, NumbersForm
from telephony.services import devices as device_services
from telephony.services import numbers as number_services
from telephony.views.base import (
    PbxPage,
    destination_choices,
    page,
    split_destination,
    telephony_page,
)


class DevicesPage(PbxPage):
    template = "telephony/devices.html"
    tab = "devices"
    forms = {"add": ("form", DeviceForm), "import": ("import_form", DeviceImportForm)}
    row_field = "device"
    row_actions = ("assign", "remove")

    def get_row(self, row_id: uuid.UUID) -> Any:
        return selectors.device_get(pbx=self.pbx, device_id=row_id)

    def context(self) -> dict[str, Any]:
        return {
            "rows": selectors.devices_list(pbx=self.pbx),
            "lines": list(selectors.lines_list(pbx=self.pbx)),
            "imports": selectors.device_imports_recent(pbx=self.pbx),
        }

    def on_add(self, form: DeviceForm) -> HttpResponse | None:
        data = form.cleaned_data
        done = self.run(
            lambda: device_services.device_add(actor=self.user, pbx=self.pbx, **data),
            _("The device was added."),
            form,
        )
        return self.back() if done else None

    def on_import(self, form: DeviceImportForm) -> HttpResponse | None:
        upload = form.cleaned_data["file"]
        done = self.run(
            lambda: device_services.device_import_start(
                actor=self.user, pbx=self.pbx, file_name=upload.name, data=upload.read()
            ),
            _("The import has started."),
            form,
        )
        return self.to(f"devices/imports/{done.value.pk}/") if done else None

    def on_assign(self, device: Any) -> None:
        line_id = self.request.POST.get("line") or None
        self.run(
            lambda: device_services.device_assign(actor=self.user, device=device, line_id=line_id),
            _("The device was assigned."),
        )

    def on_remove(self, device: Any) -> None:
        self.run(
            lambda: device_services.device_remove(actor=self.user, device=device),
            _("The device was removed."),
        )


@telephony_page(cloud=True)
def device_import(request: HttpRequest, ws, pbx, import_id) -> HttpResponse:
    job = selectors.device_import_get(pbx=pbx, import_id=import_id)
    if request.htmx:
        return render(
            request, "telephony/_import_progress.html", {"job": job, "ws": ws, "pbx": pbx}
        )
    return page(request, "telephony/device_import.html", ws, pbx, job=job, tab="devices")


class NumbersPage(PbxPage):
    template = "telephony/numbers.html"
    tab = "numbers"
    forms = {"add": ("form", NumbersForm)}
    row_field = "number"
    row_actions = ("route", "main", "remove")

    def get_form_kwargs(self, action: str | None) -> dict[str, Any]:
        return {"initial": {"count": 1}}

    def get_row(self, row_id: uuid.UUID) -> Any:
        return selectors.public_number_get(pbx=self.pbx, number_id=row_id)

    def context(self) -> dict[str, Any]:
        return {
            "rows": selectors.public_numbers_list(pbx=self.pbx),
            "destinations": _number_destinations(self.pbx),
        }

    def on_add(self, form: NumbersForm) -> HttpResponse | None:
        data = form.cleaned_data
        done = self.run(
            lambda: number_services.numbers_add(
                actor=self.user, pbx=self.pbx, number=data["number"], count=data["count"]
            ),
            _("The numbers were added."),
            form,
        )
        return self.back() if done else None

    def on_route(self, number: Any) -> None:
        kind, ident = split_destination(self.request.POST.get("destination"))
        if kind == "member":
            line = selectors.lines_list(pbx=self.pbx).filter(user_id=ident or None).first()
            ident = line.pk if line else None
        self.run(
            lambda: number_services.number_route(
                actor=self.user, number=number, destination=kind, target_id=ident or None
            ),
            _("The number was routed."),
        )

    def on_main(self, number: Any) -> None:
        self.run(
            lambda: number_services.number_make_company_number(actor=self.user, number=number),
            _("This is now the company number."),
        )

    def on_remove(self, number: Any) -> None:
        self.run(
            lambda: number_services.number_remove(actor=self.user, number=number),
            _("The number was removed."),
        )


def _number_destinations(pbx) -> list[tuple[str, list[tuple[str, str]]]]:
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


class EmergencyPage(PbxPage):
    template = "telephony/emergency.html"
    tab = "emergency"
    forms = {"add": ("form", EmergencyNumberForm)}
    row_field = "row"
    row_actions = ("update", "remove")

    def get_form_kwargs(self, action: str | None) -> dict[str, Any]:
        return {"initial": {"country": self.pbx.country.code}}

    def get_row(self, row_id: uuid.UUID) -> Any:
        return selectors.emergency_number_get(pbx=self.pbx, emergency_id=row_id)

    def context(self) -> dict[str, Any]:
        return {
            "rows": selectors.emergency_numbers_list(pbx=self.pbx),
            "groups": list(selectors.hunt_group_choices(pbx=self.pbx)),
        }

    def on_add(self, form: EmergencyNumberForm) -> HttpResponse | None:
        data = form.cleaned_data
        done = self.run(
            lambda: number_services.emergency_number_add(actor=self.user, pbx=self.pbx, **data),
            _("The emergency number was added."),
            form,
        )
        return self.back() if done else None

    def on_update(self, row: Any) -> None:
        data = {
            "softphone_allowed": self.request.POST.get("softphone_allowed") == "on",
            "hunt_group": self.request.POST.get("hunt_group") or None,
        }
        self.run(
            lambda: number_services.emergency_number_update(actor=self.user, row=row, data=data),
            _("The emergency number was saved."),
        )

    def on_remove(self, row: Any) -> None:
        self.run(
            lambda: number_services.emergency_number_remove(actor=self.user, row=row),
            _("The emergency number was removed."),
        )


devices = DevicesPage.as_view()
numbers = NumbersPage.as_view()
emergency = EmergencyPage.as_view()
