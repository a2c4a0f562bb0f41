"""In-portal notifications, the email outbox and the activity log.

Messages are stored as an untranslated text (marked with ``gettext_noop`` where they are written)
plus parameters, and translated when shown, so each reader sees them in their own language.
"""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from rainbow_admin.display import message_params_display

# A message that counts something is stored as its singular msgid, with the plural msgid and the
# name of the parameter holding the count among its parameters (``notifications.services``).
PLURAL_PARAM = "_plural"
COUNT_PARAM = "_count"


def render_message(template: str, params: dict) -> str:
    try:
        if PLURAL_PARAM in params:
            count = int(params[params[COUNT_PARAM]])
            return ngettext(template, params[PLURAL_PARAM], count) % message_params_display(params)
        return gettext(template) % message_params_display(params)
    except (KeyError, TypeError, ValueError):
        return template


class OutboundEmail(models.Model):
    """One email to one recipient; written in the same transaction as the change it tells of."""

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    to = models.EmailField(_("recipient"))
    language = models.CharField(_("language"), max_length=2, default="en")
    subject = models.CharField(_("subject"), max_length=255)
    body_text = models.TextField()
    body_html = models.TextField(blank=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.QUEUED
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.TextField(blank=True)
    # What the email is about, as a generic reference (e.g. "invitation", <uuid>).
    topic = models.CharField(max_length=40, blank=True)
    object_id = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_attempt_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("outbound email")
        verbose_name_plural = _("outbound emails")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["topic", "object_id", "-created_at"], name="email_topic_object"),
            models.Index(
                fields=["created_at"], condition=models.Q(status="queued"), name="email_queued"
            ),
            # The operators' list: newest first, whole or by status.
            models.Index(fields=["created_at", "id"], name="email_created"),
            models.Index(fields=["status", "created_at", "id"], name="email_status_created"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "sent", "failed"]),
                name="email_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.subject} → {self.to} ({self.status})"

    @property
    def message_id(self) -> str:
        """The Message-ID of every copy sent: derived from the row, so a repeat is recognisable."""
        return f"<{self.id}@rainbow-admin>"


class Notification(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    message = models.TextField()
    params = models.JSONField(default=dict, blank=True)
    url = models.CharField(max_length=500, blank=True)
    # Who did it: the same actor doing the same thing to the same object within
    # ``FOLD_WINDOW`` updates one unread notification (``count``) instead of adding more.
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    count = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["recipient", "-created_at"], name="notification_recipient"),
            models.Index(
                fields=["recipient"],
                condition=models.Q(read_at__isnull=True),
                name="notification_unread",
            ),
            # The operators' list, newest first.
            models.Index(fields=["created_at", "id"], name="notification_created"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return render_message(self.message, self.params)


class ActivityRecord(models.Model):
    """Who did what in a company; the company's own people and its partner may be the actors."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="activity_records"
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    actor_name = models.CharField(max_length=150, blank=True)
    actor_company_name = models.CharField(max_length=150, blank=True)
    verb = models.CharField(max_length=60)
    message = models.TextField()
    params = models.JSONField(default=dict, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        verbose_name = _("activity record")
        verbose_name_plural = _("activity records")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["company", "-created_at"], name="activity_company"),
            # The operators' list, newest first.
            models.Index(fields=["created_at", "id"], name="activity_created"),
        ]

    def __str__(self) -> str:
        return self.text

    @property
    def text(self) -> str:
        return render_message(self.message, self.params)
