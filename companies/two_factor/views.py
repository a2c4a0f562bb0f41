"""Pages: the code step of the sign-in and Profile → Two-factor."""

from __future__ import annotations

import time
import uuid

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import login as auth_login
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from companies.models import User
from companies.two_factor import passkeys, services
from rainbow_admin.errors import DomainError, NotFound, Throttled
from rainbow_admin.pages import company_required, show_domain_error

PENDING = "two_factor_pending"


class PasskeyForm(forms.Form):
    name = forms.CharField(label=gettext_lazy("Name of the passkey"), max_length=60)
    code = forms.CharField(
        label=gettext_lazy("Current code (app or recovery code)"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "text"}),
    )
    credential = forms.CharField(widget=forms.HiddenInput, max_length=20000, required=False)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code"),
        max_length=32,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autofocus": True}
        ),
    )


def sign_in_pending(request: HttpRequest, user: User, backend: str, next_url: str) -> HttpResponse:
    """The password was right and two-factor is on: remember that, briefly, and ask the code.
    The session is not signed in until the code passes."""
    request.session.cycle_key()
    request.session[PENDING] = {
        "user": str(user.pk),
        "backend": backend,
        "until": time.time() + settings.TWO_FACTOR_PENDING_SECONDS,
        "next": next_url,
    }
    return redirect("sign_in_code")


def _pending_user(request: HttpRequest) -> tuple[User | None, dict]:
    pending = request.session.get(PENDING) or {}
    if not pending or pending.get("until", 0) < time.time():
        return None, {}
    user = User.objects.select_related("company").filter(pk=pending["user"], is_active=True).first()
    return user, pending


def sign_in_code(request: HttpRequest) -> HttpResponse:
    user, pending = _pending_user(request)
    if user is None:
        request.session.pop(PENDING, None)
        messages.error(request, _("Sign in again: the code was not entered in time."))
        return redirect("login")
    with_passkey = request.POST.get("form") == "passkey"
    form = CodeForm(request.POST if request.method == "POST" and not with_passkey else None)
    retry_after = None
    if with_passkey or (request.method == "POST" and form.is_valid()):
        try:
            if with_passkey:
                passkeys.passkey_check(
                    user=user, request=request, credential=request.POST.get("credential", "")
                )
            else:
                services.two_factor_check(
                    user=user, code=form.cleaned_data["code"], request=request
                )
        except DomainError as exc:
            show_domain_error(request, exc, form)
            if isinstance(exc, Throttled):
                retry_after = exc.retry_after
        else:
            request.session.pop(PENDING, None)
            auth_login(request, user, backend=pending["backend"])
            next_url = pending.get("next") or ""
            if not url_has_allowed_host_and_scheme(
                next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
            ):
                next_url = settings.LOGIN_REDIRECT_URL
            return redirect(next_url)
    context = {
        "form": form,
        "passkey_options": passkeys.passkey_sign_in_options(user=user, request=request),
    }
    response = render(
        request, "companies/sign_in_code.html", context, status=429 if retry_after else 200
    )
    if retry_after:
        response["Retry-After"] = str(retry_after)
    return response


def parse_uuid_or_none(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(value or "")
    except ValueError:
        return None


def _qr_svg(url: str) -> str:
    return mark_safe(segno.make(url, error="m").svg_inline(scale=4, title=_("QR code")))  # noqa: S308


@company_required
def two_factor(request: HttpRequest) -> HttpResponse:
    user = request.user
    action = request.POST.get("form") if request.method == "POST" else None
    code_form = CodeForm(request.POST if action in ("confirm", "regenerate", "disable") else None)
    # Its own ids: the code field would otherwise share ``id_code`` with the form above.
    passkey_form = PasskeyForm(
        request.POST if action == "passkey_add" else None, auto_id="passkey_%s"
    )
    recovery_codes: list[str] | None = None
    try:
        if action == "passkey_add" and passkey_form.is_valid():
            passkey = passkeys.passkey_add(
                user=user,
                request=request,
                credential=passkey_form.cleaned_data["credential"],
                name=passkey_form.cleaned_data["name"],
                code=passkey_form.cleaned_data["code"],
            )
            messages.success(
                request, _("The passkey “%(name)s” was added.") % {"name": passkey.name}
            )
            return redirect("two_factor")
        if action == "passkey_delete":
            try:
                passkey = passkeys.passkey_delete(
                    user=user,
                    passkey_id=parse_uuid_or_none(request.POST.get("passkey")),
                    code=request.POST.get("code", "")[:32],
                    request=request,
                )
            except NotFound:
                raise Http404 from None
            messages.success(
                request, _("The passkey “%(name)s” was removed.") % {"name": passkey.name}
            )
            return redirect("two_factor")
        if action == "start":
            services.totp_begin(user=user)
            return redirect("two_factor")
        if action == "cancel":
            services.totp_cancel(user=user)
            return redirect("two_factor")
        if action == "confirm" and code_form.is_valid():
            recovery_codes = services.totp_confirm(
                user=user, code=code_form.cleaned_data["code"], request=request
            )
            code_form = CodeForm()
        elif action == "regenerate" and code_form.is_valid():
            recovery_codes = services.recovery_codes_regenerate(
                user=user, code=code_form.cleaned_data["code"], request=request
            )
            code_form = CodeForm()
        elif action == "disable" and code_form.is_valid():
            services.two_factor_disable(
                user=user, code=code_form.cleaned_data["code"], request=request
            )
            messages.success(request, _("Two-factor sign-in is off."))
            return redirect("two_factor")
    except DomainError as exc:
        form = {"passkey_add": passkey_form, "passkey_delete": None}.get(action, code_form)
        show_domain_error(request, exc, form)
    state = services.two_factor_status(user)
    pending = None if state["enabled"] else services.totp_pending(user)
    context = {
        "state": state,
        "form": code_form,
        "action": action,
        "recovery_codes": recovery_codes,
        "pending": pending,
        "passkey_form": passkey_form,
    }
    if state["enabled"]:
        context["passkey_options"] = passkeys.passkey_registration_options(
            user=user, request=request
        )
    if pending is not None:
        context["secret"] = services.totp_secret(pending)
        context["qr_svg"] = _qr_svg(pending.config_url)
    return render(request, "companies/two_factor.html", context)
