"""Pages of the partners app: YOUR PARTNER, Define partner, requests, customers, Contact."""

from __future__ import annotations

import uuid

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from companies.models import Company
from companies.selectors import directory_search_for
from companies.services import sign_up_limit
from companies.sign_in_throttle import client_address
from partners import selectors, services
from partners.forms import (
    CustomerOfferForm,
    DefinePartnerForm,
    MessageForm,
    OfferSignUpForm,
    ScopesForm,
    ScopesUntilForm,
    end_of_day,
)
from partners.services.invitations import request_url
from partners.services.offers import offer_for_sign_up
from rainbow_admin.display import date_display, last_day
from rainbow_admin.errors import DomainError, NotFound, Throttled
from rainbow_admin.pages import admin_required, show_domain_error
from rainbow_admin.permissions import is_admin_of, is_member_of

PAGE_SIZE = 50


def _next_url(request: HttpRequest, default: str) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, {request.get_host()}, request.is_secure()
    ):
        return target
    return reverse(default)


# --- YOUR PARTNER -----------------------------------------------------------------------------


@admin_required
def partner_define(request: HttpRequest) -> HttpResponse:
    """The "Define partner" dialog's form: in the dialog through htmx, or as a page without JS.

    Without JavaScript the search list cannot open: the page's Search button posts the letters
    typed (``search``) and the matching companies come back as choices to pick before Apply.
    """
    company = request.user.company
    form = DefinePartnerForm(request.POST or None)
    if request.method == "POST" and "search" in request.POST:
        form = DefinePartnerForm(
            initial={
                "message": request.POST.get("message", ""),
                "become_reseller": bool(request.POST.get("become_reseller")),
            }
        )
    elif request.method == "POST" and form.is_valid():
        try:
            invitation = services.invitation_send(
                actor=request.user,
                to_company_id=form.cleaned_data["to_company"],
                message=form.cleaned_data["message"],
            )
        except DomainError as exc:
            show_domain_error(request, exc, form)
        else:
            if request.htmx:
                return render(
                    request, "partners/_define_partner_done.html", {"invitation": invitation}
                )
            messages.success(
                request,
                _("Your request was sent to %(target)s.") % {"target": invitation.to_company.name},
            )
            return redirect("dashboard")
    directory = None
    if request.method == "POST" and not request.htmx:
        # The page without JavaScript, after Search or a refused Apply: the companies found,
        # with the one picked still checked.
        kind = Company.Kind.DISTRIBUTOR if request.POST.get("become_reseller") else None
        directory = _directory(request, kind, request.POST.get("q", ""))
        directory["chosen"] = (request.POST.getlist("to_company") or [""])[-1]
    context = {
        "form": form,
        "partner": selectors.partner_panel(company=company),
        "directory": directory,
    }
    if request.htmx:
        return render(request, "partners/_define_partner_form.html", context)
    return render(request, "partners/define_partner.html", context)


def _directory(request: HttpRequest, kind: str | None, text: str) -> dict:
    """The companies of ``kind`` (resellers by default) matching ``text``, for the search list."""
    kind = Company.Kind.DISTRIBUTOR if kind == Company.Kind.DISTRIBUTOR else Company.Kind.RESELLER
    text = text[:150]
    note = ""
    if request.user.company.kind == Company.Kind.RESELLER and kind == Company.Kind.RESELLER:
        # A reseller's only partner is a distributor: say so instead of listing resellers.
        text, note = "", _("A reseller can only become a reseller of a distributor.")
    companies: list[Company] = []
    if text.strip() and not note:
        try:
            companies = list(directory_search_for(actor=request.user, kind=kind, text=text))
        except DomainError as exc:  # too short, or too many searches
            note = str(exc.message)
    return {"companies": companies, "text": text.strip(), "note": note}


@admin_required
def partner_directory(request: HttpRequest) -> HttpResponse:
    """The options of the search list (a server-rendered partial the dialog's script inserts)."""
    return render(
        request,
        "partners/_directory_options.html",
        _directory(request, request.GET.get("kind"), request.GET.get("q", "")),
    )


