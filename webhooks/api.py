"""REST API of webhook endpoints and their deliveries (DESIGN.md "More of the contract")."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rainbow_admin.api.fields import one_of
from rainbow_admin.api.input import validated
from rainbow_admin.api.pagination import PageNumberPagination, paginated
from webhooks import selectors, services
from webhooks.events import ALL, EVENT_TYPES, SUBSCRIBABLE

EVENT_CHOICES = [ALL, *SUBSCRIBABLE]


class EndpointSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    url = serializers.URLField()
    events = serializers.ListField(child=serializers.ChoiceField(choices=EVENT_CHOICES))
    description = serializers.CharField()
    active = serializers.BooleanField()
    disabled_at = serializers.DateTimeField(
        allow_null=True, help_text="When it was turned off for failing too long, if it was."
    )
    created_at = serializers.DateTimeField()
    updated_at = serializers.DateTimeField()


class EndpointWithSecretSerializer(EndpointSerializer):
    secret = serializers.CharField(
        help_text="`whsec_` + base64 of the signing key. Shown in this answer only: keep it."
    )


class EndpointInputSerializer(serializers.Serializer):
    url = serializers.CharField(max_length=500)
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=EVENT_CHOICES), allow_empty=False
    )
    description = serializers.CharField(
        required=False, allow_blank=True, max_length=200, default=""
    )


class EndpointPatchSerializer(serializers.Serializer):
    url = serializers.CharField(required=False, max_length=500)
    events = serializers.ListField(
        child=serializers.ChoiceField(choices=EVENT_CHOICES), allow_empty=False, required=False
    )
    description = serializers.CharField(required=False, allow_blank=True, max_length=200)
    active = serializers.BooleanField(required=False)


class DeliverySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    message_id = serializers.CharField(
        source="event.message_id", help_text="The `webhook-id` header, the same on every attempt."
    )
    event_type = one_of(list(EVENT_TYPES), serializers.CharField(source="event.type"))
    status = serializers.ChoiceField(choices=["pending", "succeeded", "failed"])
    attempts = serializers.IntegerField()
    response_status = serializers.IntegerField(allow_null=True)
    response_body = serializers.CharField(help_text="The first 1 KB of the last answer.")
    duration_ms = serializers.IntegerField(allow_null=True)
    last_error = serializers.CharField()
    created_at = serializers.DateTimeField()
    last_attempt_at = serializers.DateTimeField(allow_null=True)
    next_attempt_at = serializers.DateTimeField(allow_null=True)


class WebhooksView(APIView):
    pagination_class = PageNumberPagination

    @extend_schema(responses=EndpointSerializer(many=True))
    def get(self, request: Request) -> Response:
        return paginated(
            request, selectors.endpoints_for(actor=request.user), EndpointSerializer, self
        )

    @extend_schema(request=EndpointInputSerializer, responses={201: EndpointWithSecretSerializer})
    def post(self, request: Request) -> Response:
        selectors.webhooks_company(actor=request.user)  # members: 403 before any input check
        data = validated(EndpointInputSerializer, request)
        endpoint = services.endpoint_create(actor=request.user, **data)
        return Response(EndpointWithSecretSerializer(endpoint).data, status=status.HTTP_201_CREATED)


class WebhookView(APIView):
    @extend_schema(responses=EndpointSerializer)
    def get(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(actor=request.user, endpoint_id=webhook_id)
        return Response(EndpointSerializer(endpoint).data)

    @extend_schema(request=EndpointPatchSerializer, responses=EndpointSerializer)
    def patch(self, request: Request, webhook_id: str) -> Response:
        selectors.endpoint_get(actor=request.user, endpoint_id=webhook_id)
        data = validated(EndpointPatchSerializer, request)
        endpoint = services.endpoint_update(actor=request.user, endpoint_id=webhook_id, data=data)
        return Response(EndpointSerializer(endpoint).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, webhook_id: str) -> Response:
        services.endpoint_delete(actor=request.user, endpoint_id=webhook_id)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookPingView(APIView):
    @extend_schema(request=None, responses={202: DeliverySerializer})
    def post(self, request: Request, webhook_id: str) -> Response:
        delivery = services.endpoint_ping(actor=request.user, endpoint_id=webhook_id)
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)


class WebhookRotateSecretView(APIView):
    @extend_schema(
        request=None,
        responses=EndpointWithSecretSerializer,
        description="A new secret (shown once); the old one stays valid for 24 hours and both "
        "signatures are sent meanwhile.",
    )
    def post(self, request: Request, webhook_id: str) -> Response:
        endpoint = services.endpoint_rotate_secret(actor=request.user, endpoint_id=webhook_id)
        return Response(EndpointWithSecretSerializer(endpoint).data)


class DeliveriesView(APIView):
    pagination_class = PageNumberPagination

    @extend_schema(responses=DeliverySerializer(many=True))
    def get(self, request: Request, webhook_id: str) -> Response:
        endpoint = selectors.endpoint_get(actor=request.user, endpoint_id=webhook_id)
        return paginated(
            request, selectors.deliveries_for(endpoint=endpoint), DeliverySerializer, self
        )


class RedeliverView(APIView):
    @extend_schema(request=None, responses={202: DeliverySerializer})
    def post(self, request: Request, webhook_id: str, delivery_id: str) -> Response:
        delivery = services.delivery_redeliver(
            actor=request.user, endpoint_id=webhook_id, delivery_id=delivery_id
        )
        return Response(DeliverySerializer(delivery).data, status=status.HTTP_202_ACCEPTED)
