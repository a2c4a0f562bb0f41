"""Offers, the subscriptions a partner takes out for a company, and the seats members hold."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from rainbow_admin.db import ChoiceLabels

# The catalogue rows live in a migration (0002_offer_catalogue); their names and descriptions are
# translated here, keyed by code, so they land in licensing/locale and follow the reader's language.
OFFER_TEXTS: dict[str, tuple[Promise, Promise]] = {
    "essential": (
        _("Essential"),
        _("Free for every member: chat, presence, audio and video calls between colleagues."),
    ),
    "business": (
        _("Business"),
        _("Essential plus conferences with screen sharing, file storage and telephony."),
    ),
    "enterprise": (
        _("Enterprise"),
        _("Business plus large meetings, recording, compliance archiving and advanced telephony."),
    ),
    "attendant": (
        _("Attendant"),
        _("Switchboard console for operators who answer and transfer the company's calls."),
    ),
}


class Offer(models.Model):
    """A kind of license in the catalogue. ``exclusive`` offers: a member holds at most one."""

    code = models.SlugField(_("code"), max_length=32, primary_key=True)
    exclusive = models.BooleanField(_("exclusive"), default=False)
    free = models.BooleanField(_("free"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        verbose_name = _("offer")
        verbose_name_plural = _("offers")
        ordering = ["position", "code"]

    def __str__(self) -> str:
        return str(self.name)

    @property
    def name(self) -> str:
        texts = OFFER_TEXTS.get(self.code)
        return str(texts[0]) if texts else self.code

    @property
    def description(self) -> str:
        texts = OFFER_TEXTS.get(self.code)
        return str(texts[1]) if texts else ""


class Subscription(ChoiceLabels, models.Model):
    """Licenses of one offer a partner (or an operator) subscribed for a company."""

    class Billing(models.TextChoices):
        MONTHLY = "monthly", _("Monthly")
        ANNUAL = "annual", _("Annual")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        TERMINATED = "terminated", _("Terminated")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    company = models.ForeignKey(
        "companies.Company",
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="subscriptions",
    )
    offer = models.ForeignKey(
        Offer, verbose_name=_("offer"), on_delete=models.PROTECT, related_name="subscriptions"
    )
    quantity = models.PositiveIntegerField(_("quantity"))
    billing = models.CharField(
        _("billing"), max_length=8, choices=Billing.choices, default=Billing.MONTHLY
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.ACTIVE
    )
    purchase_order = models.CharField(_("purchase order"), max_length=64, blank=True)
    is_default = models.BooleanField(_("default subscription"), default=False)
    # Who subscribed: the reseller company and its admin (both empty when an operator did).
    reseller = models.ForeignKey(
        "companies.Company",
        verbose_name=_("reseller"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="sold_subscriptions",
    )
    subscribed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("subscribed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    created_at = models.DateTimeField(_("subscribed"), default=timezone.now, editable=False)
    updated_at = models.DateTimeField(_("changed"), default=timezone.now)
    terminated_at = models.DateTimeField(_("terminated"), null=True, blank=True)
    terminated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("subscription")
        verbose_name_plural = _("subscriptions")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=Q(quantity__gte=1), name="subscription_quantity_min"),
            models.CheckConstraint(
                condition=Q(billing__in=["monthly", "annual"]), name="subscription_billing_valid"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["active", "terminated"]), name="subscription_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(is_default=False) | Q(status="active"),
                name="subscription_default_is_active",
            ),
            models.UniqueConstraint(
                fields=["company"],
                condition=Q(is_default=True),
                name="subscription_one_default_per_company",
            ),
        ]
        indexes = [
            models.Index(fields=["company", "status"], name="subscription_company"),
            # The operators' list, newest first.
            models.Index(fields=["created_at", "id"], name="subscription_created"),
        ]

    def __str__(self) -> str:
        return f"{self.company} · {self.offer} ({self.quantity})"

    def clean(self) -> None:
        from django.core.exceptions import ValidationError

        if self.quantity is not None and self.quantity < 1:
            raise ValidationError({"quantity": _("A subscription holds at least one license.")})
        if self.is_default and self.status != self.Status.ACTIVE:
            raise ValidationError(_("Only an active subscription can be the default one."))

    @property
    def available(self) -> int:
        """Seats left; needs the ``assigned`` annotation of ``licensing.selectors``."""
        if self.status != self.Status.ACTIVE:
            return 0
        return max(self.quantity - getattr(self, "assigned", 0), 0)


class LicenseAssignment(models.Model):
    """A member holds a license (a seat) of a subscription.

    ``offer`` and ``exclusive`` are copied from the subscription so the database itself refuses a
    second license of the same offer, and a second exclusive license, for one member.
    """

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    subscription = models.ForeignKey(
        Subscription, on_delete=models.CASCADE, related_name="assignments"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="license_assignments"
    )
    offer = models.ForeignKey(Offer, on_delete=models.PROTECT, related_name="+")
    exclusive = models.BooleanField(default=False)
    assigned_at = models.DateTimeField(_("assigned"), default=timezone.now)
    assigned_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        verbose_name = _("license assignment")
        verbose_name_plural = _("license assignments")
        ordering = ["assigned_at"]
        constraints = [
            models.UniqueConstraint(fields=["user", "offer"], name="assignment_one_per_offer"),
            models.UniqueConstraint(
                fields=["user"], condition=Q(exclusive=True), name="assignment_one_exclusive"
            ),
        ]
        indexes = [
            models.Index(fields=["subscription", "user"], name="assignment_subscription"),
            # The operators' list, newest first.
            models.Index(fields=["assigned_at", "id"], name="assignment_assigned"),
        ]

    def __str__(self) -> str:
        return f"{self.user} · {self.offer}"
