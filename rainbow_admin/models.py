"""The one model that spans apps: a member import creates people (companies), gives them seats
(licensing) and lines (telephony), so it lives where every app is seen."""

from __future__ import annotations

import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rainbow_admin.db import ChoiceLabels


class MemberImport(ChoiceLabels, models.Model):
    """A CSV file of people imported by a worker, in batches, each batch committed with its
    progress: a worker that dies loses at most the batch it was in, which the next one redoes."""

    class Status(models.TextChoices):
        DRAFT = "draft", _("Not started")
        QUEUED = "queued", _("Waiting")
        RUNNING = "running", _("Importing")
        FINISHED = "finished", _("Finished")
        FAILED = "failed", _("Failed")

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    company = models.ForeignKey(
        "companies.Company", on_delete=models.CASCADE, related_name="member_imports"
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    file_name = models.CharField(max_length=200, blank=True)
    content = models.TextField()
    send_invitations = models.BooleanField(default=True)
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.DRAFT)
    total = models.PositiveIntegerField(default=0)
    # Rows done (created or refused), counted from the first row after the header; the rows
    # before it are never looked at again.
    processed = models.PositiveIntegerField(default=0)
    created = models.PositiveIntegerField(default=0)
    # [{"row": 3, "field": "email", "message": "…"}]
    errors = models.JSONField(default=list, blank=True)
    # A worker running the import stamps it after each batch; beat hands a silent one to another
    # worker (``attempts`` counts the hand-overs) or gives up on it.
    heartbeat_at = models.DateTimeField(null=True, blank=True)
    attempts = models.PositiveSmallIntegerField(default=0)
    run_token = models.UUIDField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "heartbeat_at"], name="memberimport_status")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(processed__lte=models.F("total")),
                name="memberimport_processed_le_total",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.file_name} ({self.status})"

    @property
    def is_running(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RUNNING)

    @property
    def refused(self) -> int:
        return len(self.errors)
