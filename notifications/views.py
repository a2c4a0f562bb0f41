from csp.decorators import csp_replace
from django.conf import settings
from django.contrib import admin
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_POST

from notifications import selectors, services
from notifications.email_samples import EMAIL_KINDS, SAMPLE_TO, email_sample
from notifications.emails import RenderedEmail, email_render
from notifications.models import Notification
from rainbow_admin.pages import admin_required, company_required


@company_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_for(user=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request, "notifications/notifications.html", {"page": page, "tab": "notifications"}
    )


def url_is_local(url: str) -> bool:
    return bool(url) and url.startswith("/") and url_has_allowed_host_and_scheme(url, None)


@company_required
def notification_open(request: HttpRequest, notification_id) -> HttpResponse:
    """Opening a notification marks it read and goes to its object (or back to the list)."""
    try:
        notification = services.notification_mark_read(
            user=request.user, notification_id=notification_id
        )
    except Notification.DoesNotExist:  # somebody else's
        raise Http404 from None
    return redirect(notification.url if url_is_local(notification.url) else "notifications")


@require_POST
@company_required
def notifications_read_all(request: HttpRequest) -> HttpResponse:
    services.notifications_mark_all_read(user=request.user)
    return redirect("notifications")


@admin_required
def activity(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.activity_for(company=request.user.company), 50).get_page(
        request.GET.get("page")
    )
    return render(request, "notifications/activity.html", {"page": page})


# --- the operators' email preview (hooked into the admin site in rainbow_admin/urls.py) ---------


def _preview_or_404(kind: str, language: str) -> RenderedEmail:
    if kind not in EMAIL_KINDS or language not in dict(settings.LANGUAGES):
        raise Http404
    return email_render(template=kind, language=language, context=email_sample(kind))


def email_previews(request: HttpRequest) -> HttpResponse:
    """Every kind of email in every language, to review (sample data; nothing saved or sent)."""
    kinds = [(kind, title) for kind, title in EMAIL_KINDS.items()]
    return render(
        request,
        "admin/emails/index.html",
        {
            **admin.site.each_context(request),
            "title": _("Email previews"),
            "kinds": kinds,
            "languages": settings.LANGUAGES,
        },
    )


def email_preview(request: HttpRequest, kind: str, language: str) -> HttpResponse:
    email = _preview_or_404(kind, language)
    return render(
        request,
        "admin/emails/preview.html",
        {
            **admin.site.each_context(request),
            "title": EMAIL_KINDS[kind],
            "kind": kind,
            "language": language,
            "languages": settings.LANGUAGES,
            "email": email,
            "to": SAMPLE_TO,
        },
    )


# The email as a mail client shows it: its inline styles need their own policy. No script runs
# (default-src stays 'self' and the email has none); only the preview page may frame it.
@xframe_options_sameorigin
@csp_replace({"style-src": ["'unsafe-inline'"], "frame-ancestors": ["'self'"]})
def email_preview_html(request: HttpRequest, kind: str, language: str) -> HttpResponse:
    return HttpResponse(_preview_or_404(kind, language).body_html)
