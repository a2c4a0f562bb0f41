"""Every write on companies, people and API tokens."""

from __future__ import annotations

import secrets
from datetime import datetime

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import ApiToken, Company, User, hash_token
from companies.signals import member_created, member_deactivated
from companies.tokens import activation_token
from companies.validation import clean_country, clean_language
from notifications.services import activity_record, email_queue
from rainbow_admin.errors import Conflict, InvalidInput, NotAllowed, NotFound, Throttled
from rainbow_admin.permissions import is_operator, require_manage
from webhooks import payloads
from webhooks.events import event_record

ROLES = {choice for choice, _label in User.Role.choices}


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
    email = (value or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError:
        raise InvalidInput(
            _("Enter a valid email address."), code="invalid_email", field="email"
        ) from None
    if User.objects.filter(email__iexact=email).exists():
        raise InvalidInput(
            _("A user with this email address already exists."), code="email_taken", field="email"
        )
    return email


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


@transaction.atomic
def company_sign_up(
    *, company_name: str, country: str, admin_name: str, email: str, password: str, language: str
) -> User:
    """A new customer company with its first admin, who activates the account by email."""
    company = Company.objects.create(
        name=_clean_name(company_name, field="company_name"),
        kind=Company.Kind.CUSTOMER,
        country=clean_country(country),
    )
    user = User(
        email=_clean_email(email),
        name=_clean_name(admin_name),
        company=company,
        role=User.Role.ADMIN,
        language=clean_language(language),
        is_active=False,
    )
    _clean_password(password, user)
    user.set_password(password)
    _save_new_user(user)
    activity_record(
        company=company,
        actor=user,
        verb="company.signed_up",
        message=gettext_noop("%(actor)s signed up the company %(company)s."),
        params={"actor": user.name, "company": company.name},
    )
    _send_activation(user, invited_by=None)
    return user


def _save_new_user(user: User) -> None:
    try:
        with transaction.atomic():
            user.save(force_insert=True)
    except IntegrityError:  # a concurrent request took the same email
        raise InvalidInput(
            _("A user with this email address already exists."), code="email_taken", field="email"
        ) from None


# --- members ----------------------------------------------------------------------------------


@transaction.atomic
def member_add(
    *,
    actor: User,
    company: Company,
    email: str,
    name: str,
    role: str = User.Role.MEMBER,
    language: str = User.Language.EN,
    password: str | None = None,
) -> User:
    """Add a person to a company: its admins and operators may.

    Only operators may set a password (the account is then active at once); otherwise the person
    gets an activation email and chooses a password.
    """
    require_manage(actor, company)
    if password and not is_operator(actor):
        raise NotAllowed(
            _("Only platform operators can set a password; the member will choose one."),
            code="password_not_allowed",
        )
    user = User(
        email=_clean_email(email),
        name=_clean_name(name),
        company=company,
        role=_clean_role(role),
        language=clean_language(language),
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
    if not password:
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
        message=gettext_noop("%(actor)s made %(member)s %(role)s."),
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
    _clean_password(password, user)
    user.set_password(password)
    user.save(update_fields=["password"])
    return user


# --- API tokens -------------------------------------------------------------------------------


@transaction.atomic
def api_token_create(*, user: User, name: str, expires_at: datetime | None) -> tuple[ApiToken, str]:
    """Create a token and return it with its secret, which is shown once and stored hashed."""
    if expires_at is not None and expires_at <= timezone.now():
        raise InvalidInput(
            _("The expiry date must be in the future."), code="expiry_in_past", field="expires_at"
        )
    name = _clean_name(name)
    if len(name) > 100:
        raise InvalidInput(
            _("The name is too long (100 characters at most)."), code="name_too_long", field="name"
        )
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


def _failures_key(email: str) -> str:
    return "sign-in-failures:" + hash_token(email.strip().lower())


def sign_in(*, email: str, password: str, request=None) -> User:
    """Check an email and password; the same refusal whether the email exists or not.

    After ``SIGN_IN_MAX_FAILURES`` failures for one email within ``SIGN_IN_LOCKOUT``, that email
    cannot sign in until the window has passed, even with the right password.
    """
    from django.contrib.auth import authenticate
    from django.core.cache import cache

    key = _failures_key(email or "")
    lockout_seconds = int(settings.SIGN_IN_LOCKOUT.total_seconds())
    if (cache.get(key) or 0) >= settings.SIGN_IN_MAX_FAILURES:
        raise Throttled(
            _("Too many failed sign-ins for this address. Try again in %(minutes)s minutes.")
            % {"minutes": lockout_seconds // 60},
            code="sign_in_locked",
            retry_after=lockout_seconds,
        )
    user = authenticate(request, username=(email or "").strip().lower(), password=password or "")
    if user is None or not user.is_active:
        if not cache.add(key, 1, lockout_seconds):
            try:
                cache.incr(key)
            except ValueError:  # expired between add and incr
                cache.add(key, 1, lockout_seconds)
        raise InvalidInput(
            _("Unable to sign in with these credentials."), code="invalid_credentials"
        )
    cache.delete(key)
    return user


def api_token_for_credentials(*, email: str, password: str, request=None) -> tuple[ApiToken, str]:
    """Exchange an email and password for a token (``sign_in`` rules, lockout included)."""
    user = sign_in(email=email, password=password, request=request)
    return api_token_create(
        user=user,
        name=str(_("API sign-in")),
        expires_at=timezone.now() + settings.API_TOKEN_DEFAULT_TTL,
    )
