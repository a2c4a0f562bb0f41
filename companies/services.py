"""Every write on companies, people and API tokens."""

from __future__ import annotations

import secrets
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import ApiToken, Company, User, hash_token
from companies.signals import company_renamed, member_created, member_deactivated
from companies.text import email_normalise, email_skeleton
from companies.tokens import activation_token
from companies.two_factor.services import two_factor_check, two_factor_enabled
from companies.validation import (
    clean_contact_email,
    clean_country,
    clean_language,
    clean_phone,
    clean_text,
    clean_time_zone,
    clean_two_factor_policy,
    clean_website,
)
from notifications.services import activity_record, email_queue, notify
from rainbow_admin.errors import Conflict, InvalidInput, NotAllowed, NotFound
from rainbow_admin.permissions import is_operator, require_manage
from rainbow_admin.rate_limits import rate_limit_hit
from webhooks import payloads
from webhooks.events import event_record

ROLES = {choice for choice, _label in User.Role.choices}
ROLE_CHANGED = {
    User.Role.ADMIN: gettext_noop("%(actor)s made %(member)s an administrator."),
    User.Role.MEMBER: gettext_noop("%(actor)s made %(member)s a member."),
}


# --- validation shared by every entry point -------------------------------------------------


def _clean_name(value: str | None, *, field: str = "name") -> str:
    name = " ".join((value or "").split())
    if not name:
        raise InvalidInput(_("A name is required."), code="name_required", field=field)
    if len(name) > 150:
        raise InvalidInput(
            _("The name is too long (150 characters at most)."), code="name_too_long", field=field
        )
    return name


def _clean_email(value: str | None) -> str:
    """A valid address in its stored form (NFKC, case-folded)."""
    email = email_normalise(value or "")
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(
            _("Enter a valid email address."), code="invalid_email", field="email"
        ) from None
    return email


def _holder_of(email: str) -> User | None:
    """The person whose address is ``email`` or looks like it (the skeleton is unique)."""
    return (
        User.objects.select_related("company")
        .filter(Q(email=email) | Q(email_skeleton=email_skeleton(email)))
        .first()
    )


def _clean_role(value: str | None) -> str:
    if value not in ROLES:
        raise InvalidInput(_("Choose a role: admin or member."), code="invalid_role", field="role")
    return value


def _clean_password(password: str, user: User) -> None:
    try:
        validate_password(password, user)
    except ValidationError as exc:
        raise InvalidInput(" ".join(exc.messages), code="weak_password", field="password") from None


def activation_url(user: User) -> str:
    uid = urlsafe_base64_encode(force_bytes(user.pk))
    path = reverse("activate", kwargs={"uidb64": uid, "token": activation_token.make_token(user)})
    return f"{settings.SITE_URL}{path}"


def _send_activation(user: User, *, invited_by: User | None) -> None:
    email_queue(
        to=user.email,
        language=user.language,
        template="activation",
        context={
            "user_name": user.name,
            "company_name": user.company.name if user.company else "",
            "invited_by": invited_by.name if invited_by else "",
            "url": activation_url(user),
        },
        topic="activation",
        object_id=user.pk,
    )


# --- companies --------------------------------------------------------------------------------


@transaction.atomic
def company_create(*, actor: User | None, name: str, kind: str, country: str) -> Company:
    """Create a company. Only operators create resellers and distributors."""
    if actor is not None and not is_operator(actor):
        raise NotAllowed(
            _("Only platform operators can create companies."), code="operator_required"
        )
    if kind not in Company.Kind.values:
        raise InvalidInput(
            _("Choose a kind: customer, reseller or distributor."),
            code="invalid_kind",
            field="kind",
        )
    company = Company.objects.create(
        name=_clean_name(name), kind=kind, country=clean_country(country)
    )
    activity_record(
        company=company,
        actor=actor,
        verb="company.created",
        message=gettext_noop("%(actor)s created the company %(company)s."),
        params={"actor": actor.name if actor else "", "company": company.name},
    )
    return company


def _limit_per_client_and_address(
    action: str, *, email: str, client: str | None, per_client: int, per_address: int
) -> None:
    """An email-sending action limited per client address and per address (look-alikes
    together), whether the address has an account or not: the answer reveals nothing."""
    if client:
        rate_limit_hit(
            action=f"{action}-client", key=client, limit=per_client, window=settings.RATE_LIMIT_HOUR
        )
    rate_limit_hit(
        action=f"{action}-address",
        key=email_skeleton(email or ""),
        limit=per_address,
        window=settings.RATE_LIMIT_HOUR,
    )


