from __future__ import annotations

import hashlib
import uuid

from django.conf import settings
from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.functions import Lower
from django.utils import timezone
from django.utils.timezone import now
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField

from companies.text import email_normalise, email_skeleton, search_key
from rainbow_admin.db import ChoiceLabels


class Company(ChoiceLabels, models.Model):
    class Kind(models.TextChoices):
        CUSTOMER = "customer", _("Customer")
        RESELLER = "reseller", _("Reseller")
        DISTRIBUTOR = "distributor", _("Distributor")

    class Language(models.TextChoices):
        EN = "en", _("English")
        DE = "de", _("German")
        FR = "fr", _("French")

    class TwoFactorPolicy(models.TextChoices):
        NONE = "none", _("Not required")
        ADMINS = "admins", _("Required for administrators")
        EVERYONE = "everyone", _("Required for everyone")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    name = models.CharField(_("name"), max_length=150)
    # Lower-case, accent-free copy of the name for the directory search (indexed on PostgreSQL).
    search_name = models.CharField(max_length=150, editable=False, db_index=False)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    country = CountryField(_("country"))
    address = models.CharField(_("address"), max_length=200, blank=True, default="", db_default="")
    postal_code = models.CharField(
        _("postal code"), max_length=20, blank=True, default="", db_default=""
    )
    city = models.CharField(_("city"), max_length=100, blank=True, default="", db_default="")
    # The default for new members, the company's emails and its Cloud PBX prompts.
    language = models.CharField(
        _("language"),
        max_length=2,
        choices=Language.choices,
        default=Language.EN,
        db_default=Language.EN,
    )
    timezone = models.CharField(_("time zone"), max_length=64, default="UTC", db_default="UTC")
    # E.164 (+4930…), shown spaced for reading.
    phone = models.CharField(_("phone"), max_length=32, blank=True, default="", db_default="")
    website = models.URLField(_("website"), max_length=200, blank=True, default="", db_default="")
    contact_email = models.EmailField(
        _("contact email"), max_length=254, blank=True, default="", db_default=""
    )
    # Stored here; enforced at sign-in by the two-factor feature.
    require_two_factor = models.CharField(
        _("two-factor authentication"),
        max_length=8,
        choices=TwoFactorPolicy.choices,
        default=TwoFactorPolicy.NONE,
        db_default=TwoFactorPolicy.NONE,
    )
    # (Each new column has a database default too: rows loaded with COPY, e.g. by seed_bulk,
    # get the same values as rows saved by Django.)
    created_at = models.DateTimeField(_("created"), default=now, editable=False)

    class Meta:
        verbose_name = _("company")
        verbose_name_plural = _("companies")
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=["customer", "reseller", "distributor"]),
                name="company_kind_valid",
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="company_name_not_empty"),
            models.CheckConstraint(
                condition=models.Q(language__in=["en", "de", "fr"]), name="company_language_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(require_two_factor__in=["none", "admins", "everyone"]),
                name="company_two_factor_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["kind", "search_name"], name="company_kind_search"),
            # Companies in name order (a partner's customers list walks it, stopping after a page).
            models.Index(fields=["search_name", "id"], name="company_search_order"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        # Derived column, kept beside the name it comes from.
        self.search_name = search_key(self.name)
        super().save(*args, **kwargs)

    @property
    def is_partner_kind(self) -> bool:
        return self.kind in (self.Kind.RESELLER, self.Kind.DISTRIBUTOR)


class UserManager(BaseUserManager["User"]):
    use_in_migrations = True

    def _create_user(self, email: str, password: str | None, **extra) -> User:
        if not email:
            raise ValueError("An email address is required.")
        user = self.model(email=email_normalise(email), **extra)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_user(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", False)
        extra.setdefault("is_superuser", False)
        return self._create_user(email, password, **extra)

    def create_superuser(self, email: str, password: str | None = None, **extra) -> User:
        extra.setdefault("is_staff", True)
        extra.setdefault("is_superuser", True)
        extra.setdefault("activated_at", timezone.now())
        extra.setdefault("is_active", True)
        return self._create_user(email, password, **extra)

    def get_by_natural_key(self, username: str) -> User:
        return self.get(email=email_normalise(username))

    def for_sign_in(self, address: str) -> User | None:
        """The person an address typed at sign-in means: the address itself, else its look-alike.

        ``louis@…`` written with a dotless i (U+0131) finds ``louis@…``: the password is checked
        against that person and their failures count on the same counter.
        """
        people = list(
            self.select_related("company").filter(
                models.Q(email=email_normalise(address))
                | models.Q(email_skeleton=email_skeleton(address))
            )[:2]
        )
        exact = [person for person in people if person.email == email_normalise(address)]
        return (exact or people or [None])[0]


class User(ChoiceLabels, AbstractBaseUser, PermissionsMixin):
    """A person who signs in. Company people have a company; operators are staff without one."""

    class Role(models.TextChoices):
        ADMIN = "admin", _("Administrator")
        MEMBER = "member", _("Member")

    class Language(models.TextChoices):
        EN = "en", _("English")
        DE = "de", _("German")
        FR = "fr", _("French")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    email = models.EmailField(_("email address"), max_length=254, unique=True)
    # What the address looks like (companies.text.email_skeleton): one person per look. Null only
    # for an account that already looked like an older one when the column came (migration 0006).
    email_skeleton = models.CharField(  # noqa: DJ001 (NULL: several rows may hold none)
        max_length=254, unique=True, null=True, editable=False, default=None
    )
    name = models.CharField(_("name"), max_length=150)
    company = models.ForeignKey(
        Company,
        verbose_name=_("company"),
        on_delete=models.PROTECT,
        related_name="users",
        null=True,
        blank=True,
    )
    role = models.CharField(_("role"), max_length=8, choices=Role.choices, default=Role.MEMBER)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.EN
    )
    is_active = models.BooleanField(_("active"), default=False)
    is_staff = models.BooleanField(_("operator"), default=False)
    activated_at = models.DateTimeField(_("activated"), null=True, blank=True)
    date_joined = models.DateTimeField(_("joined"), default=timezone.now)

    objects = UserManager()

    USERNAME_FIELD = "email"
    EMAIL_FIELD = "email"
    REQUIRED_FIELDS = ["name"]

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["name", "email"]
        constraints = [
            models.UniqueConstraint(Lower("email"), name="user_email_unique_ci"),
            models.CheckConstraint(
                condition=models.Q(company__isnull=False) | models.Q(is_staff=True),
                name="user_company_or_operator",
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=["admin", "member"]), name="user_role_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(language__in=["en", "de", "fr"]), name="user_language_valid"
            ),
            models.CheckConstraint(condition=~models.Q(name=""), name="user_name_not_empty"),
        ]
        indexes = [
            models.Index(fields=["company", "role", "is_active"], name="user_company_role"),
            # The members of a company in the order every list shows them.
            models.Index(fields=["company", "name", "email"], name="user_company_name"),
            # The operators' own accounts, in the admin's order (a few among a million people).
            models.Index(
                fields=["email"], condition=models.Q(is_staff=True), name="user_operators"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} <{self.email}>"

    def clean(self) -> None:
        super().clean()
        # The Django admin's forms: a look-alike of an existing address is explained, not a 500.
        if self.email:
            self.email = email_normalise(self.email)
            taken = User.objects.filter(email_skeleton=email_skeleton(self.email))
            if taken.exclude(pk=self.pk).exists():
                raise ValidationError(
                    {"email": _("This address, or one that looks like it, is already used.")}
                )

    def save(self, *args, **kwargs) -> None:
        # Stored in one form (NFKC, case-folded) with its look-alike skeleton beside it, whichever
        # path writes the row (services, the Django admin, createsuperuser).
        self.email = email_normalise(self.email)
        self.email_skeleton = email_skeleton(self.email)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "email" in update_fields:
            kwargs["update_fields"] = {*update_fields, "email_skeleton"}
        super().save(*args, **kwargs)

    def get_full_name(self) -> str:
        return self.name

    def get_short_name(self) -> str:
        return self.name

    @property
    def is_operator(self) -> bool:
        return self.is_staff and self.company_id is None

    @property
    def is_company_admin(self) -> bool:
        return self.company_id is not None and self.role == self.Role.ADMIN and self.is_active

    @property
    def status(self) -> str:
        if self.is_active:
            return "active"
        return "deactivated" if self.activated_at else "invited"

    def get_status_display(self) -> str:
        return {
            "active": _("Active"),
            "deactivated": _("Deactivated"),
            "invited": _("Awaiting activation"),
        }[self.status]


def hash_token(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


class ApiToken(models.Model):
    """A bearer token for the REST API; only its SHA-256 is kept."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="api_tokens")
    # Empty for the tokens of ``POST /auth/token/`` (see ``label``).
    name = models.CharField(_("name"), max_length=100, blank=True)
    prefix = models.CharField(max_length=12, editable=False)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    # Every token expires (at most API_TOKEN_MAX_TTL after its creation).
    expires_at = models.DateTimeField(_("expires"))
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")
        ordering = ["-created_at"]
        indexes = [
            # A person's tokens that may still be usable: counted and revoked by the services.
            models.Index(
                fields=["user", "created_at"],
                condition=models.Q(revoked_at__isnull=True),
                name="api_token_unrevoked",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.label} ({self.prefix}…)"

    @property
    def label(self) -> str:
        """The token's name; a token made by signing in to the API has none of its own and reads
        "API sign-in" in the reader's language."""
        return self.name or str(_("API sign-in"))

    def is_usable(self, now=None) -> bool:
        """Not revoked, not expired, and younger than the longest lifetime allowed now (a
        lowered ``API_TOKEN_MAX_TTL`` applies to tokens made before)."""
        now = now or timezone.now()
        return (
            self.revoked_at is None
            and self.expires_at > now
            and self.created_at + settings.API_TOKEN_MAX_TTL > now
        )

    @property
    def usable(self) -> bool:
        return self.is_usable()


class RecoveryCode(models.Model):
    """One of a person's single-use two-factor recovery codes, kept as its SHA-256 only."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="recovery_codes")
    code_hash = models.CharField(max_length=64)
    used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "code_hash"], name="recovery_code_unique"),
        ]

    def __str__(self) -> str:
        return f"recovery code {self.pk}"


class Passkey(models.Model):
    """A WebAuthn credential a person may use instead of a code as their second step."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="passkeys")
    name = models.CharField(_("name"), max_length=60)
    credential_id = models.CharField(max_length=1400, unique=True)  # base64url
    public_key = models.BinaryField()
    sign_count = models.PositiveBigIntegerField(default=0)
    created_at = models.DateTimeField(default=timezone.now)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["created_at"]

    def __str__(self) -> str:
        return self.name
