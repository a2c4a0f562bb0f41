"""Every write of the webhooks app: endpoints, the events the domain services record, deliveries.

Delivery follows the email outbox (DESIGN.md): an event and its deliveries are rows written in the
transaction of the change, handed to the worker after the commit, and queued again by a beat job
when the broker was down or a worker was lost. The guarantee is at least once: an attempt is
claimed (a row lock and a lease) before the POST and its outcome written after it, so a worker
killed between the two leaves the delivery pending, and the next attempt sends the same body under
the same ``webhook-id``: the receiver may see that message twice, never zero times (unless it
fails every attempt for the whole retry schedule, after which the delivery is failed).
"""

from __future__ import annotations

import base64
import logging
import random
import secrets
import uuid
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from standardwebhooks.webhooks import Webhook

from companies.models import Company, User
from companies.selectors import company_admins
from notifications.services import activity_record, email_queue
from rainbow_admin.errors import Conflict, InvalidInput, NotFound
from webhooks import egress, limits, selectors, transport
from webhooks.events import ALL, SUBSCRIBABLE, queue_deliveries, write_deliveries
from webhooks.models import Delivery, Endpoint

logger = logging.getLogger(__name__)

DESCRIPTION_MAX_LENGTH = 200
USER_AGENT = "Rainbow-Admin-Webhooks/1.0"


def deliveries_requeue_due(*, now: datetime | None = None) -> list[uuid.UUID]:
    """Queue pending deliveries that are due and were not picked up (broker down, worker killed,
    a retry too far ahead to wait in the broker)."""
    now = now or timezone.now()
    ids = list(
        Delivery.objects.filter(
            status=Delivery.Status.PENDING,
            next_attempt_at__lte=now - settings.WEBHOOK_REQUEUE_GRACE,
        )
        .order_by("next_attempt_at")
        .values_list("pk", "endpoint_id")[:1000]
    )
    queue_deliveries(ids)
    return [delivery_id for delivery_id, _endpoint_id in ids]


# --- endpoints: the company's admins ---------------------------------------------------------


def new_secret() -> str:
    """``whsec_`` + base64 of 32 random bytes (Standard Webhooks)."""
    return "whsec_" + base64.b64encode(secrets.token_bytes(32)).decode()


def _company_of(actor: User) -> Company:
    return selectors.webhooks_company(actor=actor)


def _clean_events(value: Any) -> list[str]:
    if not isinstance(value, list | tuple) or not value:
        raise InvalidInput(
            _("Choose the events to receive, or “*” for all of them."),
            code="events_required",
            field="events",
        )
    events = list(dict.fromkeys(str(item) for item in value))
    unknown = [item for item in events if item != ALL and item not in SUBSCRIBABLE]
    if unknown:
        raise InvalidInput(
            _("Unknown event type: %(type)s.") % {"type": unknown[0]},
            code="unknown_event",
            field="events",
        )
    return [ALL] if ALL in events else events


def _clean_description(value: Any) -> str:
    text = " ".join(str(value or "").split())
    if len(text) > DESCRIPTION_MAX_LENGTH:
        raise InvalidInput(
            _("The description is too long (200 characters at most)."),
            code="description_too_long",
            field="description",
        )
    return text


def _lock(actor: User, endpoint_id: Any) -> Endpoint:
    endpoint = selectors.endpoint_get(actor=actor, endpoint_id=endpoint_id)
    return Endpoint.objects.select_for_update().select_related("company").get(pk=endpoint.pk)


@transaction.atomic
def endpoint_create(*, actor: User, url: str, events: Any, description: str = "") -> Endpoint:
    """A company admin adds an endpoint; its signing secret is in the answer, and only there.

    At most ``WEBHOOK_MAX_ENDPOINTS`` per company. The URL must obey the egress rules.
    """
    company = _company_of(actor)
    endpoint = Endpoint(
        company=company,
        url=egress.clean_url(url),
        events=_clean_events(events),
        description=_clean_description(description),
        secret=new_secret(),
    )
    Company.objects.select_for_update().filter(pk=company.pk).first()
    if Endpoint.objects.filter(company=company).count() >= settings.WEBHOOK_MAX_ENDPOINTS:
        raise Conflict(
            _("A company has at most %(count)s webhooks; remove one first.")
            % {"count": settings.WEBHOOK_MAX_ENDPOINTS},
            code="too_many_webhooks",
        )
    endpoint.save(force_insert=True)
    activity_record(
        company=company,
        actor=actor,
        verb="webhook.created",
        message=gettext_noop("%(actor)s added the webhook %(url)s."),
        params={"actor": actor.name, "url": endpoint.url},
    )
    return endpoint


