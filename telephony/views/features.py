"""Cloud PBX pages: hunt groups, Welcome Services and Automated Attendants."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
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
from telephony.views.base import PbxPage, destination_choices, split_destination


def _destination_data(prefix: str, value: str | None) -> dict:
    kind, ident = split_destination(value)
    return {
        f"{prefix}_member": ident if kind == "member" else None,
        f"{prefix}_hunt_group": ident if kind == "hunt_group" else None,
    }


def _free_numbers(pbx):
    return [n for n in selectors.public_numbers_list(pbx=pbx) if not n.destination]


def _ordered_members(request: HttpRequest) -> list[str]:
    """Checked members, in the order typed beside them (ties keep the page order)."""
    chosen = request.POST.getlist("members")

    def position(user_id: str) -> tuple[int, int]:
        try:
            return (int(request.POST.get(f"order-{user_id}") or 0), chosen.index(user_id))
        except ValueError:
            return (0, chosen.index(user_id))

    return sorted(chosen, key=position)


class HuntGroupsPage(PbxPage):
    template = "telephony/hunt_groups.html"
    tab = "hunt_groups"
    forms = {"add": ("form", HuntGroupForm)}
    row_field = "group"
    row_actions = ("remove",)

    def get_row(self, row_id: uuid.UUID) -> Any:
        return selectors.hunt_group_get(pbx=self.pbx, group_id=row_id)

    def context(self) -> dict[str, Any]:
        return {
            "rows": selectors.hunt_groups_list(pbx=self.pbx),
            "lines": list(selectors.lines_list(pbx=self.pbx)),
            "chosen": self.request.POST.getlist("members"),
        }

    def on_add(self, form: HuntGroupForm) -> HttpResponse | None:
        data = {**form.cleaned_data, "members": _ordered_members(self.request)}
        done = self.run(
            lambda: services.hunt_group_create(actor=self.user, pbx=self.pbx, data=data),
            _("The hunt group was created."),
            form,
        )
        return self.back() if done else None

    def on_remove(self, group: Any) -> None:
        self.run(
            lambda: services.hunt_group_remove(actor=self.user, group=group),
            _("The hunt group was removed."),
        )


class HuntGroupPage(PbxPage):
    template = "telephony/hunt_group_detail.html"
    tab = "hunt_groups"
    forms = {None: ("form", HuntGroupForm)}
    item_kwarg = "group_id"
    item_name = "group"

    def get_item(self, item_id: Any) -> Any:
        return selectors.hunt_group_get(pbx=self.pbx, group_id=item_id)

    def get_form_kwargs(self, action: str | None) -> dict[str, Any]:
        group = self.item
        return {
            "initial": {
                "name": group.name,
                "extension": group.extension,
                "policy": group.policy,
                "ring_timeout": group.ring_timeout,
            }
        }

    def context(self) -> dict[str, Any]:
        memberships = self.item.memberships.all()
        positions = {str(m.line.user_id): i + 1 for i, m in enumerate(memberships)}
        members = [
            {"line": line, "position": positions.get(str(line.user_id)), "id": str(line.user_id)}
            for line in selectors.lines_list(pbx=self.pbx)
        ]
        return {"members": members}

    def on_submit(self, form: HuntGroupForm) -> HttpResponse | None:
        data = {**form.cleaned_data, "members": _ordered_members(self.request)}
        done = self.run(
            lambda: services.hunt_group_update(actor=self.user, group=self.item, data=data),
            _("The hunt group was saved."),
            form,
        )
        return self.to("hunt-groups/") if done else None


class WelcomeServicesPage(PbxPage):
    template = "telephony/welcome_list.html"
    tab = "welcome"
    forms = {None: ("form", WelcomeServiceForm)}

    def context(self) -> dict[str, Any]:
        return {
            "services": selectors.welcome_services_list(pbx=self.pbx),
            "free_numbers": _free_numbers(self.pbx),
            "destinations": destination_choices(self.pbx),
        }

    def on_submit(self, form: WelcomeServiceForm) -> HttpResponse | None:
        post = self.request.POST
        data = {
            "name": form.cleaned_data["name"],
            "public_number": post.get("public_number") or None,
            **_destination_data("open", post.get("open")),
            **_destination_data("closed", post.get("closed")),
        }
        done = self.run(
            lambda: services.welcome_service_create(actor=self.user, pbx=self.pbx, data=data),
            _("The Welcome Service was created."),
            form,
        )
        return self.to(f"welcome/{done.value.pk}/") if done else None


class WelcomeServicePage(PbxPage):
    template = "telephony/welcome_detail.html"
    tab = "welcome"
    forms = {
        "hours": ("hours_form", OpeningHoursForm),
        "exception": ("exception_form", OpeningExceptionForm),
        "greeting": ("prompt_form", PromptForm),
    }
    actions = ("destinations", "remove_hours", "remove_exception", "remove")
    item_kwarg = "service_id"
    item_name = "service"

    def get_item(self, item_id: Any) -> Any:
        return selectors.welcome_service_get(pbx=self.pbx, service_id=item_id)

    def context(self) -> dict[str, Any]:
        return {
            "open_now": is_open(self.item, timezone.now()),
            "free_numbers": _free_numbers(self.pbx),
            "destinations": destination_choices(self.pbx),
        }

    def on_hours(self, form: OpeningHoursForm) -> HttpResponse | None:
        done = self.run(
            lambda: services.opening_hours_add(
                actor=self.user, service=self.item, **form.cleaned_data
            ),
            _("The opening hours were added."),
            form,
        )
        return self.back() if done else None

    def on_exception(self, form: OpeningExceptionForm) -> HttpResponse | None:
        done = self.run(
            lambda: services.opening_exception_add(
                actor=self.user, service=self.item, **form.cleaned_data
            ),
            _("The exception was added."),
            form,
        )
        return self.back() if done else None

    def on_greeting(self, form: PromptForm) -> HttpResponse | None:
        done = self.run(
            lambda: services.welcome_greeting_upload(
                actor=self.user,
                service=self.item,
                which=self.request.POST.get("which", ""),
                upload=form.cleaned_data["prompt"],
            ),
            _("The greeting was uploaded."),
            form,
        )
        return self.back() if done else None

    def on_destinations(self) -> HttpResponse:
        post = self.request.POST
        data = {
            **_destination_data("open", post.get("open")),
            **_destination_data("closed", post.get("closed")),
            "public_number": post.get("public_number") or None,
        }
        self.run(
            lambda: services.welcome_service_update(actor=self.user, service=self.item, data=data),
            _("The Welcome Service was saved."),
        )
        return self.back()

    def _remove_row(self, kind: str) -> HttpResponse:
        row_id = self.posted_id("row")
        self.run(
            lambda: services.opening_row_remove(
                actor=self.user, service=self.item, kind=kind, row_id=row_id
            ),
            _("Removed."),
        )
        return self.back()

    def on_remove_hours(self) -> HttpResponse:
        return self._remove_row("hours")

    def on_remove_exception(self) -> HttpResponse:
        return self._remove_row("exception")

    def on_remove(self) -> HttpResponse | None:
        done = self.run(
            lambda: services.welcome_service_remove(actor=self.user, service=self.item),
            _("The Welcome Service was removed."),
        )
        return self.to("welcome/") if done else None


class AttendantsPage(PbxPage):
    template = "telephony/attendants.html"
    tab = "attendants"
    forms = {None: ("form", AutoAttendantForm)}

    def context(self) -> dict[str, Any]:
        return {
            "attendants": selectors.auto_attendants_list(pbx=self.pbx),
            "free_numbers": _free_numbers(self.pbx),
        }

    def on_submit(self, form: AutoAttendantForm) -> HttpResponse | None:
        public_number = self.request.POST.get("public_number") or None
        data = {**form.cleaned_data, "public_number": public_number}
        done = self.run(
            lambda: services.auto_attendant_create(actor=self.user, pbx=self.pbx, data=data),
            _("The Automated Attendant was created."),
            form,
        )
        return self.to(f"attendants/{done.value.pk}/") if done else None


def _key_leads_to(key: AttendantKey) -> str:
    """What a key does now, in words (the confirmation before it is replaced)."""
    if key.action == AttendantKey.Action.MENU:
        return _("sub-menu %(path)s") % {"path": "-".join(key.path)}
    if key.line_id:
        return f"{key.line.user.name} ({key.line.extension})"
    return key.hunt_group.name if key.hunt_group_id else "-"


class AttendantPage(PbxPage):
    template = "telephony/attendant_detail.html"
    tab = "attendants"
    forms = {"prompt": ("prompt_form", PromptForm)}
    actions = ("key", "remove_key", "settings", "remove")
    item_kwarg = "attendant_id"
    item_name = "attendant"

    def get_item(self, item_id: Any) -> Any:
        return selectors.auto_attendant_get(pbx=self.pbx, attendant_id=item_id)

    def context(self) -> dict[str, Any]:
        keys = list(self.item.keys.all())
        return {
            "keys": keys,
            "menus": [""] + [k.path for k in keys if k.action == AttendantKey.Action.MENU],
            "digits": [str(d) for d in range(10)],
            "destinations": destination_choices(self.pbx),
            "free_numbers": _free_numbers(self.pbx),
            "replacing": self.replacing,
        }

    replacing: dict[str, Any] | None = None

    def on_key(self) -> HttpResponse | None:
        post = self.request.POST
        target = post.get("target", "")
        kind, ident = split_destination(target)
        key = {
            "menu": post.get("menu", ""),
            "digit": post.get("digit", ""),
            "action": "menu" if target == "menu" else kind,
            "member": ident if kind == "member" else None,
            "hunt_group": ident if kind == "hunt_group" else None,
        }
        keys = list(self.item.keys.all())
        current = next((k for k in keys if (k.menu, k.digit) == (key["menu"], key["digit"])), None)
        if current is not None and post.get("replace") != "1":
            # A key already used is never overwritten silently: the page says what it does
            # now and asks for an explicit "Replace", or, when the rules would refuse it (a
            # sub-menu that still has keys), says so and offers nothing to refuse.
            path = current.menu + current.digit
            self.replacing = {
                "menu": key["menu"],
                "digit": key["digit"],
                "target": target,
                "current": _key_leads_to(current),
                "new": dict(destination_choices(self.pbx)).get(target)
                or (_("a sub-menu") if target == "menu" else target),
                "refused": current.action == AttendantKey.Action.MENU
                and target != "menu"
                and any(k.menu.startswith(path) for k in keys),
            }
            return None
        self.run(
            lambda: services.attendant_key_set(actor=self.user, attendant=self.item, key=key),
            _("The key was set."),
        )
        return self.back()

    def on_remove_key(self) -> HttpResponse:
        path = self.request.POST.get("path", "")
        self.run(
            lambda: services.attendant_key_remove(actor=self.user, attendant=self.item, path=path),
            _("The key was removed."),
        )
        return self.back()

    def on_settings(self) -> HttpResponse:
        data = {
            "dial_by_extension": self.request.POST.get("dial_by_extension") == "on",
            "public_number": self.request.POST.get("public_number") or None,
        }
        self.run(
            lambda: services.auto_attendant_update(actor=self.user, attendant=self.item, data=data),
            _("The Automated Attendant was saved."),
        )
        return self.back()

    def on_prompt(self, form: PromptForm) -> HttpResponse | None:
        done = self.run(
            lambda: services.attendant_prompt_upload(
                actor=self.user, attendant=self.item, upload=form.cleaned_data["prompt"]
            ),
            _("The prompt was uploaded."),
            form,
        )
        return self.back() if done else None

    def on_remove(self) -> HttpResponse | None:
        done = self.run(
            lambda: services.auto_attendant_remove(actor=self.user, attendant=self.item),
            _("The Automated Attendant was removed."),
        )
        return self.to("attendants/") if done else None


hunt_groups = HuntGroupsPage.as_view()
hunt_group_detail = HuntGroupPage.as_view()
welcome_services = WelcomeServicesPage.as_view()
welcome_detail = WelcomeServicePage.as_view()
attendants = AttendantsPage.as_view()
attendant_detail = AttendantPage.as_view()
