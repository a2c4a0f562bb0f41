"""The event types of DESIGN.md, and ``event_record``, which the domain services call.

This module imports nothing of the portal beyond this app's models, so every app may import it
(as they do ``notifications``) without joining an import cycle.
"""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Iterable
from typing import Any

from celery import current_app
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from rest_framework import serializers

from webhooks import payloads
from webhooks.models import Delivery, Endpoint, Event

logger = logging.getLogger(__name__)

DELIVER_TASK = "webhooks.tasks.deliver_task"

ALL = "*"

# type → (description, data serializer)
EVENT_TYPES: dict[str, tuple[str, type[serializers.Serializer]]] = {
    "ping": ("A test event sent on request (Ping) to one endpoint.", payloads.PingEvent),
    "invitation.sent": ("A partner request was sent (to both sides).", payloads.InvitationEvent),
    "invitation.accepted": ("A partner request was accepted.", payloads.InvitationEvent),
    "invitation.declined": ("A partner request was declined.", payloads.InvitationEvent),
    "invitation.cancelled": ("A partner request was cancelled.", payloads.InvitationEvent),
    "invitation.expired": ("A partner request expired unanswered.", payloads.InvitationEvent),
    "partner.linked": ("A company and its new partner are linked.", payloads.PartnerEvent),
    "partner.unlinked": (
        "A partnership ended (removed, dropped, or replaced by another partner).",
        payloads.PartnerEvent,
    ),
    "partner.scopes_changed": (
        "The company changed what its partner may manage.",
        payloads.PartnerEvent,
    ),
    "subscription.created": (
        "Licenses were subscribed for the company (sent to it and to its reseller).",
        payloads.SubscriptionEvent,
    ),
    "subscription.updated": ("A subscription's quantity changed.", payloads.SubscriptionEvent),
    "subscription.terminated": ("A subscription was terminated.", payloads.SubscriptionEvent),
    "license.assigned": ("Members received licenses of a subscription.", payloads.LicenseEvent),
    "license.unassigned": (
        "Licenses were taken back from members (or freed by a deactivation).",
        payloads.LicenseEvent,
    ),
    "member.added": ("A person was added to the company.", payloads.MemberEvent),
    "member.deactivated": ("A member was deactivated.", payloads.MemberEvent),
    "pbx.declared": ("A PBX was declared for the company.", payloads.PbxEvent),
    "pbx.updated": ("A PBX was changed.", payloads.PbxEvent),
    "pbx.removed": ("A PBX was removed.", payloads.PbxEvent),
}

# What an endpoint may subscribe to (``ping`` always reaches the endpoint pinged).
SUBSCRIBABLE = [name for name in EVENT_TYPES if name != "ping"]


def event_record(*, company: Any, type: str, data: dict[str, Any]) -> list[Delivery]:
    """Record that ``type`` happened to ``company`` (a company or several, e.g. both sides of a
    partner request), for each of their active endpoints that subscribed to it.

    Call it inside the transaction of the change: the event is written with it (or not at all)
    and its deliveries are handed to the worker after the commit. One query when no endpoint
    wants it.
    """
    companies = list(company) if isinstance(company, list | tuple) else [company]
    ids = list(dict.fromkeys(c.pk for c in companies if c is not None))
    endpoints = [
        endpoint
        for endpoint in Endpoint.objects.filter(company_id__in=ids, active=True)
        if endpoint.wants(type)
    ]
    if not endpoints:
        return []
    return write_deliveries(endpoints, type, data)


def write_deliveries(endpoints: list[Endpoint], type: str, data: dict[str, Any]) -> list[Delivery]:
    now = timezone.now()
    events: dict[uuid.UUID, Event] = {}
    for company_id in dict.fromkeys(endpoint.company_id for endpoint in endpoints):
        body = json.dumps(
            {"type": type, "timestamp": now.isoformat(), "data": data},
            cls=DjangoJSONEncoder,
            ensure_ascii=False,
            separators=(",", ":"),
        )
        events[company_id] = Event(company_id=company_id, type=type, body=body, created_at=now)
    Event.objects.bulk_create(events.values())
    deliveries = Delivery.objects.bulk_create(
        Delivery(
            endpoint=endpoint,
            event=events[endpoint.company_id],
            next_attempt_at=now,
            created_at=now,
        )
        for endpoint in endpoints
    )
    ids = [(delivery.pk, delivery.endpoint_id) for delivery in deliveries]
    transaction.on_commit(lambda: queue_deliveries(ids))
    return deliveries


def queue_deliveries(deliveries: Iterable[tuple[uuid.UUID, uuid.UUID]]) -> None:
    """Hand deliveries (``(delivery id, endpoint id)``) to the worker, by task name: this module
    does not import the task's. If the broker is unreachable they stay pending and the beat job
    queues them again."""
    eager = current_app.conf.task_always_eager
    if eager:  # the embedded default: run in-process, as ``delay`` would
        current_app.loader.import_default_modules()
    for delivery_id, endpoint_id in deliveries:
        args = [str(delivery_id), str(endpoint_id)]
        try:
            if eager:
                current_app.tasks[DELIVER_TASK].apply(args=args)
            else:
                current_app.send_task(DELIVER_TASK, args=args)
        except Exception:
            logger.warning("Could not queue delivery %s; beat will", delivery_id, exc_info=True)