@transaction.atomic
def endpoint_update(*, actor: User, endpoint_id: Any, data: dict[str, Any]) -> Endpoint:
    """Change the URL, events, description or activity; turning it on again clears its failures."""
    endpoint = _lock(actor, endpoint_id)
    if "url" in data:
        endpoint.url = egress.clean_url(data["url"])
    if "events" in data:
        endpoint.events = _clean_events(data["events"])
    if "description" in data:
        endpoint.description = _clean_description(data["description"])
    if "active" in data:
        active = data["active"]
        if not isinstance(active, bool):
            raise InvalidInput(_("“active” is true or false."), code="invalid", field="active")
        if active and not endpoint.active:
            endpoint.disabled_at = None
            endpoint.failing_since = None
        endpoint.active = active
    endpoint.updated_at = timezone.now()
    endpoint.save()
    activity_record(
        company=endpoint.company,
        actor=actor,
        verb="webhook.changed",
        message=gettext_noop("%(actor)s changed the webhook %(url)s."),
        params={"actor": actor.name, "url": endpoint.url},
    )
    return endpoint


@transaction.atomic
def endpoint_delete(*, actor: User, endpoint_id: Any) -> None:
    """Remove an endpoint with its delivery log; pending deliveries to it are dropped."""
    endpoint = _lock(actor, endpoint_id)
    activity_record(
        company=endpoint.company,
        actor=actor,
        verb="webhook.removed",
        message=gettext_noop("%(actor)s removed the webhook %(url)s."),
        params={"actor": actor.name, "url": endpoint.url},
    )
    endpoint.delete()


@transaction.atomic
def endpoint_rotate_secret(*, actor: User, endpoint_id: Any) -> Endpoint:
    """A new secret, shown once; the old one keeps signing for ``WEBHOOK_SECRET_OVERLAP`` (both
    signatures are sent meanwhile), so receivers can switch without losing an event."""
    endpoint = _lock(actor, endpoint_id)
    endpoint.previous_secret = endpoint.secret
    endpoint.previous_secret_expires_at = timezone.now() + settings.WEBHOOK_SECRET_OVERLAP
    endpoint.secret = new_secret()
    endpoint.updated_at = timezone.now()
    endpoint.save()
    activity_record(
        company=endpoint.company,
        actor=actor,
        verb="webhook.secret_rotated",
        message=gettext_noop("%(actor)s gave the webhook %(url)s a new secret."),
        params={"actor": actor.name, "url": endpoint.url},
    )
    return endpoint


@transaction.atomic
def endpoint_ping(*, actor: User, endpoint_id: Any) -> Delivery:
    """Send a ``ping`` event to this endpoint only (whatever events it subscribed to)."""
    endpoint = selectors.endpoint_get(actor=actor, endpoint_id=endpoint_id)
    if not endpoint.active:
        raise Conflict(
            _("This webhook is turned off; turn it on before sending a ping."),
            code="webhook_inactive",
        )
    data = {"endpoint": {"id": str(endpoint.pk), "url": endpoint.url}}
    return write_deliveries([endpoint], "ping", data)[0]


@transaction.atomic
def delivery_redeliver(*, actor: User, endpoint_id: Any, delivery_id: Any) -> Delivery:
    """Send a delivered or failed event again: a new delivery, same body and ``webhook-id``."""
    endpoint = selectors.endpoint_get(actor=actor, endpoint_id=endpoint_id)
    try:
        delivery_id = uuid.UUID(str(delivery_id))
    except ValueError:
        raise NotFound(_("No such delivery."), code="delivery_not_found") from None
    original = Delivery.objects.filter(pk=delivery_id, endpoint=endpoint).first()
    if original is None:
        raise NotFound(_("No such delivery."), code="delivery_not_found")
    if not endpoint.active:
        raise Conflict(
            _("This webhook is turned off; turn it on before sending again."),
            code="webhook_inactive",
        )
    now = timezone.now()
    delivery = Delivery.objects.create(
        endpoint=endpoint, event_id=original.event_id, next_attempt_at=now, created_at=now
    )
    transaction.on_commit(lambda: queue_deliveries([(delivery.pk, endpoint.pk)]))
    return delivery


