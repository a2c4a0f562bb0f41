from __future__ import annotations

import copy
import uuid
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rainbow_admin.db import ChoiceLabels


class Invitation(ChoiceLabels, models.Model):
    """A company's request to make another company its partner (``request``: the customer asks
    the reseller), or a reseller's offer to become a company's partner (``offer``). The sender is
    always ``from_company``: it resends and cancels; ``to_company`` answers."""

    class Direction(models.TextChoices):
        REQUEST = "request", _("Request")
        OFFER = "offer", _("Offer")

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        ACCEPTED = "accepted", _("Accepted")
        DECLINED = "declined", _("Declined")
        CANCELLED = "cancelled", _("Cancelled")
        EXPIRED = "expired", _("Expired")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    from_company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="issued_invitations"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # None only for an offer whose address has no company to answer it yet: the sign-up through
    # its emailed link attaches the new company.
    to_company = models.ForeignKey(
        "companies.Company",
        on_delete=models.CASCADE,
        related_name="received_invitations",
        null=True,
        blank=True,
    )
    # An offer's address (an admin's, or one without an account) and the company name the
    # reseller suggested for a sign-up; until the company answers, the reseller sees only these.
    to_email = models.EmailField(_("email address"), blank=True, default="", db_default="")
    to_company_name = models.CharField(
        _("company name"), max_length=150, blank=True, default="", db_default=""
    )
    message = models.TextField(_("message"), blank=True, max_length=2000)
    direction = models.CharField(
        _("direction"),
        max_length=7,
        choices=Direction.choices,
        default=Direction.REQUEST,
        db_default=Direction.REQUEST,  # rows loaded with COPY (seed_bulk) are requests
    )
    # What an offer asks for: the scopes the link will hold, and until when (None: no end).
    scope_licensing = models.BooleanField(_("licensing"), default=True, db_default=True)
    scope_telephony = models.BooleanField(_("telephony"), default=True, db_default=True)
    scopes_until = models.DateTimeField(_("scopes until"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING
    )
    token_hash = models.CharField(max_length=64, unique=True, editable=False)
    created_at = models.DateTimeField(_("created"), default=timezone.now, editable=False)
    expires_at = models.DateTimeField(_("expires"))
    sent_count = models.PositiveSmallIntegerField(default=1)
    last_sent_at = models.DateTimeField(default=timezone.now)
    reminders_sent = models.PositiveSmallIntegerField(default=0)
    # When each send of the last 24 hours happened (ISO timestamps), for the daily send limit.
    recent_sends = models.JSONField(default=list, blank=True, editable=False)
    responded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    responded_at = models.DateTimeField(null=True, blank=True)
    # An offer's latest send waits for its worker, which writes its emails (offer_deliver_later).
    delivery_due = models.BooleanField(default=False, db_default=False, editable=False)

    class Meta:
        verbose_name = _("partner request")
        verbose_name_plural = _("partner requests")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["from_company"],
                condition=Q(status="pending", direction="request"),
                name="invitation_one_pending_per_sender",
            ),
            models.UniqueConstraint(
                fields=["from_company", "to_company"],
                condition=Q(status="pending", direction="offer"),
                name="invitation_one_pending_offer_per_pair",
            ),
            models.UniqueConstraint(
                fields=["from_company", "to_email"],
                condition=Q(status="pending", direction="offer") & ~Q(to_email=""),
                name="invitation_one_pending_offer_per_address",
            ),
            models.CheckConstraint(
                condition=Q(direction="offer") | Q(to_company__isnull=False),
                name="invitation_request_has_target",
            ),
            models.CheckConstraint(
                condition=Q(direction__in=["request", "offer"]), name="invitation_direction_valid"
            ),
            models.CheckConstraint(
                condition=~Q(from_company=F("to_company")), name="invitation_not_to_self"
            ),
            models.CheckConstraint(
                condition=Q(status__in=["pending", "accepted", "declined", "cancelled", "expired"]),
                name="invitation_status_valid",
            ),
        ]
        indexes = [
            models.Index(fields=["from_company", "-created_at"], name="invitation_issued"),
            models.Index(fields=["to_company", "-created_at"], name="invitation_received"),
            models.Index(
                fields=["expires_at"], condition=Q(status="pending"), name="invitation_pending"
            ),
            # The operators' lists, newest first, whole or by status.
            models.Index(fields=["created_at", "id"], name="invitation_created"),
            models.Index(fields=["status", "created_at", "id"], name="invitation_status_created"),
            # The offers whose delivery a worker never took (offers_deliver_stale).
            models.Index(
                fields=["last_sent_at"],
                condition=Q(delivery_due=True),
                name="invitation_delivery_due",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.from_company} → {self.to_company or self.to_email} ({self.status})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def is_offer(self) -> bool:
        return self.direction == self.Direction.OFFER

    @property
    def target_shown_to_sender(self) -> bool:
        """Whether the sender may know which company the request reached: always for a request;
        for an offer only once that company answered. Until then the reseller knows the address
        it wrote to and nothing more, so whether the address has an account stays hidden."""
        return not self.is_offer or self.status in (self.Status.ACCEPTED, self.Status.DECLINED)

    @property
    def shown_to_company(self):
        """``to_company`` as the viewer may see it: None for the sender of an unanswered offer.

        The selectors say who looks (``viewer_is_sender``); unsaid, the viewer is the target.
        """
        if getattr(self, "viewer_is_sender", False) and not self.target_shown_to_sender:
            return None
        return self.to_company

    def as_seen_by_sender(self) -> Invitation:
        """A copy of this request as its sender sees it (for the sender's webhook events)."""
        seen = copy.copy(self)
        seen.viewer_is_sender = True
        return seen

    @property
    def target_label(self) -> str:
        """How the sender names the target: the company, or an unanswered offer's address."""
        if self.target_shown_to_sender and self.to_company is not None:
            return self.to_company.name
        return self.to_email

    @property
    def replaces(self):
        """For the target of a pending offer: the partner an accept would replace (from the
        selectors' annotations), else None. Never shown to the sender."""
        if (
            not self.is_offer
            or not self.is_pending
            or getattr(self, "viewer_is_sender", True)
            or not getattr(self, "replaces_id", None)
        ):
            return None
        from companies.models import Company

        return Company(id=self.replaces_id, name=self.replaces_name, kind=self.replaces_kind)

    @property
    def customer(self):
        """The company that gets a partner if this is accepted."""
        return self.to_company if self.is_offer else self.from_company

    @property
    def partner(self):
        """The company that becomes the partner if this is accepted."""
        return self.from_company if self.is_offer else self.to_company

    @property
    def scopes(self) -> list[str]:
        return [
            name
            for name, held in (
                ("licensing", self.scope_licensing),
                ("telephony", self.scope_telephony),
            )
            if held
        ]

    @property
    def can_resend(self) -> bool:
        return self.status in (self.Status.PENDING, self.Status.EXPIRED)

    def _email_states(self) -> tuple[bool, bool, bool]:
        """(written, failed, queued) for the emails of the latest send, from the selectors'
        annotations when present."""
        states = (
            getattr(self, "email_written", None),
            getattr(self, "email_failed", None),
            getattr(self, "email_queued", None),
        )
        if None not in states:
            return states  # type: ignore[return-value]
        from notifications.models import OutboundEmail

        statuses = set(
            OutboundEmail.objects.filter(
                topic="invitation", object_id=self.pk, created_at__gte=self.last_sent_at
            ).values_list("status", flat=True)
        )
        return bool(statuses), "failed" in statuses, "queued" in statuses

    @property
    def email_status(self) -> str:
        """Delivery of the emails of the latest send: failed, queued or sent.

        No email at all (the target has no active admin to write to) is a failure too: the
        sender is steered to the copy-link fallback.
        """
        if self.delivery_due:  # the worker has not written them yet
            return "queued"
        written, failed, queued = self._email_states()
        if failed or not written:
            return "failed"
        return "queued" if queued else "sent"

    @property
    def email_failure(self) -> str | None:
        """Why the emails of the latest send failed: ``no_recipient`` (nobody to write to) or
        ``delivery_failed`` (the mail server refused them for good); ``None`` otherwise."""
        if self.delivery_due:
            return None
        written, failed, _queued = self._email_states()
        if not written:
            return "no_recipient"
        return "delivery_failed" if failed else None


class PartnerLink(models.Model):
    """The relationship between a company and its partner, with the scopes delegated to it."""

    class EndReason(models.TextChoices):
        REMOVED = "removed", _("Removed by the company")
        DROPPED = "dropped", _("Ended by the partner")
        REPLACED = "replaced", _("Replaced by a new partner")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="partner_links"
    )
    partner = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="customer_links"
    )
    invitation = models.OneToOneField(
        Invitation, on_delete=models.SET_NULL, null=True, blank=True, related_name="link"
    )
    scope_licensing = models.BooleanField(_("licensing"), default=True)
    scope_telephony = models.BooleanField(_("telephony"), default=True)
    since = models.DateTimeField(_("since"), default=timezone.now)
    ended_at = models.DateTimeField(_("ended"), null=True, blank=True)
    end_reason = models.CharField(max_length=10, choices=EndReason.choices, blank=True)
    ended_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    # The scopes hold until this moment (None: until withdrawn); past it they count as absent,
    # and beat drops them. The reminder 7 days before is sent once: this marks it.
    scopes_until = models.DateTimeField(_("scopes until"), null=True, blank=True)
    scopes_reminder_sent_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("partner link")
        verbose_name_plural = _("partner links")
        ordering = ["-since"]
        constraints = [
            models.UniqueConstraint(
                fields=["company"],
                condition=Q(ended_at__isnull=True),
                name="partnerlink_one_active",
            ),
            models.CheckConstraint(condition=~Q(company=F("partner")), name="partnerlink_not_self"),
        ]
        indexes = [
            models.Index(
                fields=["partner", "-since"],
                condition=Q(ended_at__isnull=True),
                name="partnerlink_customers",
            ),
            # The operators' list, newest first.
            models.Index(fields=["since", "id"], name="partnerlink_since"),
            models.Index(
                fields=["scopes_until"],
                condition=Q(ended_at__isnull=True, scopes_until__isnull=False),
                name="partnerlink_scopes_until",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.company} ↔ {self.partner}"

    @property
    def is_active(self) -> bool:
        return self.ended_at is None

    @property
    def scopes_last_day(self):
        """The last day the scopes hold, in the portal's time zone (a page's date picks it: the
        scopes end when that day does)."""
        if self.scopes_until is None:
            return None
        return timezone.localtime(self.scopes_until - timedelta(microseconds=1)).date()

    @property
    def scopes(self) -> list[str]:
        """The scopes held now: none once ``scopes_until`` has passed, even before beat runs."""
        if self.scopes_until is not None and self.scopes_until <= timezone.now():
            return []
        return [
            name
            for name, held in (
                ("licensing", self.scope_licensing),
                ("telephony", self.scope_telephony),
            )
            if held
        ]


class PartnerMessage(models.Model):
    """One message of the Contact conversation between a company and its partner."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="partner_messages"
    )
    partner = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="customer_messages"
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    author_name = models.CharField(max_length=150)
    author_company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="+"
    )
    text = models.TextField(_("message"), max_length=5000)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("partner message")
        verbose_name_plural = _("partner messages")
        ordering = ["created_at"]
        constraints = [
            models.CheckConstraint(condition=~Q(text=""), name="partnermessage_text_not_empty"),
        ]
        indexes = [
            models.Index(fields=["company", "partner", "created_at"], name="partnermessage_thread"),
        ]

    def __str__(self) -> str:
        return f"{self.author_name}: {self.text[:40]}"
