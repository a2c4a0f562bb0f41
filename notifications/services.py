"""Writes of the notifications app: outbox emails, in-portal notifications, activity records."""

from __future__ import annotations

import contextlib
import logging
import smtplib
import threading
import uuid
from collections.abc import Iterable
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, get_connection
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from notifications.models import ActivityRecord, Notification, OutboundEmail

logger = logging.getLogger(__name__)


def _queue_delivery(email_ids: list[uuid.UUID]) -> None:
    """Hand emails to the broker. If it is unreachable, the re-queue job sends them later."""
    from notifications.tasks import deliver_email_task

    for email_id in email_ids:
        try:
            deliver_email_task.delay(str(email_id))
        except Exception:  # the broker is down: the row stays queued for the re-queue job
            logger.warning(
                "Could not queue email %s; it stays in the outbox", email_id, exc_info=True
            )


def email_queue(
    *,
    to: str,
    language: str,
    template: str,
    context: dict[str, Any],
    topic: str = "",
    object_id: uuid.UUID | None = None,
) -> OutboundEmail:
    """Render an email in the recipient's language, store it and deliver it after commit.

    Templates live in ``templates/emails/<template>_subject.txt``, ``<template>.txt`` and
    ``<template>.html``.
    """
    context = {"site_url": settings.SITE_URL, **context}
    with translation.override(language):
        subject = render_to_string(f"emails/{template}_subject.txt", context).strip()
        body_text = render_to_string(f"emails/{template}.txt", context)
        body_html = render_to_string(f"emails/{template}.html", context)
    subject = " ".join(subject.split())
    # Names of up to 150 characters each can make a subject longer than the column: shortened,
    # the email is still written (it is the body that carries the details).
    limit = OutboundEmail._meta.get_field("subject").max_length
    if len(subject) > limit:
        subject = subject[: limit - 1].rstrip() + "…"
    email = OutboundEmail.objects.create(
        to=to,
        language=language,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        topic=topic,
        object_id=object_id,
    )
    transaction.on_commit(lambda: _queue_delivery([email.id]))
    return email


def email_deliver(*, email_id: uuid.UUID | str) -> OutboundEmail | None:
    """Send one queued email; delivery is at least once.

    The row is locked while it is sent, so two workers handed the same email cannot both send it;
    a row that is no longer queued is left alone. It is marked sent in the same transaction, once
    the SMTP server has accepted it: a worker that dies in between (the server has the message,
    the commit never happens) leaves it queued, and the re-queue job sends it again with the same
    Message-ID (``tests/reliability/test_worker_crash.py``). SMTP errors are recorded and
    re-raised for the task to retry; after the last attempt the email is marked failed.
    """
    with transaction.atomic():
        email = (
            OutboundEmail.objects.select_for_update(skip_locked=True)
            .filter(id=email_id, status=OutboundEmail.Status.QUEUED)
            .first()
        )
        if email is None:
            return None
        email.attempts += 1
        email.last_attempt_at = timezone.now()
        try:
            _send(_message_of(email))
        except Exception as exc:
            email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
            if email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
                email.status = OutboundEmail.Status.FAILED
                logger.error("Email %s failed after %s attempts: %s", email.id, email.attempts, exc)
        else:
            email.status = OutboundEmail.Status.SENT
            email.sent_at = timezone.now()
            email.last_error = ""
        email.save(update_fields=["attempts", "last_attempt_at", "last_error", "status", "sent_at"])
    # Raised after the commit, so the attempt and its error are kept.
    if email.status == OutboundEmail.Status.QUEUED:
        raise EmailNotSent(email.id, email.attempts)
    return email


_connections = threading.local()


def _send(message: EmailMultiAlternatives) -> None:
    """Send over this thread's open mail connection, opened on first use and kept for the next.

    A connection the server has dropped while idle is opened again once, within the same attempt.
    """
    for retry in (False, True):
        connection = getattr(_connections, "current", None)
        if connection is None:
            connection = get_connection()
            connection.open()
            _connections.current = connection
        try:
            connection.send_messages([message])
            return
        except Exception as exc:
            _connections.current = None
            with contextlib.suppress(Exception):
                connection.close()
            if retry or not isinstance(exc, smtplib.SMTPServerDisconnected | ConnectionError):
                raise


def _message_of(email: OutboundEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={"Message-ID": f"<{email.id}@rainbow-admin>"},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    return message


class EmailNotSent(Exception):
    def __init__(self, email_id: uuid.UUID, attempts: int) -> None:
        super().__init__(f"email {email_id} not sent (attempt {attempts})")
        self.email_id = email_id
        self.attempts = attempts


def emails_requeue_stale() -> list[uuid.UUID]:
    """Queue again emails still queued after ``OUTBOX_REQUEUE_AFTER`` (broker down, worker lost)."""
    cutoff = timezone.now() - settings.OUTBOX_REQUEUE_AFTER
    ids = list(
        OutboundEmail.objects.filter(status=OutboundEmail.Status.QUEUED, created_at__lt=cutoff)
        .exclude(last_attempt_at__gte=cutoff)
        .order_by("created_at")
        .values_list("id", flat=True)[:1000]
    )
    _queue_delivery(ids)
    return ids


def notify(
    *, recipients: Iterable[Any], message: str, params: dict[str, Any], url: str = ""
) -> None:
    """Tell people something in the portal; ``message`` is marked with ``gettext_noop``."""
    Notification.objects.bulk_create(
        Notification(recipient=user, message=message, params=params, url=url) for user in recipients
    )


def notification_mark_read(*, user: Any, notification_id: uuid.UUID) -> Notification:
    notification = Notification.objects.get(id=notification_id, recipient=user)
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user: Any) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def activity_record(
    *,
    company: Any,
    actor: Any | None,
    verb: str,
    message: str,
    params: dict[str, Any] | None = None,
) -> ActivityRecord:
    """Record who did what in ``company``; ``message`` is marked with ``gettext_noop``."""
    actor_company = getattr(actor, "company", None) if actor is not None else None
    return ActivityRecord.objects.create(
        company=company,
        actor=actor,
        actor_name=getattr(actor, "name", "") or "",
        actor_company_name=actor_company.name if actor_company is not None else "",
        verb=verb,
        message=message,
        params=params or {},
    )
