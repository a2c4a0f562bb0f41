from django.core.exceptions import ObjectDoesNotExist
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from notifications import selectors, services
from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.pagination import PageNumberPagination, paginated
from rainbow_admin.errors import NotFound
from rainbow_admin.permissions import require_manage


class NotificationSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    text = serializers.CharField()
    url = serializers.CharField()
    count = serializers.IntegerField(help_text="How many times the actor did it (folded repeats).")
    created_at = serializers.DateTimeField()
    read_at = serializers.DateTimeField(allow_null=True)


class ActivitySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    verb = serializers.CharField()
    text = serializers.CharField()
    actor_name = serializers.CharField()
    actor_company_name = serializers.CharField()
    created_at = serializers.DateTimeField()


class NotificationsView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=NotificationSerializer(many=True))
    def get(self, request: Request) -> Response:
        return paginated(
            request, selectors.notifications_for(user=request.user), NotificationSerializer, self
        )


class NotificationReadView(APIView):
    @extend_schema(request=None, responses=NotificationSerializer)
    def post(self, request: Request, notification_id: str) -> Response:
        try:
            notification = services.notification_mark_read(
                user=request.user, notification_id=parse_uuid(notification_id)
            )
        except ObjectDoesNotExist:
            raise NotFound(_("Not found."), code="not_found") from None
        return Response(NotificationSerializer(notification).data)


class NotificationsReadAllView(APIView):
    @extend_schema(
        request=None, responses=inline_serializer("ReadAll", {"marked": serializers.IntegerField()})
    )
    def post(self, request: Request) -> Response:
        return Response({"marked": services.notifications_mark_all_read(user=request.user)})


class ActivityView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=ActivitySerializer(many=True))
    def get(self, request: Request) -> Response:
        company = request.user.company
        if company is None:
            raise NotFound(_("Not found."), code="not_found")
        require_manage(request.user, company)
        return paginated(request, selectors.activity_for(company=company), ActivitySerializer, self)