# --- delivery: the worker ---------------------------------------------------------------------


class Outcome:
    """What the task does next: nothing, or run again in ``retry_in`` seconds."""

    def __init__(self, status: str, retry_in: float | None = None) -> None:
        self.status = status
        self.retry_in = retry_in


def signature(endpoint: Endpoint, message_id: str, moment: datetime, body: str) -> str:
    """The ``webhook-signature`` header: the current secret's, and the previous one's while it is
    still valid after a rotation (space-separated, as Standard Webhooks allows)."""
    signatures = [Webhook(endpoint.secret).sign(message_id, moment, body)]
    expires = endpoint.previous_secret_expires_at
    if endpoint.previous_secret and expires and expires > moment:
        signatures.append(Webhook(endpoint.previous_secret).sign(message_id, moment, body))
    return " ".join(signatures)


def _commit_without_waiting_for_disk() -> None:
    """This transaction's commit returns before PostgreSQL has flushed it to disk.

    For the worker's bookkeeping of an attempt only: a database crash in the next moment may
    forget a claim or a success, and the delivery is then sent again under the same
    ``webhook-id``, which at least once allows. It halves the cost of a delivery.
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL synchronous_commit TO OFF")


def _claim(delivery_id: Any) -> Delivery | None:
    """Take the delivery for one attempt: pending, due, not held by another worker. Its lease
    (``next_attempt_at`` moved ahead) keeps beat from queueing it while the attempt runs."""
    now = timezone.now()
    with transaction.atomic():
        _commit_without_waiting_for_disk()
        delivery = (
            Delivery.objects.select_for_update(of=("self",), skip_locked=True)
            .select_related("endpoint", "event")
            .filter(pk=delivery_id, status=Delivery.Status.PENDING, next_attempt_at__lte=now)
            .first()
        )
        if delivery is None:
            return None
        if not delivery.endpoint.active:
            delivery.status = Delivery.Status.FAILED
            delivery.last_error = "The webhook is turned off."
            delivery.next_attempt_at = None
            delivery.save(update_fields=["status", "last_error", "next_attempt_at"])
            return None
        delivery.attempts += 1
        delivery.last_attempt_at = now
        delivery.next_attempt_at = now + settings.WEBHOOK_ATTEMPT_LEASE
        delivery.save(update_fields=["attempts", "last_attempt_at", "next_attempt_at"])
    return delivery


def delivery_attempt(*, delivery_id: Any, endpoint_id: Any = None) -> Outcome:
    """Send one delivery once, if it is due: sign, POST, keep the answer, schedule a retry.

    2xx is success. Anything else (an error status, a redirect, no answer within
    ``WEBHOOK_TIMEOUT_SECONDS``, an address the egress rules refuse) is retried after the next
    delay of ``WEBHOOK_RETRY_SCHEDULE`` (jittered ±20 %, at least 24 hours in all), then failed.
    An endpoint failing since ``WEBHOOK_DISABLE_AFTER`` is turned off and its admins emailed.
    ``endpoint_id`` (as queued) saves looking it up.
    """
    peek = endpoint_id or (
        Delivery.objects.filter(pk=delivery_id).values_list("endpoint_id", flat=True).first()
    )
    if peek is None:
        return Outcome("skipped")
    token = limits.slot_take(peek)
    if token is None:  # this endpoint has its share of workers: come back in a moment
        return Outcome("busy", retry_in=random.uniform(0.5, 2.0))  # noqa: S311
    try:
        delivery = _claim(delivery_id)
        if delivery is None:
            return Outcome("skipped")
        answer, error = _post(delivery)
    finally:
        limits.slot_give_back(peek, token)
    return _record(delivery, answer, error)


def _post(delivery: Delivery) -> tuple[transport.Answer | None, str]:
    endpoint, event = delivery.endpoint, delivery.event
    moment = timezone.now()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        "webhook-id": event.message_id,
        "webhook-timestamp": str(int(moment.timestamp())),
        "webhook-signature": signature(endpoint, event.message_id, moment, event.body),
    }
    try:
        target = egress.resolve(endpoint.url)
        return transport.post(target, event.body.encode(), headers), ""
    except egress.EgressRefused as exc:
        return None, f"Refused: {exc}"
    except Exception as exc:  # no answer: connection refused, timeout, TLS...
        return None, f"{type(exc).__name__}: {exc}"


def _next_delay(attempts: int) -> float | None:
    schedule = settings.WEBHOOK_RETRY_SCHEDULE
    if attempts > len(schedule):
        return None
    return schedule[attempts - 1] * random.uniform(0.8, 1.2)  # noqa: S311


def _record(delivery: Delivery, answer: transport.Answer | None, error: str) -> Outcome:
    now = timezone.now()
    fields: dict[str, Any] = {
        "response_status": answer.status if answer else None,
        "response_body": answer.body if answer else "",
        "duration_ms": answer.duration_ms if answer else None,
        "last_error": error[:500],
    }
    endpoint = delivery.endpoint
    if answer is not None and 200 <= answer.status < 300:
        fields.update(status=Delivery.Status.SUCCEEDED, succeeded_at=now, next_attempt_at=None)
        with transaction.atomic():
            _commit_without_waiting_for_disk()
            Delivery.objects.filter(pk=delivery.pk, attempts=delivery.attempts).update(**fields)
            if endpoint.failing_since is not None:
                Endpoint.objects.filter(pk=endpoint.pk).update(failing_since=None)
        return Outcome(Delivery.Status.SUCCEEDED)
    if answer is not None and not error:
        fields["last_error"] = f"HTTP {answer.status}"
    delay = _next_delay(delivery.attempts)
    if delay is None:
        fields.update(status=Delivery.Status.FAILED, next_attempt_at=None)
    else:
        fields.update(next_attempt_at=now + timedelta(seconds=delay))
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk, attempts=delivery.attempts).update(**fields)
        Endpoint.objects.filter(pk=endpoint.pk, failing_since__isnull=True).update(
            failing_since=now
        )
        _disable_if_failing_too_long(endpoint.pk, now)
    if delay is None:
        return Outcome(Delivery.Status.FAILED)
    # Short delays wait in the broker; longer ones are left to the beat job.
    near = delay <= settings.WEBHOOK_COUNTDOWN_MAX.total_seconds()
    return Outcome(Delivery.Status.PENDING, retry_in=delay if near else None)


def _disable_if_failing_too_long(endpoint_id: uuid.UUID, now: datetime) -> None:
    endpoint = (
        Endpoint.objects.select_for_update()
        .select_related("company")
        .filter(
            pk=endpoint_id,
            active=True,
            failing_since__lte=now - settings.WEBHOOK_DISABLE_AFTER,
        )
        .first()
    )
    if endpoint is None:
        return
    endpoint.active = False
    endpoint.disabled_at = now
    endpoint.save(update_fields=["active", "disabled_at"])
    Delivery.objects.filter(endpoint=endpoint, status=Delivery.Status.PENDING).update(
        status=Delivery.Status.FAILED,
        next_attempt_at=None,
        last_error="The webhook was turned off after failing for too long.",
    )
    activity_record(
        company=endpoint.company,
        actor=None,
        verb="webhook.disabled",
        message=gettext_noop("The webhook %(url)s was turned off: it failed for %(days)s days."),
        params={"url": endpoint.url, "days": settings.WEBHOOK_DISABLE_AFTER.days},
    )
    for admin in company_admins(company_id=endpoint.company_id):
        email_queue(
            to=admin.email,
            language=admin.language,
            template="webhook_disabled",
            context={
                "admin_name": admin.name,
                "company_name": endpoint.company.name,
                "url": endpoint.url,
                "since": endpoint.failing_since,
                "days": settings.WEBHOOK_DISABLE_AFTER.days,
                "path": reverse("webhook_detail", args=[endpoint.pk]),
            },
            topic="webhook_disabled",
            object_id=endpoint.pk,
        )
