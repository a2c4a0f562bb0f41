"""Project-level pages: the dashboard (a panel from each app's selectors), health and errors."""

from __future__ import annotations

from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import redirect, render
from django.template import loader
from django.utils.translation import gettext as _

from rainbow_admin import dashboard as dashboard_panels
from rainbow_admin.pages import company_required


def home(request: HttpRequest) -> HttpResponse:
    return redirect("dashboard" if request.user.is_authenticated else "login")


def healthz(request: HttpRequest) -> HttpResponse:
    """The floor of every benchmark: one trivial query."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return HttpResponse("ok", content_type="text/plain")


@company_required
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(request, "dashboard.html", dashboard_panels.panels_for(request.user))


def _wants_json(request: HttpRequest) -> bool:
    return request.path.startswith("/api/")


def not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": _("Not found."), "code": "not_found"}, status=404)
    return render(request, "404.html", status=404)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    """A request the portal cannot read (e.g. an upload past ``UPLOAD_MAX_BYTES``)."""
    if _wants_json(request):
        return JsonResponse({"detail": _("Bad request."), "code": "bad_request"}, status=400)
    return render(request, "400.html", status=400)


def server_error(request: HttpRequest) -> HttpResponse:
    if _wants_json(request):
        return JsonResponse({"detail": _("Server error."), "code": "server_error"}, status=500)
    # Without the request's context: its processors (the unread count) may fail the same way.
    return HttpResponse(loader.render_to_string("500.html"), status=500)
