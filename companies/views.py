"""Pages of companies and people: sign-in, sign-up, activation, members, profile."""

from __future__ import annotations

from datetime import datetime, time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone, translation
from django.utils.encoding import force_str
from django.utils.http import url_has_allowed_host_and_scheme, urlsafe_base64_decode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from companies import selectors, services
from companies.forms import (
    ActivationForm,
    ApiTokenForm,
    CompanyForm,
    MemberAddForm,
    MemberRoleForm,
    OutboxPasswordResetForm,
    ProfileForm,
    SignInForm,
    SignUpForm,
    ThrottledPasswordChangeForm,
)
from companies.models import User
from companies.sign_in_throttle import client_address
from companies.tokens import activation_token
from companies.two_factor.services import two_factor_enabled
from companies.two_factor.views import sign_in_pending
from rainbow_admin.display import phone_display
from rainbow_admin.errors import DomainError, NotFound, Throttled
from rainbow_admin.pages import admin_required, company_required, show_domain_error
from rainbow_admin.permissions import may_manage_company


class SignInView(auth_views.LoginView):
    template_name = "companies/sign_in.html"
    authentication_form = SignInForm
    redirect_authenticated_user = True

    def form_valid(self, form):
        user = form.get_user()
        if two_factor_enabled(user):
            return sign_in_pending(self.request, user, user.backend, self.get_success_url())
        return super().form_valid(form)


def _throttled_page(response: HttpResponse, exc: DomainError) -> HttpResponse:
    """A page refused by a limit answers 429 with Retry-After, its message on the form."""
    if isinstance(exc, Throttled):
        response.status_code = 429
        response["Retry-After"] = str(exc.retry_after)
    return response


class PasswordResetView(auth_views.PasswordResetView):
    """Reset emails are limited per address and per client (``services.password_reset_limit``)."""

    template_name = "companies/password_reset.html"
    form_class = OutboxPasswordResetForm

    def form_valid(self, form):
        try:
            services.password_reset_limit(
                email=form.cleaned_data["email"], client=client_address(self.request)
            )
        except Throttled as exc:
            form.add_error(None, str(exc.message))
            return _throttled_page(self.form_invalid(form), exc)
        return super().form_valid(form)


def sign_up(request: HttpRequest) -> HttpResponse:
    """Sign-up always ends on "check your email" (``services.company_sign_up`` says why)."""
    form = SignUpForm(request.POST or None, initial={"language": translation.get_language()})
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_up_limit(email=form.cleaned_data["email"], client=client_address(request))
            services.company_sign_up(**form.cleaned_data)
        except DomainError as exc:
            show_domain_error(request, exc, form)
            error = exc
        else:
            return render(
                request, "companies/sign_up_done.html", {"email": form.cleaned_data["email"]}
            )
    response = render(request, "companies/sign_up.html", {"form": form})
    return _throttled_page(response, error) if error else response


def activate(request: HttpRequest, uidb64: str, token: str) -> HttpResponse:
    """The activation link: GET shows a form, POST activates (mail scanners only GET)."""
    try:
        user = User.objects.select_related("company").get(
            pk=force_str(urlsafe_base64_decode(uidb64))
        )
    except (User.DoesNotExist, ValueError, TypeError, OverflowError, ValidationError):
        user = None
    if user is None or not activation_token.check_token(user, token):
        return render(request, "companies/activation_invalid.html", status=400)
    needs_password = not user.has_usable_password()
    form = ActivationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.user_activate(user=user, password=form.cleaned_data["password"] or None)
        except DomainError as exc:
            show_domain_error(request, exc, form)
        else:
            messages.success(request, _("Your account is active. You can sign in now."))
            return redirect("login")
    return render(
        request,
        "companies/activate.html",
        {"form": form, "account": user, "needs_password": needs_password},
    )


