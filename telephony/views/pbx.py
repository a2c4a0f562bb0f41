"""The PBX list (with the partner's declaration form) and a PBX's page with its lines."""

from __future__ import annotations

import uuid
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from telephony import selectors
from telephony.forms import LineForm, PbxDeclareForm, PbxEditForm
from telephony.services import pbx as services
from telephony.views.base import PbxPage, act, page, telephony_page


@telephony_page()
def index(request: HttpRequest, ws, pbx) -> HttpResponse:
    form = PbxDeclareForm(
        request.POST or None, initial={"country": ws.company.country.code, "kind": "cloud_pbx"}
    )
    if request.method == "POST" and ws.may_declare and form.is_valid():
        created = {}

        def declare():
            created["pbx"] = services.pbx_declare(
                actor=request.user, company=ws.company, **form.service_data()
            )

        if act(request, declare, _("The PBX was declared."), form):
            return redirect(ws.pbx_url(created["pbx"]))
    pbxs = selectors.pbx_list(actor=request.user, company=ws.company)
    return page(request, "telephony/index.html", ws, None, pbxs=pbxs, form=form)


class PbxDetailPage(PbxPage):
    template = "telephony/pbx.html"
    tab = "lines"
    cloud = False
    forms = {"line_add": ("line_form", LineForm), "edit": ("edit_form", PbxEditForm)}
    row_field = "line"
    row_actions = ("line_free",)
    actions = ("remove",)

    def __init__(self, request: HttpRequest, ws, pbx, **kwargs: Any) -> None:
        super().__init__(request, ws, pbx, **kwargs)
        self.members = selectors.members_without_line(company=ws.company)

    def get_form_kwargs(self, action: str | None) -> dict[str, Any]:
        if action == "line_add":
            return {"members": self.members}
        pbx = self.pbx
        return {
            "pbx": pbx,
            "initial": {
                "name": pbx.name,
                "status": pbx.status,
                "time_zone": pbx.time_zone,
                "language": pbx.language,
                "system_id": pbx.system_id,
                "version": pbx.version,
                "call_server": pbx.call_server,
                "sip_domain": pbx.sip_domain,
            },
        }

    def get_row(self, row_id: uuid.UUID) -> Any:
        return selectors.line_get(pbx=self.pbx, line_id=row_id)

    def context(self) -> dict[str, Any]:
        return {
            "rows": selectors.lines_list(pbx=self.pbx),
            "has_members": self.members.exists(),
        }

    def on_line_add(self, form: LineForm) -> HttpResponse | None:
        data = form.cleaned_data
        done = self.run(
            lambda: services.line_create(
                actor=self.user,
                pbx=self.pbx,
                user_id=data["user"].pk,
                extension=data["extension"],
                public_number=data["public_number"],
            ),
            _("The line was given."),
            form,
        )
        return self.back() if done else None

    def on_line_free(self, line: Any) -> None:
        self.run(lambda: services.line_free(actor=self.user, line=line), _("The line was freed."))

    def on_edit(self, form: PbxEditForm) -> HttpResponse | None:
        data = {k: v for k, v in form.cleaned_data.items() if k in form.fields}
        done = self.run(
            lambda: services.pbx_update(actor=self.user, pbx=self.pbx, data=data),
            _("The PBX was saved."),
            form,
        )
        return self.back() if done else None

    def on_remove(self) -> HttpResponse:
        done = self.run(
            lambda: services.pbx_remove(actor=self.user, pbx=self.pbx), _("The PBX was removed.")
        )
        return redirect(self.ws.base) if done else self.back()


pbx_detail = PbxDetailPage.as_view()