@require_POST
@admin_required
def partner_scopes(request: HttpRequest) -> HttpResponse:
    form = ScopesForm(request.POST)
    form.is_valid()
    try:
        services.partner_link_set_scopes(
            actor=request.user, company=request.user.company, scopes=form.scopes()
        )
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(request, _("What your partner may manage was saved."))
    return redirect("dashboard")


@require_POST
@admin_required
def partner_scopes_until(request: HttpRequest) -> HttpResponse:
    """The date the partner's scopes end (an empty date: no end)."""
    form = ScopesUntilForm(request.POST)
    if not form.is_valid():
        too_far = form.has_error("scopes_until", code="scopes_until_too_far")
        messages.error(
            request, form.errors["scopes_until"][0] if too_far else _("Enter a valid date.")
        )
        return redirect("dashboard")
    try:
        services.partner_link_set_scopes_until(
            actor=request.user,
            company=request.user.company,
            scopes_until=end_of_day(form.cleaned_data["scopes_until"]),
        )
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(request, _("The end of your partner's scopes was saved."))
    return redirect("dashboard")


@require_POST
@admin_required
def partner_scopes_extend(request: HttpRequest) -> HttpResponse:
    """One click: the scopes last ``PARTNER_SCOPES_EXTEND_BY`` longer."""
    try:
        link = services.partner_link_extend_scopes(actor=request.user, company=request.user.company)
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        if link.scopes_until:
            messages.success(
                request,
                _("Your partner's scopes now end on %(date)s.")
                % {"date": date_display(last_day(link.scopes_until))},
            )
    return redirect("dashboard")


@require_POST
@admin_required
def partner_remove(request: HttpRequest) -> HttpResponse:
    try:
        link = services.partner_link_end(actor=request.user, company=request.user.company)
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        messages.success(
            request, _("%(partner)s is no longer your partner.") % {"partner": link.partner.name}
        )
    return redirect("dashboard")


# --- requests ---------------------------------------------------------------------------------


def _requests_page(request: HttpRequest, direction: str) -> HttpResponse:
    invitations = selectors.invitations_list(actor=request.user, direction=direction)
    page = Paginator(invitations, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        f"partners/{direction}_requests.html",
        {"page": page, "tab": direction, "site_url_of": request_url},
    )


@admin_required
def issued_requests(request: HttpRequest) -> HttpResponse:
    return _requests_page(request, "issued")


@admin_required
def received_requests(request: HttpRequest) -> HttpResponse:
    return _requests_page(request, "received")


@admin_required
def invitation_detail(request: HttpRequest, invitation_id: uuid.UUID) -> HttpResponse:
    """The request's page in the portal (the "copy link" target): its admins on either side."""
    try:
        invitation = selectors.invitation_get(actor=request.user, invitation_id=invitation_id)
    except DomainError:
        raise Http404 from None
    return render(
        request,
        "partners/invitation_detail.html",
        {
            "invitation": invitation,
            "is_sender": request.user.company_id == invitation.from_company_id,
            "is_target": request.user.company_id == invitation.to_company_id,
            "request_url": request_url(invitation),
            "replaces": invitation.replaces,
        },
    )


ACTIONS = {
    "resend": (services.invitation_resend, "issued_requests"),
    "cancel": (services.invitation_cancel, "issued_requests"),
    "accept": (services.invitation_accept, "received_requests"),
    "decline": (services.invitation_decline, "received_requests"),
}


@require_POST
@admin_required
def invitation_action(request: HttpRequest, invitation_id: uuid.UUID, action: str) -> HttpResponse:
    if action not in ACTIONS:
        raise Http404
    service, default_next = ACTIONS[action]
    try:
        invitation = service(actor=request.user, invitation_id=invitation_id)
    except NotFound:  # a request between other companies: not revealed (DESIGN.md)
        raise Http404 from None
    except DomainError as exc:
        show_domain_error(request, exc)
    else:
        done = {
            "resend": _("Your request was sent again to %(company)s."),
            "cancel": _("Your request to %(company)s was cancelled."),
            "accept": _("You accepted the offer: %(company)s is now your partner.")
            if invitation.is_offer
            else _("You accepted the request: %(company)s is now your customer."),
            "decline": _("You declined the request of %(company)s."),
        }[action]
        other = (
            invitation.target_label
            if action in ("resend", "cancel")
            else invitation.from_company.name
        )
        messages.success(request, done % {"company": other})
    return redirect(_next_url(request, default_next))


