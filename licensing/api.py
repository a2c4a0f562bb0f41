"""REST API of licensing: the catalogue, subscriptions and their assignments."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from companies.selectors import company_get
from licensing import selectors, services
from licensing.models import Subscription
from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.fields import documented, one_of
from rainbow_admin.api.input import validated
from rainbow_admin.api.pagination import PageNumberPagination, paginated
from rainbow_admin.permissions import SCOPE_LICENSING, require_manage, require_partner_scope


class OfferSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField()
    description = serializers.CharField()
    exclusive = serializers.BooleanField()
    free = serializers.BooleanField()


class ResellerSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class SubscriptionSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    company = serializers.UUIDField(source="company_id")
    offer = serializers.CharField(source="offer_id")
    offer_name = serializers.CharField(source="offer.name")
    quantity = serializers.IntegerField()
    assigned = serializers.IntegerField()
    available = serializers.IntegerField()
    billing = one_of(Subscription.Billing.choices)
    status = one_of(Subscription.Status.choices)
    is_default = serializers.BooleanField()
    purchase_order = serializers.CharField()
    reseller = ResellerSerializer(allow_null=True)
    created_at = serializers.DateTimeField()
    terminated_at = serializers.DateTimeField(allow_null=True)


class SubscriptionInputSerializer(serializers.Serializer):
    offer = serializers.CharField(max_length=32)
    quantity = serializers.IntegerField()
    billing = serializers.ChoiceField(
        choices=Subscription.Billing.choices, default=Subscription.Billing.MONTHLY
    )
    purchase_order = serializers.CharField(
        max_length=64, required=False, allow_blank=True, default=""
    )


class SubscriptionChangeSerializer(serializers.Serializer):
    quantity = serializers.IntegerField(required=False)
    purchase_order = serializers.CharField(max_length=64, required=False, allow_blank=True)


class HolderSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    email = serializers.EmailField()


class AssignmentSerializer(serializers.Serializer):
    user = HolderSerializer()
    assigned_at = serializers.DateTimeField()


class AssignmentsInputSerializer(serializers.Serializer):
    users = documented(
        serializers.ListField(child=serializers.CharField(), allow_empty=False, max_length=1000),
        {"type": "array", "items": {"type": "string", "format": "uuid"}, "minItems": 1},
    )


def _subscription_response(request: Request, subscription_id, http_status=status.HTTP_200_OK):
    subscription = selectors.subscription_get(actor=request.user, subscription_id=subscription_id)
    return Response(SubscriptionSerializer(subscription).data, status=http_status)


class OffersView(APIView):
    @extend_schema(responses=OfferSerializer(many=True))
    def get(self, request: Request) -> Response:
        return Response(OfferSerializer(selectors.offers_list(), many=True).data)


class CompanySubscriptionsView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=SubscriptionSerializer(many=True))
    def get(self, request: Request, company_id: str) -> Response:
        company = company_get(actor=request.user, company_id=parse_uuid(company_id))
        subscriptions = selectors.subscriptions_list(actor=request.user, company=company)
        return paginated(request, subscriptions, SubscriptionSerializer, self)

    @extend_schema(request=SubscriptionInputSerializer, responses={201: SubscriptionSerializer})
    def post(self, request: Request, company_id: str) -> Response:
        company = company_get(actor=request.user, company_id=parse_uuid(company_id))
        # Permission before validation: others learn nothing from the body's errors.
        require_partner_scope(request.user, company, SCOPE_LICENSING)
        data = validated(SubscriptionInputSerializer, request)
        subscription = services.subscription_create(actor=request.user, company=company, **data)
        return _subscription_response(request, subscription.pk, status.HTTP_201_CREATED)


class SubscriptionDetailView(APIView):
    @extend_schema(responses=SubscriptionSerializer)
    def get(self, request: Request, subscription_id: str) -> Response:
        return _subscription_response(request, parse_uuid(subscription_id))

    @extend_schema(request=SubscriptionChangeSerializer, responses=SubscriptionSerializer)
    def patch(self, request: Request, subscription_id: str) -> Response:
        subscription = selectors.subscription_get(
            actor=request.user, subscription_id=parse_uuid(subscription_id)
        )
        require_partner_scope(request.user, subscription.company, SCOPE_LICENSING)
        data = validated(SubscriptionChangeSerializer, request)
        services.subscription_change(actor=request.user, subscription_id=subscription.pk, **data)
        return _subscription_response(request, subscription.pk)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, subscription_id: str) -> Response:
        subscription = selectors.subscription_get(
            actor=request.user, subscription_id=parse_uuid(subscription_id)
        )
        services.subscription_terminate(actor=request.user, subscription_id=subscription.pk)
        return Response(status=status.HTTP_204_NO_CONTENT)


class SubscriptionDefaultView(APIView):
    @extend_schema(request=None, responses=SubscriptionSerializer)
    def post(self, request: Request, subscription_id: str) -> Response:
        subscription = selectors.subscription_get(
            actor=request.user, subscription_id=parse_uuid(subscription_id)
        )
        services.subscription_make_default(actor=request.user, subscription_id=subscription.pk)
        return _subscription_response(request, subscription.pk)


class AssignmentsView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=AssignmentSerializer(many=True))
    def get(self, request: Request, subscription_id: str) -> Response:
        subscription = selectors.subscription_get(
            actor=request.user, subscription_id=parse_uuid(subscription_id)
        )
        assignments = selectors.assignments_list(actor=request.user, subscription=subscription)
        return paginated(request, assignments, AssignmentSerializer, self)

    @extend_schema(
        request=AssignmentsInputSerializer,
        responses={201: inline_serializer("Assigned", {"assigned": serializers.IntegerField()})},
    )
    def post(self, request: Request, subscription_id: str) -> Response:
        subscription = selectors.subscription_get(
            actor=request.user, subscription_id=parse_uuid(subscription_id)
        )
        require_manage(request.user, subscription.company)
        data = validated(AssignmentsInputSerializer, request)
        rows = services.assignments_add(
            actor=request.user, subscription_id=subscription.pk, user_ids=data["users"]
        )
        return Response({"assigned": len(rows)}, status=status.HTTP_201_CREATED)


class AssignmentDetailView(APIView):
    @extend_schema(responses={204: None})
    def delete(self, request: Request, subscription_id: str, user_id: str) -> Response:
        subscription = selectors.subscription_get(
            actor=request.user, subscription_id=parse_uuid(subscription_id)
        )
        services.assignments_remove(
            actor=request.user,
            subscription_id=subscription.pk,
            user_ids=[parse_uuid(user_id, field="user_id")],
        )
        return Response(status=status.HTTP_204_NO_CONTENT)