def password_reset_limit(*, email: str, client: str | None) -> None:
    """Reset emails per address and per client address (HTTP 429)."""
    _limit_per_client_and_address(
        "password-reset",
        email=email,
        client=client,
        per_client=settings.PASSWORD_RESET_PER_CLIENT_PER_HOUR,
        per_address=settings.PASSWORD_RESET_PER_ADDRESS_PER_HOUR,
    )


def sign_up_limit(*, email: str, client: str | None) -> None:
    """Sign-ups per client address and per address (HTTP 429): each one emails an address."""
    _limit_per_client_and_address(
        "sign-up",
        email=email,
        client=client,
        per_client=settings.SIGN_UP_PER_CLIENT_PER_HOUR,
        per_address=settings.SIGN_UP_PER_ADDRESS_PER_HOUR,
    )


@transaction.atomic
def company_sign_up(
    *, company_name: str, country: str, admin_name: str, email: str, password: str, language: str
) -> User | None:
    """A new customer company with its first admin, who activates the account by email.

    The answer never tells whether the address has an account: when it (or an address that looks
    like it) has one, nothing is created, ``None`` is returned and that account's owner is emailed
    (at their own address) that someone tried to sign up with it.
    """
    company = Company(
        name=_clean_name(company_name, field="company_name"),
        kind=Company.Kind.CUSTOMER,
        country=clean_country(country),
        language=clean_language(language),
    )
    user = User(
        email=_clean_email(email),
        name=_clean_name(admin_name),
        role=User.Role.ADMIN,
        language=clean_language(language),
        is_active=False,
    )
    _clean_password(password, user)
    user.set_password(password)  # hashed either way: the answer takes as long
    holder = _holder_of(user.email)
    if holder is not None:
        _tell_holder_of_sign_up(holder)
        return None
    company.save(force_insert=True)
    user.company = company
    try:
        with transaction.atomic():
            user.save(force_insert=True)
    except IntegrityError:  # a concurrent sign-up took the address: roll the company back too
        transaction.set_rollback(True)
        raise InvalidInput(
            _("The sign-up could not be completed. Try again in a moment."),
            code="sign_up_failed",
        ) from None
    activity_record(
        company=company,
        actor=user,
        verb="company.signed_up",
        message=gettext_noop("%(actor)s signed up the company %(company)s."),
        params={"actor": user.name, "company": company.name},
    )
    _send_activation(user, invited_by=None)
    return user


def _tell_holder_of_sign_up(holder: User) -> None:
    email_queue(
        to=holder.email,
        language=holder.language,
        template="sign_up_existing",
        context={
            "user_name": holder.name,
            "sign_in_url": f"{settings.SITE_URL}{reverse('login')}",
        },
        topic="sign_up_existing",
        object_id=holder.pk,
    )


# The settings a company's admins change on its page (and ``PATCH /companies/{id}/``).
COMPANY_SETTINGS = (
    "name",
    "address",
    "postal_code",
    "city",
    "country",
    "language",
    "timezone",
    "phone",
    "website",
    "contact_email",
    "require_two_factor",
)


def company_settings_clean(data: dict[str, Any], *, company: Company) -> dict[str, Any]:
    """Each given setting checked and normalised; raises the first field's ``InvalidInput``.

    The one set of rules for the company page (which shows every field's error at once by
    asking field by field) and the API."""
    cleaned: dict[str, Any] = {}
    for field in COMPANY_SETTINGS:
        if field in data:
            cleaned[field] = company_setting_clean(field, data[field], data=data, company=company)
    return cleaned


def company_setting_clean(field: str, value: Any, *, data: dict[str, Any], company: Company) -> Any:
    """One setting checked and normalised (the phone is read in the country being set)."""
    if field == "name":
        return _clean_name(value)
    if field == "country":
        return clean_country(value)
    if field == "language":
        return clean_language(value)
    if field == "timezone":
        return clean_time_zone(value)
    if field == "phone":
        country = data.get("country") or company.country.code
        return clean_phone(value, country=str(country).strip().upper())
    if field == "website":
        return clean_website(value)
    if field == "contact_email":
        return clean_contact_email(value)
    if field == "require_two_factor":
        return clean_two_factor_policy(value)
    limits = {"address": 200, "postal_code": 20, "city": 100}
    return clean_text(value, field=field, max_length=limits[field])