@require_POST
def language_switch(request: HttpRequest) -> HttpResponse:
    """Change the interface language: a signed-in person's profile, or a cookie for visitors."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = redirect(next_url)
    if language not in dict(User.Language.choices):
        return response
    if request.user.is_authenticated:
        services.profile_update(user=request.user, name=request.user.name, language=language)
    response.set_cookie(settings.LANGUAGE_COOKIE_NAME, language, samesite="Lax")
    return response


@company_required
def company_settings(request: HttpRequest) -> HttpResponse:
    """Manage company: its admins change the settings; members read them."""
    company = request.user.company
    may_edit = may_manage_company(request.user, company)
    if request.method == "POST" and not may_edit:
        return render(request, "admin_only.html", status=403)
    form = None
    if may_edit:
        form = CompanyForm(
            request.POST or None,
            company=company,
            initial={
                **{field: getattr(company, field) for field in services.COMPANY_SETTINGS},
                "country": company.country.code,
                # Shown for reading; the field reads it back as it reads any spacing.
                "phone": phone_display(company.phone),
            },
        )
    if form is not None and request.method == "POST" and form.is_valid():
        try:
            services.company_update(actor=request.user, company=company, data=form.cleaned_data)
        except DomainError as exc:
            show_domain_error(request, exc, form)
        else:
            messages.success(request, _("The company's settings were saved."))
            return redirect("company")
    return render(
        request, "companies/company.html", {"company": company, "form": form, "may_edit": may_edit}
    )


@admin_required
def members(request: HttpRequest) -> HttpResponse:
    company = request.user.company
    form = MemberAddForm(request.POST or None, initial={"language": company.language})
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            member = services.member_add(actor=request.user, company=company, **form.cleaned_data)
        except DomainError as exc:
            show_domain_error(request, exc, form)
            error = exc
        else:
            messages.success(
                request,
                _("%(name)s was added; an activation email is on its way to %(email)s.")
                % {"name": member.name, "email": member.email},
            )
            return redirect("members")
    people = selectors.members_list(actor=request.user, company=company)
    response = render(
        request,
        "companies/members.html",
        {"form": form, "people": people, "roles": User.Role.choices},
    )
    return _throttled_page(response, error) if error else response


@require_POST
@admin_required
def member_role(request: HttpRequest, member_id: str) -> HttpResponse:
    form = MemberRoleForm(request.POST)
    if form.is_valid():
        try:
            member = services.member_change_role(
                actor=request.user,
                company=request.user.company,
                member_id=member_id,
                role=form.cleaned_data["role"],
            )
        except NotFound:  # another company's person: not revealed (DESIGN.md)
            raise Http404 from None
        except DomainError as exc:
            show_domain_error(request, exc)
        else:
            messages.success(
                request,
                _("%(name)s is now %(role)s.")
                % {"name": member.name, "role": member.get_role_display()},
            )
    else:
        messages.error(request, _("Choose a role: admin or member."))
    return redirect("members")


@require_POST
@admin_required
def member_deactivate(request: HttpRequest, member_id: str) -> HttpResponse:
    try:
        member = services.member_deactivate(
            actor=request.user, company=request.user.company, member_id=member_id
        )
    except NotFound:
        raise Http404 from None
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(request, _("%(name)s was deactivated.") % {"name": member.name})
    return redirect("members")


@company_required
def profile(request: HttpRequest) -> HttpResponse:
    user = request.user
    profile_form = ProfileForm(
        request.POST if request.POST.get("form") == "profile" else None,
        initial={"name": user.name, "language": user.language},
    )
    password_form = ThrottledPasswordChangeForm(
        user, request.POST if request.POST.get("form") == "password" else None, request=request
    )
    # Its own ids: the profile form also has a "name" field (labels must find their field).
    token_form = ApiTokenForm(
        request.POST if request.POST.get("form") == "token" else None, auto_id="token_%s"
    )
    new_token = None
    if request.method == "POST":
        which = request.POST.get("form")
        try:
            if which == "profile" and profile_form.is_valid():
                services.profile_update(user=user, **profile_form.cleaned_data)
                translation.activate(user.language)
                messages.success(request, _("Your profile was saved."))
                return redirect("profile")
            if which == "password" and password_form.is_valid():
                services.user_set_password(
                    user=user, password=password_form.cleaned_data["new_password1"]
                )
                update_session_auth_hash(request, user)
                messages.success(request, _("Your password was changed."))
                return redirect("profile")
            if which == "token" and token_form.is_valid():
                expires_on = token_form.cleaned_data["expires_at"]
                expires_at = (
                    timezone.make_aware(datetime.combine(expires_on, time.max))
                    if expires_on
                    else None
                )
                _token, new_token = services.api_token_create(
                    user=user, name=token_form.cleaned_data["name"], expires_at=expires_at
                )
                token_form = ApiTokenForm(auto_id="token_%s")
        except DomainError as exc:
            form = {"profile": profile_form, "password": password_form, "token": token_form}.get(
                which
            )
            show_domain_error(request, exc, form)
    return render(
        request,
        "companies/profile.html",
        {
            "profile_form": profile_form,
            "password_form": password_form,
            "token_form": token_form,
            "tokens": selectors.api_tokens_list(user=user),
            "new_token": new_token,
        },
    )


@require_POST
@company_required
def token_revoke(request: HttpRequest, token_id: str) -> HttpResponse:
    try:
        token = services.api_token_revoke(user=request.user, token_id=token_id)
    except NotFound:  # somebody else's token
        raise Http404 from None
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(request, _("The token “%(name)s” was revoked.") % {"name": token.label})
    return redirect("profile")
