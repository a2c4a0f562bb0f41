"""The PBX list (with the partner's declaration form) and a PBX's page with its lines."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from telephony import selectors
from telephony.forms import LineForm, PbxDeclareForm, PbxEditForm
from telephony.services import pbx as services
from telephony.views.base import act, back, page, telephony_page


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


@telephony_page()
def pbx_detail(request: HttpRequest, ws, pbx) -> HttpResponse:
    members = selectors.members_without_line(company=ws.company)
    line_form = LineForm(
        request.POST if request.POST.get("action") == "line_add" else None, members=members
    )
    edit_form = PbxEditForm(
        request.POST if request.POST.get("action") == "edit" else None,
        pbx=pbx,
        initial={
            "name": pbx.name,
            "status": pbx.status,
            "time_zone": pbx.time_zone,
            "language": pbx.language,
            "system_id": pbx.system_id,
            "version": pbx.version,
            "call_server": pbx.call_server,
            "sip_domain": pbx.sip_domain,
        },
    )
    if request.method == "POST":
        action = request.POST.get("action")
        user = request.user
        if action == "line_add" and line_form.is_valid():
            data = line_form.cleaned_data
            if act(
                request,
                lambda: services.line_create(
                    actor=user,
                    pbx=pbx,
                    user_id=data["user"].pk,
                    extension=data["extension"],
                    public_number=data["public_number"],
                ),
                _("The line was given."),
                line_form,
            ):
                return back(request)
        elif action == "line_free":
            line = selectors.line_get(pbx=pbx, line_id=request.POST.get("line"))
            act(
                request, lambda: services.line_free(actor=user, line=line), _("The line was freed.")
            )
            return back(request)
        elif action == "edit" and edit_form.is_valid():
            data = {k: v for k, v in edit_form.cleaned_data.items() if k in edit_form.fields}
            if act(
                request,
                lambda: services.pbx_update(actor=user, pbx=pbx, data=data),
                _("The PBX was saved."),
                edit_form,
            ):
                return back(request)
        elif action == "remove":
            if act(
                request, lambda: services.pbx_remove(actor=user, pbx=pbx), _("The PBX was removed.")
            ):
                return redirect(ws.base)
            return back(request)
    return page(
        request,
        "telephony/pbx.html",
        ws,
        pbx,
        lines=selectors.lines_list(pbx=pbx),
        line_form=line_form,
        edit_form=edit_form,
        has_members=members.exists(),
        tab="lines",
    )