@transaction.atomic
def company_update(*, actor: User, company: Company, data: dict[str, Any]) -> Company:
    """Change a company's own settings: its admins and operators may; its kind never changes.

    Recorded in the activity; a new name is told to the company's partner (``company_renamed``).
    """
    require_manage(actor, company)
    if "kind" in data and data["kind"] != company.kind:
        raise InvalidInput(
            _("The kind of a company cannot be changed."), code="kind_read_only", field="kind"
        )
    cleaned = company_settings_clean(data, company=company)
    company = Company.objects.select_for_update().get(pk=company.pk)
    old_name = company.name
    changed = []
    for field, value in cleaned.items():
        current = company.country.code if field == "country" else getattr(company, field)
        if current != value:
            setattr(company, field, value)
            changed.append(field)
    if not changed:
        return company
    if "name" in changed:
        changed.append("search_name")
    company.save(update_fields=changed)
    if "name" in changed:
        activity_record(
            company=company,
            actor=actor,
            verb="company.renamed",
            message=gettext_noop("%(actor)s renamed the company from %(old)s to %(company)s."),
            params={"actor": actor.name, "old": old_name, "company": company.name},
        )
    if set(changed) - {"name", "search_name"}:
        activity_record(
            company=company,
            actor=actor,
            verb="company.updated",
            message=gettext_noop("%(actor)s changed the details of %(company)s."),
            params={"actor": actor.name, "company": company.name},
        )
    if "name" in changed:
        company_renamed.send(sender=Company, company=company, old_name=old_name, actor=actor)
    return company


def _save_new_user(user: User) -> None:
    try:
        with transaction.atomic():
            user.save(force_insert=True)
    except IntegrityError:  # a concurrent request took the same address
        raise InvalidInput(
            _("This address cannot be used. Use another address for this person."),
            code="email_unavailable",
            field="email",
        ) from None


def _check_address_free(email: str, company: Company) -> None:
    """Refuse an address already used, or looking like one already used.

    Inside the company the admin sees its people, so the answer says so (``email_taken``).
    Outside it, the answer is the same whether the holder is an exact match or a look-alike, and
    names neither the person nor their company (``email_unavailable``): the admin can act (ask
    for another address) without learning whose account it is.
    """
    holder = _holder_of(email)
    if holder is None:
        return
    if holder.company_id == company.pk:
        raise InvalidInput(
            _("A member of your company already uses this address, or one that looks like it."),
            code="email_taken",
            field="email",
        )
    raise InvalidInput(
        _("This address cannot be used. Use another address for this person."),
        code="email_unavailable",
        field="email",
    )


# --- members ----------------------------------------------------------------------------------


@transaction.atomic
def member_add(
    *,
    actor: User,
    company: Company,
    email: str,
    name: str,
    role: str = User.Role.MEMBER,
    language: str | None = None,
    password: str | None = None,
    send_activation: bool = True,
    single_add_limit: bool = True,
) -> User:
    """Add a person to a company: its admins and operators may. They speak the company's
    language unless another is given.

    Only operators may set a password (the account is then active at once); otherwise the person
    gets an activation email and chooses a password (unless ``send_activation`` is false: a
    member import may leave the emails for later). Company admins add at most
    ``MEMBER_ADD_PER_COMPANY_PER_HOUR`` people an hour (HTTP 429); an address used outside the
    company gets a refusal that names no one (``_check_address_free``). A member import,
    limited as a whole, passes ``single_add_limit=False``.
    """
    require_manage(actor, company)
    if password and not is_operator(actor):
        raise NotAllowed(
            _("Only platform operators can set a password; the member will choose one."),
            code="password_not_allowed",
        )
    email = _clean_email(email)
    if single_add_limit and not is_operator(actor):
        # Each add emails an address, and its answer tells whether an address is free: refused
        # tries count too.
        rate_limit_hit(
            action="member-add",
            key=str(company.pk),
            limit=settings.MEMBER_ADD_PER_COMPANY_PER_HOUR,
            window=settings.RATE_LIMIT_HOUR,
        )
    _check_address_free(email, company)
    user = User(
        email=email,
        name=_clean_name(name),
        company=company,
        role=_clean_role(role),
        language=clean_language(language or company.language),
    )
    if password:
        _clean_password(password, user)
        user.set_password(password)
        user.is_active = True
        user.activated_at = timezone.now()
    else:
        user.set_unusable_password()
    _save_new_user(user)
    activity_record(
        company=company,
        actor=actor,
        verb="member.added",
        message=gettext_noop("%(actor)s added %(member)s (%(email)s)."),
        params={"actor": actor.name, "member": user.name, "email": user.email},
    )
    event_record(company=company, type="member.added", data=payloads.member(user, company))
    if not password and send_activation:
        _send_activation(user, invited_by=actor)
    member_created.send(sender=User, member=user, actor=actor)
    return user


