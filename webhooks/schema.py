"""The OpenAPI document's ``webhooks`` section: one entry per event type, with its payload.

A drf-spectacular postprocessing hook (``SPECTACULAR_SETTINGS["POSTPROCESSING_HOOKS"]``) builds
them from ``webhooks.events.EVENT_TYPES``, so a new event type is documented when it is added.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.plumbing import process_webhooks
from drf_spectacular.utils import OpenApiResponse, OpenApiWebhook, extend_schema
from rest_framework import serializers

from webhooks.events import EVENT_TYPES

HEADERS = (
    "Sent as a POST of JSON, signed as the Standard Webhooks specification says: headers "
    "`webhook-id` (the same on every retry of this message), `webhook-timestamp` (seconds) and "
    "`webhook-signature` (`v1,` + base64 HMAC-SHA256 of `id.timestamp.body` with the endpoint's "
    "secret; two signatures, space-separated, for 24 hours after a secret rotation). Answer "
    "2xx within 10 seconds; anything else is retried for at least 24 hours."
)


def _envelope(event_type: str, data: type[serializers.Serializer]) -> serializers.Serializer:
    name = "".join(part.title() for part in event_type.replace("_", ".").split(".")) + "Webhook"
    fields = {
        "type": serializers.ChoiceField(choices=[event_type]),
        "timestamp": serializers.DateTimeField(help_text="When it happened."),
        "data": data(),
        "Meta": type("Meta", (), {"ref_name": name}),
    }
    return type(name, (serializers.Serializer,), fields)()


def webhooks() -> list[OpenApiWebhook]:
    return [
        OpenApiWebhook(
            name=event_type,
            decorator=extend_schema(
                summary=description,
                description=HEADERS,
                request=_envelope(event_type, data),
                responses={200: OpenApiResponse(description="Received (any 2xx).")},
            ),
        )
        for event_type, (description, data) in EVENT_TYPES.items()
    ]


def add_webhooks(result: dict[str, Any], generator, request, public) -> dict[str, Any]:
    """drf-spectacular postprocessing hook: the ``webhooks`` section and its components."""
    registry = generator.registry
    result["webhooks"] = process_webhooks(webhooks(), registry)
    schemas = result.setdefault("components", {}).setdefault("schemas", {})
    for name, schema in registry.build({}).get("schemas", {}).items():
        schemas.setdefault(name, schema)
    return result
