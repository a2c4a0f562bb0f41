"""What every server-rendered page shares: access decorators and domain errors shown to users."""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from rainbow_admin.errors import DomainError, input_errors


def company_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Signed-in people of a company; operators (no company) are sent to the Django admin."""

    @login_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.company_id is None:
            return render(request, "operator_home.html", status=200)
        return view(request, *args, **kwargs)

    return wrapper


def admin_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Admins of a company; members see a page telling them who can do this."""

    @company_required
    @wraps(view)
    def wrapper(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.role != "admin":
            return render(request, "admin_only.html", status=403)
        return view(request, *args, **kwargs)

    return wrapper


def show_domain_error(
    request: HttpRequest, exc: DomainError, form: forms.Form | None = None
) -> None:
    """Put a service's refusal where the user will read it: on the form field, or as a message;
    a refusal of several inputs (``InvalidInputs``) puts each on its field."""
    for error in input_errors(exc):
        if form is not None:
            field = error.field if error.field in form.fields else None
            form.add_error(field, str(error.message))
        else:
            messages.error(request, str(error.message))