def _lock_member(company: Company, member_id) -> User:
    try:
        return User.objects.select_for_update().get(pk=member_id, company=company)
    except (User.DoesNotExist, ValidationError, ValueError):
        raise NotFound(_("No such member in this company."), code="member_not_found") from None


def _ensure_another_active_admin(company: Company, member: User) -> None:
    # Lock every active admin of the company so two concurrent demotions cannot both pass.
    admins = list(
        User.objects.select_for_update()
        .filter(company=company, role=User.Role.ADMIN, is_active=True)
        .values_list("pk", flat=True)
    )
    if member.pk in admins and len(admins) == 1:
        raise Conflict(
            _("%(name)s is the last active administrator; appoint another one first.")
            % {"name": member.name},
            code="last_admin",
        )


@transaction.atomic
def member_change_role(*, actor: User, company: Company, member_id, role: str) -> User:
    """Change a member's role; the company always keeps at least one active admin."""
    require_manage(actor, company)
    role = _clean_role(role)
    member = _lock_member(company, member_id)
    if member.role == role:
        return member
    if role == User.Role.MEMBER:
        _ensure_another_active_admin(company, member)
    member.role = role
    member.save(update_fields=["role"])
    activity_record(
        company=company,
        actor=actor,
        verb="member.role_changed",
        # One text per role: a parameter is never translated, the role's name must be.
        message=ROLE_CHANGED[role],
        params={"actor": actor.name, "member": member.name, "role": role},
    )
    return member


@transaction.atomic
def member_deactivate(*, actor: User, company: Company, member_id) -> User:
    """Deactivate a member: they can no longer sign in and their licenses and line are freed.

    The last active admin cannot be deactivated.
    """
    require_manage(actor, company)
    member = _lock_member(company, member_id)
    if not member.is_active and member.activated_at is not None:
        return member
    if member.role == User.Role.ADMIN:
        _ensure_another_active_admin(company, member)
    member.is_active = False
    member.activated_at = member.activated_at or timezone.now()
    member.save(update_fields=["is_active", "activated_at"])
    member.api_tokens.filter(revoked_at__isnull=True).update(revoked_at=timezone.now())
    activity_record(
        company=company,
        actor=actor,
        verb="member.deactivated",
        message=gettext_noop("%(actor)s deactivated %(member)s."),
        params={"actor": actor.name, "member": member.name},
    )
    event_record(company=company, type="member.deactivated", data=payloads.member(member, company))
    member_deactivated.send(sender=User, member=member, actor=actor)
    return member


@transaction.atomic
def user_activate(*, user: User, password: str | None = None) -> User:
    """Activate an account from its emailed link; people added by an admin choose a password."""
    user = User.objects.select_for_update().get(pk=user.pk)
    if user.is_active or user.activated_at is not None:
        raise Conflict(
            _("This account is already activated or was deactivated."), code="not_activatable"
        )
    if not user.has_usable_password():
        if not password:
            raise InvalidInput(_("Choose a password."), code="password_required", field="password")
        _clean_password(password, user)
        user.set_password(password)
    user.is_active = True
    user.activated_at = timezone.now()
    user.save(update_fields=["is_active", "activated_at", "password"])
    if user.company_id:
        activity_record(
            company=user.company,
            actor=user,
            verb="member.activated",
            message=gettext_noop("%(actor)s activated their account."),
            params={"actor": user.name},
        )
    return user


@transaction.atomic
def profile_update(*, user: User, name: str, language: str) -> User:
    user.name = _clean_name(name)
    user.language = clean_language(language)
    user.save(update_fields=["name", "language"])
    return user


