"""PBX declarations and member lines."""

from __future__ import annotations

import uuid
from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from companies.selectors import company_get
from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.fields import one_of, uuid_string
from rainbow_admin.api.pagination import PageNumberPagination, paginated
from telephony import selectors
from telephony.access import require_pbx_declare
from telephony.api.nested import PbxResource, body, pbx_for
from telephony.models import Pbx
from telephony.services import pbx as services


class RefSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()


class PbxSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    company = serializers.UUIDField(source="company_id")
    kind = one_of(Pbx.Kind.choices)
    name = serializers.CharField()
    country = serializers.CharField(source="country.code")
    status = one_of(Pbx.Status.choices)
    declared_by = RefSerializer(allow_null=True)
    declared_by_company = RefSerializer(allow_null=True)
    created_at = serializers.DateTimeField()
    extension_prefix = serializers.CharField()
    extension_digits = serializers.IntegerField(allow_null=True)
    first_extension = serializers.CharField()
    last_extension = serializers.CharField()
    language = serializers.CharField()
    time_zone = serializers.CharField()
    system_id = serializers.CharField()
    version = serializers.CharField()
    call_server = serializers.CharField()
    sip_domain = serializers.CharField()


class PbxInputSerializer(serializers.Serializer):
    kind = one_of(Pbx.Kind.choices)
    name = serializers.CharField(max_length=100)
    country = serializers.CharField(max_length=2)
    extension_prefix = serializers.CharField(required=False, allow_blank=True)
    extension_digits = serializers.IntegerField(required=False, allow_null=True)
    language = serializers.CharField(required=False)
    time_zone = serializers.CharField(required=False)
    system_id = serializers.CharField(required=False, allow_blank=True)
    version = serializers.CharField(required=False, allow_blank=True)
    call_server = serializers.CharField(required=False, allow_blank=True)
    sip_domain = serializers.CharField(required=False, allow_blank=True)


class PbxPatchSerializer(PbxInputSerializer):
    kind = one_of(Pbx.Kind.choices, serializers.CharField(required=False))
    name = serializers.CharField(max_length=100, required=False)
    country = serializers.CharField(max_length=2, required=False)
    status = one_of(Pbx.Status.choices, serializers.CharField(required=False))


class LineSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    pbx = serializers.UUIDField(source="pbx_id")
    user = serializers.UUIDField(source="user_id")
    user_name = serializers.CharField(source="user.name")
    extension = serializers.CharField()
    public_number = serializers.CharField(allow_blank=True)


class LineInputSerializer(serializers.Serializer):
    user = uuid_string()
    extension = serializers.CharField(max_length=10)
    public_number = serializers.CharField(required=False, allow_blank=True, allow_null=True)


class LinePatchSerializer(serializers.Serializer):
    extension = serializers.CharField(max_length=10, required=False)
    public_number = serializers.CharField(required=False, allow_blank=True, allow_null=True)


class CompanyPbxsView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=PbxSerializer(many=True))
    def get(self, request: Request, company_id: str) -> Response:
        company = company_get(actor=request.user, company_id=parse_uuid(company_id))
        return paginated(
            request, selectors.pbx_list(actor=request.user, company=company), PbxSerializer, self
        )

    @extend_schema(request=PbxInputSerializer, responses={201: PbxSerializer})
    def post(self, request: Request, company_id: str) -> Response:
        company = company_get(actor=request.user, company_id=parse_uuid(company_id))
        require_pbx_declare(request.user, company)
        pbx = services.pbx_declare(
            actor=request.user, company=company, **body(PbxInputSerializer, request)
        )
        return Response(PbxSerializer(pbx).data, status=status.HTTP_201_CREATED)


class PbxView(APIView):
    @extend_schema(responses=PbxSerializer)
    def get(self, request: Request, pbx_id: str) -> Response:
        return Response(PbxSerializer(pbx_for(request, pbx_id)).data)

    @extend_schema(request=PbxPatchSerializer, responses=PbxSerializer)
    def patch(self, request: Request, pbx_id: str) -> Response:
        pbx = pbx_for(request, pbx_id)
        require_pbx_declare(request.user, pbx.company)
        pbx = services.pbx_update(
            actor=request.user, pbx=pbx, data=body(PbxPatchSerializer, request, partial=True)
        )
        return Response(PbxSerializer(pbx).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pbx_id: str) -> Response:
        services.pbx_remove(actor=request.user, pbx=pbx_for(request, pbx_id))
        return Response(status=status.HTTP_204_NO_CONTENT)


class Lines(PbxResource):
    serializer_class = LineSerializer
    update_serializer_class = LinePatchSerializer
    item_kwarg = "line_id"

    def get_list(self, pbx: Pbx) -> Any:
        return selectors.lines_list(pbx=pbx)

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        return selectors.line_get(pbx=pbx, line_id=item_id)

    @extend_schema(request=LineInputSerializer, responses={201: LineSerializer})
    def create(self, request: Request, pbx_id: str) -> Response:
        pbx = self.pbx
        data = self.body(LineInputSerializer)
        line = services.line_create(
            actor=request.user,
            pbx=pbx,
            user_id=parse_uuid(data["user"], field="user"),
            extension=data["extension"],
            public_number=data.get("public_number"),
        )
        return self.answer(line, status.HTTP_201_CREATED)

    def perform_update(self, pbx: Pbx, obj: Any, data: dict) -> Any:
        return services.line_update(actor=self.request.user, line=obj, data=data)

    def perform_destroy(self, obj: Any) -> None:
        services.line_free(actor=self.request.user, line=obj)
