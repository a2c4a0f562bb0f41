"""Pages of the member import (a preview, then the progress) and the downloads."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from rainbow_admin.errors import DomainError, NotFound
from rainbow_admin.members import services
from rainbow_admin.members.forms import MemberImportForm
from rainbow_admin.models import MemberImport
from rainbow_admin.pages import admin_required, show_domain_error


def _job(request: HttpRequest, member_import_id) -> MemberImport:
    try:
        return services.member_import_get(actor=request.user, import_id=member_import_id)
    except NotFound:
        raise Http404 from None


@admin_required
@require_http_methods(["GET", "POST"])
def member_import_new(request: HttpRequest) -> HttpResponse:
    company = request.user.company
    form = MemberImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            job = services.member_import_prepare(
                actor=request.user,
                company=company,
                file_name=upload.name,
                data=upload.read(services.MAX_IMPORT_BYTES + 1),
                send_invitations=form.cleaned_data["send_invitations"],
            )
        except DomainError as exc:
            show_domain_error(request, exc, form)
        else:
            return redirect("member_import", member_import_id=job.pk)
    imports = services.member_imports_recent(actor=request.user, company=company)
    return render(request, "members/import_new.html", {"form": form, "imports": imports})


@admin_required
@require_http_methods(["GET", "POST"])
def member_import(request: HttpRequest, member_import_id) -> HttpResponse:
    job = _job(request, member_import_id)
    if request.method == "POST":
        try:
            services.member_import_start(actor=request.user, job=job)
        except DomainError as exc:
            show_domain_error(request, exc)
        return redirect("member_import", member_import_id=job.pk)
    context = {"job": job}
    if request.htmx and job.status != MemberImport.Status.DRAFT:
        return render(request, "members/_import_progress.html", context)
    if job.status == MemberImport.Status.DRAFT:
        context["preview"] = services.member_import_preview(job=job)
        context["problems_shown"] = context["preview"]["problems"][:100]
    else:
        context["errors_shown"] = job.errors[:100]
    return render(request, "members/import.html", context)


@admin_required
def member_import_result(request: HttpRequest, member_import_id) -> HttpResponse:
    """The result file, built whole: its rows come from the file kept with the import (at most
    10,000), already in memory."""
    job = _job(request, member_import_id)
    response = HttpResponse(
        "".join(services.member_import_result_lines(job=job)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="import-result.csv"'
    return response