@transaction.atomic
def user_set_password(*, user: User, password: str) -> User:
    """Set a new password (profile, reset link, Django admin). The person's API tokens were made
    with the old one: they are revoked, and the person is told in the portal."""
    _clean_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    revoked = ApiToken.objects.filter(user=user, revoked_at__isnull=True).update(
        revoked_at=timezone.now()
    )
    if revoked:
        notify(
            recipients=[user],
            message=gettext_noop(
                "Your password was changed, so your API tokens (%(count)s) were revoked. "
                "Create new ones on your profile."
            ),
            params={"count": revoked},
            url=reverse("profile"),
        )
    return user


# --- API tokens -------------------------------------------------------------------------------


@transaction.atomic
def api_token_create(
    *, user: User, name: str, expires_at: datetime | None, for_sign_in: bool = False
) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is shown once and stored hashed.

    Every token expires: at ``expires_at``, at most ``API_TOKEN_MAX_TTL`` from now (the default
    when none is given). A person holds at most ``API_TOKEN_MAX_ACTIVE`` usable tokens: the
    oldest ones are revoked to make room, so a script signing in again and again keeps working
    while the tokens it left behind stop.
    """
    now = timezone.now()
    latest = now + settings.API_TOKEN_MAX_TTL
    if expires_at is None:
        expires_at = latest
    if expires_at <= now:
        raise InvalidInput(
            _("The expiry date must be in the future."), code="expiry_in_past", field="expires_at"
        )
    if expires_at > latest + timedelta(days=1):  # a date picker's end of day is fine
        raise InvalidInput(
            _("A token lives %(days)s days at most: choose an earlier expiry date.")
            % {"days": settings.API_TOKEN_MAX_TTL.days},
            code="expiry_too_far",
            field="expires_at",
        )
    expires_at = min(expires_at, latest)
    # A token made by signing in has no name of its own: it reads "API sign-in" in each
    # reader's language (``ApiToken.label``).
    name = "" if for_sign_in else _clean_name(name)
    if len(name) > 100:
        raise InvalidInput(
            _("The name is too long (100 characters at most)."), code="name_too_long", field="name"
        )
    # One creation at a time per person, so two cannot both find room under the cap.
    User.objects.select_for_update().filter(pk=user.pk).first()
    usable = list(
        ApiToken.objects.filter(user=user, revoked_at__isnull=True, expires_at__gt=now)
        .order_by("-created_at")
        .values_list("pk", flat=True)
    )
    oldest = usable[settings.API_TOKEN_MAX_ACTIVE - 1 :]
    if oldest:
        ApiToken.objects.filter(pk__in=oldest).update(revoked_at=now)
    secret = secrets.token_urlsafe(32)
    prefix = secrets.token_hex(4)
    raw = f"ra_{prefix}_{secret}"
    token = ApiToken.objects.create(
        user=user, name=name, prefix=prefix, key_hash=hash_token(raw), expires_at=expires_at
    )
    return token, raw


@transaction.atomic
def api_token_revoke(*, user: User, token_id) -> ApiToken:
    try:
        token = ApiToken.objects.select_for_update().get(pk=token_id, user=user)
    except (ApiToken.DoesNotExist, ValidationError, ValueError):
        raise NotFound(_("No such token."), code="token_not_found") from None
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
    return token


def sign_in(*, email: str, password: str, request=None) -> User:
    """Check an email and password; the same refusal whether the email exists or not.

    The sign-in throttle (``companies.sign_in_throttle``, run by the authentication backend on
    every password check) refuses tries during a wait with ``SignInThrottled`` (HTTP 429).
    """
    from django.contrib.auth import authenticate

    user = authenticate(request, username=email or "", password=password or "")
    if user is None:
        raise InvalidInput(
            _("Unable to sign in with these credentials."), code="invalid_credentials"
        )
    return user


def api_token_for_credentials(
    *, email: str, password: str, otp: str | None = None, request=None
) -> tuple[ApiToken, str]:
    """Exchange an email and password for a token (``sign_in`` rules, lockout included); with
    two-factor on, ``otp`` too (400 ``otp_required`` without it, ``otp_invalid`` when wrong)."""
    user = sign_in(email=email, password=password, request=request)
    if two_factor_enabled(user):
        if not otp:
            raise InvalidInput(
                _("Two-factor sign-in is on: send a code as “otp”."),
                code="otp_required",
                field="otp",
            )
        two_factor_check(user=user, code=otp, request=request)
    return api_token_create(
        user=user,
        name="",
        for_sign_in=True,
        expires_at=timezone.now() + min(settings.API_TOKEN_DEFAULT_TTL, settings.API_TOKEN_MAX_TTL),
    )
