"""Writes of the notifications app: outbox emails, in-portal notifications, activity records."""

from __future__ import annotations

import logging
import re
import smtplib
import uuid
from collections.abc import Iterable
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.core.mail.backends.smtp import EmailBackend as SmtpBackend
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext

from notifications import selectors, smtp
from notifications.emails import email_render
from notifications.models import (
    COUNT_PARAM,
    PLURAL_PARAM,
    ActivityRecord,
    Notification,
    OutboundEmail,
)
from rainbow_admin.celery import task_send

logger = logging.getLogger(__name__)


def _queue_delivery(email_ids: list[uuid.UUID]) -> None:
    """Hand emails to the broker. If it is unreachable, the re-queue job sends them later."""
    for email_id in email_ids:
        try:
            task_send("notifications.tasks.deliver_email_task", str(email_id))
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
    ``<template>.html`` (see ``notifications.emails.email_render``).
    """
    rendered = email_render(template=template, language=language, context=context)
    subject = rendered.subject
    # Names of up to 150 characters each can make a subject longer than the column: shortened,
    # the email is still written (it is the body that carries the details).
    limit = OutboundEmail._meta.get_field("subject").max_length
    if len(subject) > limit:
        subject = subject[: limit - 1].rstrip() + "…"
    email = OutboundEmail.objects.create(
        to=to,
        language=language,
        subject=subject,
        body_text=rendered.body_text,
        body_html=rendered.body_html,
        topic=topic,
        object_id=object_id,
    )
    transaction.on_commit(lambda: _queue_delivery([email.id]))
    return email


def email_deliver(*, email_id: uuid.UUID | str) -> OutboundEmail | None:
    """Send one queued email; a worker killed at any point neither loses nor doubles it, except
    in the two narrow cases named below.

    The row is locked while it is sent, so two workers handed the same email cannot both send it;
    a row that is no longer queued is left alone. Over SMTP the row is marked sent *inside* the
    SMTP transaction, at the one moment the outcome is still ours to decide:

    1. lock the row (still queued?), send ``MAIL FROM``, ``RCPT TO``, ``DATA`` and the whole
       message except the end of the data (``<CRLF>.<CRLF>``);
    2. mark the row sent and commit (the lock goes);
    3. send the end of the data and read the server's final reply. A 2xx: done. A 4xx or 5xx, or
       the connection lost after the end of the data: a new transaction puts the row back to
       queued for a retry (failed after the last attempt, or at once on a 5xx).

    A worker killed before the commit leaves the row queued and a message whose data never ended,
    which the server discards (RFC 5321, 4.1.1.4): the next attempt sends it once. Killed after
    the commit and before the five bytes of step 3 are out, the row says sent and the server
    discards the message: that email is lost; the same holds if the worker dies while it waits
    for a final reply that turns out to be a refusal. Those windows last from the commit to one
    ``send()`` (or one reply) on an open connection. This relies on the server keeping a message
    whose data has ended even if its client leaves before the reply. A server that looks for its
    client before replying and drops the message when it has gone (some do, to avoid duplicates)
    widens the loss to a worker killed at any time while it waits for the final reply.

    What may still double is a server that stores the message and then fails before its 250
    reaches us (it crashes, the connection drops, or it answers 4xx after storing): we cannot tell
    that from a refusal, so the row goes back to queued and the email is sent again, with the same
    Message-ID (derived from the row's id) so the repeat is recognisable.

    Links in an email (password reset, activation, partner requests) are secrets: the row keeps
    them only while it may still be sent. In the transaction that marks it sent (or failed for
    good) every link in its bodies is replaced by a marker (``_redact``); when the server then
    refuses the message, the row goes back to queued with the bodies it was sent with, which
    this worker still holds. A row that says sent holds no working link.

    Other email backends (the embedded default's console and folder) get the message as before,
    marked sent once the backend returns. SMTP errors are recorded and re-raised as
    ``EmailNotSent`` for the task to retry with backoff.
    """
    backend = smtp.connection()
    handover: smtplib.SMTP | None = None
    try:
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
                if isinstance(backend, SmtpBackend):
                    handover = smtp.send_all_but_the_end(backend, message_of(email))
                else:
                    backend.send_messages([message_of(email)])
            except Exception as exc:
                _record_failure(email, exc)
            else:
                email.status = OutboundEmail.Status.SENT
                email.sent_at = timezone.now()
                email.last_error = ""
            bodies = email.body_text, email.body_html
            if email.status != OutboundEmail.Status.QUEUED:
                _redact(email)
            email.save(
                update_fields=[
                    "attempts",
                    "last_attempt_at",
                    "last_error",
                    "status",
                    "sent_at",
                    "body_text",
                    "body_html",
                ]
            )
    except BaseException:
        if handover is not None:
            # Not committed: close without ending the data, so the server discards the message.
            smtp.drop(backend)
        raise
    if handover is not None:
        try:
            smtp.end_data(handover)
        except Exception as exc:
            if not isinstance(exc, smtplib.SMTPResponseException):
                smtp.drop(backend)  # the connection is in an unknown state
            _undo_sent(email, exc, bodies)
    # Raised after the commit, so the attempt and its error are kept.
    if email.status == OutboundEmail.Status.QUEUED:
        raise EmailNotSent(email.id, email.attempts)
    return email


def _record_failure(email: OutboundEmail, exc: Exception) -> None:
    """Keep the error; the email fails after the last attempt, or at once when refused for good."""
    email.last_error = f"{type(exc).__name__}: {exc}"[:2000]
    if _refused_for_good(exc) or email.attempts >= settings.OUTBOX_MAX_ATTEMPTS:
        email.status = OutboundEmail.Status.FAILED
        logger.error("Email %s failed after %s attempts: %s", email.id, email.attempts, exc)
    else:
        email.status = OutboundEmail.Status.QUEUED


def _refused_for_good(exc: Exception) -> bool:
    """A 5xx reply to this message's recipient or data: trying again would get the same answer.

    Other errors (connection, authentication, a refused sender: the server or our settings) are
    retried until the last attempt.
    """
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        return all(500 <= code < 600 for code, _reply in exc.recipients.values())
    return isinstance(exc, smtplib.SMTPDataError) and 500 <= exc.smtp_code < 600


def _undo_sent(email: OutboundEmail, exc: Exception, bodies: tuple[str, str]) -> None:
    """The server did not confirm the message after the row was marked sent: queue it again,
    with the bodies it was sent with (redacted again if it has failed for good)."""
    _record_failure(email, exc)
    email.sent_at = None
    email.body_text, email.body_html = bodies
    if email.status != OutboundEmail.Status.QUEUED:
        _redact(email)
    OutboundEmail.objects.filter(
        pk=email.pk, status=OutboundEmail.Status.SENT, attempts=email.attempts
    ).update(
        status=email.status,
        sent_at=None,
        last_error=email.last_error,
        body_text=email.body_text,
        body_html=email.body_html,
    )


# Any absolute link: the secret of a reset, activation or partner-request link is in its path.
_LINK = re.compile(r"https?://[^\s<>\"'()]+", re.IGNORECASE)


def _redact(email: OutboundEmail) -> None:
    """Replace every link of the email's bodies by a marker, in the email's language."""
    with translation.override(email.language):
        marker = gettext("[link removed after sending]")
    email.body_text = _LINK.sub(marker, email.body_text)
    email.body_html = _LINK.sub(marker, email.body_html)


def message_of(email: OutboundEmail) -> EmailMultiAlternatives:
    """The email as Django builds it, with the Message-ID of the row."""
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.to],
        headers={"Message-ID": email.message_id},
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


def stored_message(message: Any, params: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """A message as stored, to be translated when read (``render_message``).

    ``message`` is a msgid marked with ``gettext_noop``, or, for a text that counts something,
    ``ngettext_lazy(singular, plural, "count")`` naming the parameter that holds the count: the
    singular is stored with the plural and that name among the parameters. (The lazy text gives
    back its parts through ``__reduce__``, Django's way of pickling it.)
    """
    if isinstance(message, str):
        return message, params
    _unpickle, (_func, _resultclass, count_param, parts) = message.__reduce__()
    if not isinstance(count_param, str) or count_param not in params:
        raise ValueError("a counted message names the parameter holding its count")
    return parts["singular"], {**params, PLURAL_PARAM: parts["plural"], COUNT_PARAM: count_param}


NOTIFICATION_FOLD_WINDOW = timedelta(minutes=10)


def notify(
    *,
    recipients: Iterable[Any],
    message: Any,
    params: dict[str, Any],
    url: str = "",
    actor: Any | None = None,
    fold_keep: tuple[str, ...] = (),
) -> list[Any]:
    """Tell people what others did in the portal; ``message`` is marked with ``gettext_noop`` (or
    is an ``ngettext_lazy`` text, see ``stored_message``). The ``actor`` is never told of their
    own action; the same actor doing the same thing to the same object (``url``) within
    ``NOTIFICATION_FOLD_WINDOW`` updates the recipient's unread notification (its ``count`` goes
    up, it moves to the top) instead of adding another. Two queries and one write per call.

    ``fold_keep`` names parameters whose first value a fold keeps (a change "from %(old)s to
    %(quantity)s" repeated reads from the first old value to the last new one).

    Returns the people who got a new notification (not the actor, not those whose notification
    was folded): a caller that also emails writes only to them, so emails follow the same rule
    (none to the actor, one per fold window)."""
    message, params = stored_message(message, params)
    people = [user for user in recipients if actor is None or user.pk != actor.pk]
    if not people:
        return []
    selectors.notifications_written()
    now = timezone.now()
    folded: dict[Any, Notification] = {}
    if actor is not None:
        for earlier in Notification.objects.filter(
            recipient__in=[user.pk for user in people],
            actor=actor,
            message=message,
            url=url,
            read_at__isnull=True,
            created_at__gte=now - NOTIFICATION_FOLD_WINDOW,
        ):
            folded.setdefault(earlier.recipient_id, earlier)
    for earlier in folded.values():
        earlier.count += 1
        earlier.params = {
            **params,
            **{name: earlier.params[name] for name in fold_keep if name in earlier.params},
        }
        earlier.created_at = now
    if folded:
        Notification.objects.bulk_update(folded.values(), ["count", "params", "created_at"])
    Notification.objects.bulk_create(
        Notification(
            recipient=user, message=message, params=params, url=url, actor=actor, created_at=now
        )
        for user in people
        if user.pk not in folded
    )
    return [user for user in people if user.pk not in folded]


def notification_mark_read(*, user: Any, notification_id: uuid.UUID) -> Notification:
    notification = Notification.objects.get(id=notification_id, recipient=user)
    if notification.read_at is None:
        selectors.notifications_written()
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


def notifications_mark_all_read(*, user: Any) -> int:
    selectors.notifications_written()
    return Notification.objects.filter(recipient=user, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def activity_record(
    *,
    company: Any,
    actor: Any | None,
    verb: str,
    message: Any,
    params: dict[str, Any] | None = None,
) -> ActivityRecord:
    """Record who did what in ``company``; ``message`` is marked with ``gettext_noop`` (or is an
    ``ngettext_lazy`` text, see ``stored_message``)."""
    message, params = stored_message(message, params or {})
    actor_company = getattr(actor, "company", None) if actor is not None else None
    return ActivityRecord.objects.create(
        company=company,
        actor=actor,
        actor_name=getattr(actor, "name", "") or "",
        actor_company_name=actor_company.name if actor_company is not None else "",
        verb=verb,
        message=message,
        params=params,
    )
