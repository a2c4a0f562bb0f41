"""REST API of member imports and the members export."""

from __future__ import annotations

from django.http import StreamingHttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from companies.selectors import company_get
from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.fields import one_of
from rainbow_admin.api.input import validated
from rainbow_admin.members import services
from rainbow_admin.models import MemberImport
from rainbow_admin.permissions import require_manage


class MemberImportErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    field = serializers.CharField()
    message = serializers.CharField()


class MemberImportSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    file_name = serializers.CharField()
    status = one_of(MemberImport.Status.choices)
    send_invitations = serializers.BooleanField()
    total = serializers.IntegerField()
    processed = serializers.IntegerField()
    created = serializers.IntegerField()
    errors = MemberImportErrorSerializer(many=True)
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)


class MemberImportInputSerializer(serializers.Serializer):
    content = serializers.CharField(trim_whitespace=False)
    send_invitations = serializers.BooleanField(required=False, default=True)
    file_name = serializers.CharField(max_length=200, required=False, default="members.csv")


class MemberImportsView(APIView):
    error_fields = {"file": "content"}  # the CSV checks name the page's file input

    @extend_schema(request=MemberImportInputSerializer, responses={202: MemberImportSerializer})
    def post(self, request: Request, company_id: str) -> Response:
        """Start importing a CSV of people (header ``email,name`` and optionally ``role``,
        ``language``, ``offer``, ``extension``); poll the import for its progress."""
        company = company_get(actor=request.user, company_id=parse_uuid(company_id))
        require_manage(request.user, company)
        data = validated(MemberImportInputSerializer, request)
        job = services.member_import_prepare(
            actor=request.user,
            company=company,
            file_name=data["file_name"],
            data=data["content"].encode(),
            send_invitations=data["send_invitations"],
        )
        job = services.member_import_start(actor=request.user, job=job)
        return Response(MemberImportSerializer(job).data, status=status.HTTP_202_ACCEPTED)


class MemberImportView(APIView):
    @extend_schema(responses=MemberImportSerializer)
    def get(self, request: Request, item_id: str) -> Response:
        job = services.member_import_get(actor=request.user, import_id=parse_uuid(item_id))
        return Response(MemberImportSerializer(job).data)


def csv_response(lines, file_name: str) -> StreamingHttpResponse:
    response = StreamingHttpResponse(lines, content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{file_name}"'
    return response


class MembersExportView(APIView):
    @extend_schema(
        responses={(200, "text/csv"): OpenApiResponse(OpenApiTypes.STR, description="members.csv")}
    )
    def get(self, request: Request, company_id: str) -> StreamingHttpResponse:
        """The company's people: ``email,name,role,language,active,licenses,extension``."""
        company = company_get(actor=request.user, company_id=parse_uuid(company_id))
        lines = services.members_export_lines(actor=request.user, company=company)
        return csv_response(lines, "members.csv")
