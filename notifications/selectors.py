"""Reads of notifications and the activity log, scoped to the reader."""

from __future__ import annotations

from django.db.models import QuerySet

from notifications.models import ActivityRecord, Notification, OutboundEmail


def notifications_for(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at")


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def activity_for(*, company) -> QuerySet[ActivityRecord]:
    return ActivityRecord.objects.filter(company=company).order_by("-created_at")


def emails_about(*, topic: str, object_id) -> QuerySet[OutboundEmail]:
    return OutboundEmail.objects.filter(topic=topic, object_id=object_id).order_by("-created_at")