LANDING_TOKEN = "invitation_landing_token"  # noqa: S105 (a session key)


def invitation_landing(request: HttpRequest, token: str) -> HttpResponse:
    """The page of the emailed link. GET never changes anything (mail scanners follow links);
    signed-in admins of the target answer with the buttons (POST); anyone else is told what to do.
    """
    invitation = selectors.invitation_by_token(raw_token=token)
    if invitation is None:
        return render(request, "partners/invitation_invalid.html", status=404)
    if invitation.to_company is None:  # an offer's sign-up link: its page is the sign-up
        return redirect("offer_sign_up", token)
    # The sign-in link comes back to the page through the session, not with the token in
    # ``?next=`` (which would reach access logs and the sign-in page's Referer).
    request.session[LANDING_TOKEN] = token
    return _landing(request, invitation)


def invitation_landing_resume(request: HttpRequest) -> HttpResponse:
    """Where the landing page's sign-in returns: the request whose link was opened last."""
    token = request.session.get(LANDING_TOKEN)
    invitation = selectors.invitation_by_token(raw_token=token) if token else None
    if invitation is None or invitation.to_company is None:
        return render(request, "partners/invitation_invalid.html", status=404)
    return _landing(request, invitation)


def _landing(request: HttpRequest, invitation) -> HttpResponse:
    user = request.user
    context = {
        "invitation": invitation,
        "can_answer": user.is_authenticated and is_admin_of(user, invitation.to_company),
        "is_target_member": user.is_authenticated
        and is_member_of(user, invitation.to_company)
        and not is_admin_of(user, invitation.to_company),
        "signed_in_elsewhere": user.is_authenticated
        and not is_member_of(user, invitation.to_company),
        "replaces": selectors.replaced_partner(invitation=invitation)
        if invitation.is_offer and invitation.is_pending and user.is_authenticated
        else None,
        "login_url": f"{reverse('login')}?next={reverse('invitation_landing_resume')}",
        "here": reverse("invitation_landing_resume"),
    }
    return render(request, "partners/invitation_landing.html", context)


# --- customers --------------------------------------------------------------------------------


def _partner_kind_admin(request: HttpRequest) -> None:
    if not request.user.company.is_partner_kind:
        raise Http404


