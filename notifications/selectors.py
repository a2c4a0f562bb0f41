"""Reads of notifications and the activity log, scoped to the reader."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce

from notifications.models import ActivityRecord, Notification, OutboundEmail


def notifications_for(*, user) -> QuerySet[Notification]:
    return Notification.objects.filter(recipient=user).order_by("-created_at")


def unread_count(*, user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


# Bumped by every write of notifications in this process (notifications.services): a badge count
# loaded with the signed-in person before the latest bump is read again, so a person's own write
# (marking read, notifying themselves) shows in the very request that made it.
_writes = [0]


def notifications_written() -> None:
    _writes[0] += 1


def with_unread_count(queryset: QuerySet) -> QuerySet:
    """People with their unread badge count, in the same query (the `notification_unread`
    index); `unread_count_of` uses it while no notification was written since the query was
    made (the mark is taken now, before the query runs: a write meanwhile means a re-read)."""
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(count=Count("*"))
        .values("count")
    )
    return queryset.annotate(
        loaded_unread_count=Coalesce(Subquery(unread), 0),
        loaded_unread_writes=Value(_writes[0], output_field=IntegerField()),
    )


def unread_count_of(*, user: Any) -> int:
    """The badge: the count loaded with the person if nothing was written since, else a query."""
    if getattr(user, "loaded_unread_writes", None) == _writes[0]:
        return user.loaded_unread_count
    return unread_count(user=user)


def activity_for(*, company) -> QuerySet[ActivityRecord]:
    return ActivityRecord.objects.filter(company=company).order_by("-created_at")


def recent_activity(*, company, limit: int = 5) -> list[ActivityRecord]:
    """The company's latest activity (its dashboard): one query (``activity_company`` index)."""
    return list(activity_for(company=company)[:limit])


def emails_about(*, topic: str, object_id) -> QuerySet[OutboundEmail]:
    return OutboundEmail.objects.filter(topic=topic, object_id=object_id).order_by("-created_at")
