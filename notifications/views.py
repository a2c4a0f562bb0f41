from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from notifications import selectors, services
from rainbow_admin.pages import admin_required, company_required


@company_required
def notification_list(request: HttpRequest) -> HttpResponse:
    page = Paginator(selectors.notifications_for(user=request.user), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request, "notifications/notifications.html", {"page": page, "tab": "notifications"}
    )


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