@admin_required
def customers(request: HttpRequest) -> HttpResponse:
    _partner_kind_admin(request)
    page = Paginator(selectors.customers_list(actor=request.user), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    return render(request, "partners/customers.html", {"page": page})


def _customer_link(request: HttpRequest, company_id: uuid.UUID):
    _partner_kind_admin(request)
    try:
        return selectors.customer_get(actor=request.user, company_id=company_id)
    except DomainError:
        raise Http404 from None


@admin_required
def customer_detail(request: HttpRequest, company_id: uuid.UUID) -> HttpResponse:
    """A reseller's workspace for one customer; the sub-navigation leads to what it manages."""
    link = _customer_link(request, company_id)
    return render(
        request,
        "partners/customer_detail.html",
        {"link": link, "customer": link.company, "section": "overview"},
    )


@require_POST
@admin_required
def customer_end(request: HttpRequest, company_id: uuid.UUID) -> HttpResponse:
    link = _customer_link(request, company_id)
    try:
        services.partner_link_end(actor=request.user, company=link.company)
    except DomainError as exc:
        show_domain_error(request, exc)
        return redirect("customer_detail", company_id)
    messages.success(
        request,
        _("You are no longer the partner of %(company)s.") % {"company": link.company.name},
    )
    return redirect("customers")


def _conversation_page(request, *, company, partner, template_context: dict) -> HttpResponse:
    form = MessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.partner_message_post(
                actor=request.user, company=company, text=form.cleaned_data["text"]
            )
        except DomainError as exc:
            show_domain_error(request, exc, form)
        else:
            return redirect(request.path)
    return render(
        request,
        "partners/messages.html",
        {
            "form": form,
            "conversation": selectors.conversation(company=company, partner=partner),
            **template_context,
        },
    )


@admin_required
def customer_messages(request: HttpRequest, company_id: uuid.UUID) -> HttpResponse:
    link = _customer_link(request, company_id)
    return _conversation_page(
        request,
        company=link.company,
        partner=link.partner,
        template_context={
            "link": link,
            "customer": link.company,
            "section": "messages",
            "other": link.company,
        },
    )


@admin_required
def partner_messages(request: HttpRequest) -> HttpResponse:
    link = selectors.active_link(company_id=request.user.company_id)
    if link is None:
        messages.info(request, _("Your company has no partner yet."))
        return redirect("dashboard")
    return _conversation_page(
        request,
        company=request.user.company,
        partner=link.partner,
        template_context={"link": link, "other": link.partner},
    )


# --- the reseller's offer ------------------------------------------------------------------------


@admin_required
def customer_offer(request: HttpRequest) -> HttpResponse:
    """Customers → Offer to manage a company (resellers' admins). The page says the same
    whether the address has an account or not."""
    _partner_kind_admin(request)
    if request.user.company.kind != Company.Kind.RESELLER:
        raise Http404
    form = CustomerOfferForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.customer_offer_send(
                actor=request.user,
                email=form.cleaned_data["email"],
                company_name=form.cleaned_data["company_name"],
                message=form.cleaned_data["message"],
                scopes=form.scopes(),
                scopes_until=end_of_day(form.cleaned_data["scopes_until"]),
            )
        except DomainError as exc:
            show_domain_error(request, exc, form)
        else:
            messages.success(
                request,
                _(
                    "Your offer was sent to %(email)s. If the address belongs to an administrator "
                    "of a company, the offer waits in its received requests; otherwise the email "
                    "lets its owner create the company's account first."
                )
                % {"email": form.cleaned_data["email"]},
            )
            return redirect("customer_offer")
    return render(request, "partners/customer_offer.html", {"form": form})


def offer_sign_up(request: HttpRequest, token: str) -> HttpResponse:
    """The sign-up link of an offer to an address without an account: creates the customer
    company and its first admin (activated by email, as any sign-up), whose offer it becomes.

    The link is the offer's current one: a resend replaces it, a cancel or the expiry ends it
    (the page then says so; the person can still sign up on the ordinary sign-up page). Once the
    company exists, the link opens the offer's page, as the link an admin gets does.
    """
    invitation = selectors.invitation_by_token(raw_token=token)
    if invitation is not None and invitation.is_offer and invitation.to_company is not None:
        return redirect("invitation_landing", token)
    if offer_for_sign_up(token=token) is None:  # cancelled, expired, resent or forged
        return render(request, "partners/invitation_invalid.html", {"sign_up": True}, status=404)
    initial = {"language": translation.get_language(), "company_name": invitation.to_company_name}
    form = OfferSignUpForm(request.POST or None, initial=initial)
    error = None
    if request.method == "POST" and form.is_valid():
        try:
            sign_up_limit(email=invitation.to_email, client=client_address(request))
            services.customer_offer_sign_up(token=token, **form.cleaned_data)
        except DomainError as exc:
            show_domain_error(request, exc, form)
            error = exc
        else:
            return render(request, "companies/sign_up_done.html", {"email": invitation.to_email})
    response = render(
        request,
        "partners/offer_sign_up.html",
        {"form": form, "email": invitation.to_email, "reseller": invitation.from_company},
    )
    if isinstance(error, Throttled):
        response.status_code = 429
        response["Retry-After"] = str(error.retry_after)
    return response
