"""Cloud PBX resources: devices (and CSV imports), public numbers, hunt groups, Welcome
Services, Automated Attendants, emergency numbers. Another kind of PBX answers 409."""

from __future__ import annotations

from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.parsers import MultiPartParser
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.pagination import PageNumberPagination, paginated
from telephony import selectors
from telephony.access import require_telephony
from telephony.api.pbx import body, pbx_for
from telephony.models import Device, HuntGroup, Pbx
from telephony.services import devices as device_services
from telephony.services import features as feature_services
from telephony.services import numbers as number_services
from telephony.services.common import require_cloud
from telephony.services.features import is_open


def cloud_pbx_for(request: Request, pbx_id: str) -> Pbx:
    pbx = pbx_for(request, pbx_id)
    require_cloud(pbx)
    return pbx


def _ref(obj: Any) -> dict | None:
    return {"id": obj.pk, "name": str(obj)} if obj is not None else None


# --- serializers ----------------------------------------------------------------------------


class DeviceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = serializers.CharField()
    identifier = serializers.CharField(source="display_identifier")
    model = serializers.CharField()
    line = serializers.UUIDField(source="line_id", allow_null=True)
    member = serializers.SerializerMethodField()

    def get_member(self, device: Device) -> str | None:
        return str(device.line.user_id) if device.line_id else None


class DeviceInputSerializer(serializers.Serializer):
    kind = serializers.CharField(help_text="ale_desk, dect or sip")
    identifier = serializers.CharField(max_length=40)
    model = serializers.CharField(max_length=60, required=False, allow_blank=True)
    line = serializers.UUIDField(required=False, allow_null=True)


class DevicePatchSerializer(serializers.Serializer):
    line = serializers.UUIDField(allow_null=True)


class DeviceImportSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    file_name = serializers.CharField()
    status = serializers.CharField()
    total = serializers.IntegerField()
    processed = serializers.IntegerField()
    imported = serializers.IntegerField()
    errors = serializers.JSONField()
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)


class DeviceImportInputSerializer(serializers.Serializer):
    file_name = serializers.CharField(max_length=200, required=False, default="devices.csv")
    content = serializers.CharField(trim_whitespace=False)


class PublicNumberSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    number = serializers.CharField()
    is_company_number = serializers.BooleanField()
    destination = serializers.CharField()
    target = serializers.SerializerMethodField()

    def get_target(self, number) -> dict | None:
        return _ref(number.target)


class NumbersInputSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=30)
    count = serializers.IntegerField(required=False, default=1)


class NumberPatchSerializer(serializers.Serializer):
    destination = serializers.CharField(required=False, allow_blank=True)
    target = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    is_company_number = serializers.BooleanField(required=False)


class HuntGroupSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    extension = serializers.CharField()
    policy = serializers.CharField()
    ring_timeout = serializers.IntegerField()
    members = serializers.SerializerMethodField()

    def get_members(self, group: HuntGroup) -> list[str]:
        return [str(m.line.user_id) for m in group.memberships.all()]


class HuntGroupInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    extension = serializers.CharField(max_length=10, required=False, allow_blank=True)
    policy = serializers.CharField()
    ring_timeout = serializers.IntegerField(required=False, default=20)
    members = serializers.ListField(child=serializers.UUIDField(), required=False, default=list)


class WelcomeServiceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    public_number = serializers.SerializerMethodField()
    open_destination = serializers.SerializerMethodField()
    closed_destination = serializers.SerializerMethodField()
    hours = serializers.SerializerMethodField()
    exceptions = serializers.SerializerMethodField()
    open_now = serializers.SerializerMethodField()
    greeting_open = serializers.SerializerMethodField()
    greeting_closed = serializers.SerializerMethodField()

    def get_public_number(self, service) -> str | None:
        numbers = list(service.numbers.all())
        return numbers[0].number if numbers else None

    def get_open_destination(self, service) -> str:
        return service.open_value

    def get_closed_destination(self, service) -> str:
        return service.closed_value

    def get_hours(self, service) -> list[dict]:
        return [
            {
                "weekday": h.weekday,
                "opens": h.opens.strftime("%H:%M"),
                "closes": h.closes.strftime("%H:%M"),
            }
            for h in service.hours.all()
        ]

    def get_exceptions(self, service) -> list[dict]:
        return [
            {
                "date": e.date.isoformat(),
                "opens": e.opens.strftime("%H:%M") if e.opens else None,
                "closes": e.closes.strftime("%H:%M") if e.closes else None,
                "description": e.description,
            }
            for e in service.exceptions.all()
        ]

    def get_open_now(self, service) -> bool:
        return is_open(service, timezone.now())

    def get_greeting_open(self, service) -> bool:
        return bool(service.greeting_open)

    def get_greeting_closed(self, service) -> bool:
        return bool(service.greeting_closed)


class WelcomeServiceInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, required=False)
    public_number = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    open_member = serializers.UUIDField(required=False, allow_null=True)
    open_hunt_group = serializers.UUIDField(required=False, allow_null=True)
    closed_member = serializers.UUIDField(required=False, allow_null=True)
    closed_hunt_group = serializers.UUIDField(required=False, allow_null=True)
    hours = serializers.ListField(child=serializers.DictField(), required=False)
    exceptions = serializers.ListField(child=serializers.DictField(), required=False)


class AttendantSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    dial_by_extension = serializers.BooleanField()
    public_number = serializers.SerializerMethodField()
    keys = serializers.SerializerMethodField()
    prompt = serializers.SerializerMethodField()

    def get_public_number(self, attendant) -> str | None:
        numbers = list(attendant.numbers.all())
        return numbers[0].number if numbers else None

    def get_keys(self, attendant) -> list[dict]:
        return [
            {
                "menu": k.menu,
                "digit": k.digit,
                "action": k.action,
                "member": str(k.line.user_id) if k.line_id else None,
                "hunt_group": str(k.hunt_group_id) if k.hunt_group_id else None,
            }
            for k in attendant.keys.all()
        ]

    def get_prompt(self, attendant) -> bool:
        return bool(attendant.prompt)


class AttendantInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, required=False)
    dial_by_extension = serializers.BooleanField(required=False)
    public_number = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    keys = serializers.ListField(child=serializers.DictField(), required=False)


class EmergencySerializer(serializers.Serializer):
    id = serializers.UUIDField()
    country = serializers.CharField(source="country.code")
    number = serializers.CharField()
    description = serializers.CharField()
    softphone_allowed = serializers.BooleanField()
    hunt_group = serializers.UUIDField(source="hunt_group_id", allow_null=True)


class EmergencyInputSerializer(serializers.Serializer):
    country = serializers.CharField(max_length=2)
    number = serializers.CharField(max_length=10)
    description = serializers.CharField(max_length=120, required=False, allow_blank=True)
    softphone_allowed = serializers.BooleanField(required=False, default=True)
    hunt_group = serializers.UUIDField(required=False, allow_null=True)


class EmergencyPatchSerializer(serializers.Serializer):
    description = serializers.CharField(max_length=120, required=False, allow_blank=True)
    softphone_allowed = serializers.BooleanField(required=False)
    hunt_group = serializers.UUIDField(required=False, allow_null=True)


# --- views ----------------------------------------------------------------------------------


class DevicesView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=DeviceSerializer(many=True))
    def get(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        return paginated(request, selectors.devices_list(pbx=pbx), DeviceSerializer, self)

    @extend_schema(request=DeviceInputSerializer, responses={201: DeviceSerializer})
    def post(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        data = body(DeviceInputSerializer, request)
        device = device_services.device_add(
            actor=request.user,
            pbx=pbx,
            kind=data["kind"],
            identifier=data["identifier"],
            model=data.get("model", ""),
            line_id=data.get("line"),
        )
        return Response(DeviceSerializer(device).data, status=status.HTTP_201_CREATED)


class DeviceView(APIView):
    @extend_schema(responses=DeviceSerializer)
    def get(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        return Response(
            DeviceSerializer(selectors.device_get(pbx=pbx, device_id=parse_uuid(item_id))).data
        )

    @extend_schema(request=DevicePatchSerializer, responses=DeviceSerializer)
    def patch(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        device = selectors.device_get(pbx=pbx, device_id=parse_uuid(item_id))
        data = body(DevicePatchSerializer, request)
        device = device_services.device_assign(
            actor=request.user, device=device, line_id=data["line"]
        )
        return Response(DeviceSerializer(device).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        device = selectors.device_get(pbx=pbx, device_id=parse_uuid(item_id))
        device_services.device_remove(actor=request.user, device=device)
        return Response(status=status.HTTP_204_NO_CONTENT)


class DeviceImportsView(APIView):
    @extend_schema(request=DeviceImportInputSerializer, responses={201: DeviceImportSerializer})
    def post(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        require_telephony(request.user, pbx.company)
        data = body(DeviceImportInputSerializer, request)
        job = device_services.device_import_start(
            actor=request.user, pbx=pbx, file_name=data["file_name"], data=data["content"].encode()
        )
        return Response(DeviceImportSerializer(job).data, status=status.HTTP_201_CREATED)


class DeviceImportView(APIView):
    @extend_schema(responses=DeviceImportSerializer)
    def get(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        job = selectors.device_import_get(pbx=pbx, import_id=parse_uuid(item_id))
        return Response(DeviceImportSerializer(job).data)


class NumbersView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=PublicNumberSerializer(many=True))
    def get(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        return paginated(
            request, selectors.public_numbers_list(pbx=pbx), PublicNumberSerializer, self
        )

    @extend_schema(
        request=NumbersInputSerializer, responses={201: PublicNumberSerializer(many=True)}
    )
    def post(self, request: Request, pbx_id: str) -> Response:
        """One number, or ``count`` consecutive numbers from ``number``: the numbers added."""
        pbx = cloud_pbx_for(request, pbx_id)
        require_telephony(request.user, pbx.company)
        data = body(NumbersInputSerializer, request)
        created = number_services.numbers_add(
            actor=request.user, pbx=pbx, number=data["number"], count=data["count"]
        )
        return Response(
            {"count": len(created), "results": PublicNumberSerializer(created, many=True).data},
            status=status.HTTP_201_CREATED,
        )


class NumberView(APIView):
    def _get(self, request: Request, pbx_id: str, item_id: str):
        pbx = cloud_pbx_for(request, pbx_id)
        number = selectors.public_number_get(pbx=pbx, number_id=parse_uuid(item_id))
        return selectors.public_numbers_list(pbx=pbx).get(pk=number.pk)

    @extend_schema(responses=PublicNumberSerializer)
    def get(self, request: Request, pbx_id: str, item_id: str) -> Response:
        return Response(PublicNumberSerializer(self._get(request, pbx_id, item_id)).data)

    @extend_schema(request=NumberPatchSerializer, responses=PublicNumberSerializer)
    def patch(self, request: Request, pbx_id: str, item_id: str) -> Response:
        """Route the number: ``destination`` member (``target`` = user id), hunt_group,
        auto_attendant or welcome_service (``target`` = its id), or "" for none."""
        number = self._get(request, pbx_id, item_id)
        require_telephony(request.user, number.pbx.company)
        data = body(NumberPatchSerializer, request)
        if "destination" in data:
            target = data.get("target")
            if data["destination"] == "member" and target:
                line = (
                    selectors.lines_list(pbx=number.pbx)
                    .filter(user_id=parse_uuid(target, field="target"))
                    .first()
                )
                target = line.pk if line else None
            elif target:
                target = parse_uuid(target, field="target")
            number = number_services.number_route(
                actor=request.user, number=number, destination=data["destination"], target_id=target
            )
        if data.get("is_company_number"):
            number = number_services.number_make_company_number(actor=request.user, number=number)
        return Response(PublicNumberSerializer(self._get(request, pbx_id, item_id)).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pbx_id: str, item_id: str) -> Response:
        number_services.number_remove(
            actor=request.user, number=self._get(request, pbx_id, item_id)
        )
        return Response(status=status.HTTP_204_NO_CONTENT)


class HuntGroupsView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=HuntGroupSerializer(many=True))
    def get(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        return paginated(request, selectors.hunt_groups_list(pbx=pbx), HuntGroupSerializer, self)

    @extend_schema(request=HuntGroupInputSerializer, responses={201: HuntGroupSerializer})
    def post(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        require_telephony(request.user, pbx.company)
        group = feature_services.hunt_group_create(
            actor=request.user, pbx=pbx, data=body(HuntGroupInputSerializer, request)
        )
        group = selectors.hunt_group_get(pbx=pbx, group_id=group.pk)
        return Response(HuntGroupSerializer(group).data, status=status.HTTP_201_CREATED)


class HuntGroupView(APIView):
    @extend_schema(responses=HuntGroupSerializer)
    def get(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        return Response(
            HuntGroupSerializer(
                selectors.hunt_group_get(pbx=pbx, group_id=parse_uuid(item_id))
            ).data
        )

    @extend_schema(request=HuntGroupInputSerializer, responses=HuntGroupSerializer)
    def patch(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        group = selectors.hunt_group_get(pbx=pbx, group_id=parse_uuid(item_id))
        require_telephony(request.user, pbx.company)
        data = body(HuntGroupInputSerializer, request, partial=True)
        feature_services.hunt_group_update(actor=request.user, group=group, data=data)
        return Response(
            HuntGroupSerializer(selectors.hunt_group_get(pbx=pbx, group_id=group.pk)).data
        )

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        group = selectors.hunt_group_get(pbx=pbx, group_id=parse_uuid(item_id))
        feature_services.hunt_group_remove(actor=request.user, group=group)
        return Response(status=status.HTTP_204_NO_CONTENT)


class WelcomeServicesView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=WelcomeServiceSerializer(many=True))
    def get(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        return paginated(
            request, selectors.welcome_services_list(pbx=pbx), WelcomeServiceSerializer, self
        )

    @extend_schema(request=WelcomeServiceInputSerializer, responses={201: WelcomeServiceSerializer})
    def post(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        require_telephony(request.user, pbx.company)
        service = feature_services.welcome_service_create(
            actor=request.user, pbx=pbx, data=body(WelcomeServiceInputSerializer, request)
        )
        service = selectors.welcome_service_get(pbx=pbx, service_id=service.pk)
        return Response(WelcomeServiceSerializer(service).data, status=status.HTTP_201_CREATED)


class WelcomeServiceView(APIView):
    @extend_schema(responses=WelcomeServiceSerializer)
    def get(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        service = selectors.welcome_service_get(pbx=pbx, service_id=parse_uuid(item_id))
        return Response(WelcomeServiceSerializer(service).data)

    @extend_schema(request=WelcomeServiceInputSerializer, responses=WelcomeServiceSerializer)
    def patch(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        service = selectors.welcome_service_get(pbx=pbx, service_id=parse_uuid(item_id))
        require_telephony(request.user, pbx.company)
        data = body(WelcomeServiceInputSerializer, request, partial=True)
        feature_services.welcome_service_update(actor=request.user, service=service, data=data)
        service = selectors.welcome_service_get(pbx=pbx, service_id=service.pk)
        return Response(WelcomeServiceSerializer(service).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        service = selectors.welcome_service_get(pbx=pbx, service_id=parse_uuid(item_id))
        feature_services.welcome_service_remove(actor=request.user, service=service)
        return Response(status=status.HTTP_204_NO_CONTENT)


class AttendantsView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=AttendantSerializer(many=True))
    def get(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        return paginated(
            request, selectors.auto_attendants_list(pbx=pbx), AttendantSerializer, self
        )

    @extend_schema(request=AttendantInputSerializer, responses={201: AttendantSerializer})
    def post(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        require_telephony(request.user, pbx.company)
        attendant = feature_services.auto_attendant_create(
            actor=request.user, pbx=pbx, data=body(AttendantInputSerializer, request)
        )
        attendant = selectors.auto_attendant_get(pbx=pbx, attendant_id=attendant.pk)
        return Response(AttendantSerializer(attendant).data, status=status.HTTP_201_CREATED)


class AttendantView(APIView):
    @extend_schema(responses=AttendantSerializer)
    def get(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        attendant = selectors.auto_attendant_get(pbx=pbx, attendant_id=parse_uuid(item_id))
        return Response(AttendantSerializer(attendant).data)

    @extend_schema(request=AttendantInputSerializer, responses=AttendantSerializer)
    def patch(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        attendant = selectors.auto_attendant_get(pbx=pbx, attendant_id=parse_uuid(item_id))
        require_telephony(request.user, pbx.company)
        data = body(AttendantInputSerializer, request, partial=True)
        feature_services.auto_attendant_update(actor=request.user, attendant=attendant, data=data)
        attendant = selectors.auto_attendant_get(pbx=pbx, attendant_id=attendant.pk)
        return Response(AttendantSerializer(attendant).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        attendant = selectors.auto_attendant_get(pbx=pbx, attendant_id=parse_uuid(item_id))
        feature_services.auto_attendant_remove(actor=request.user, attendant=attendant)
        return Response(status=status.HTTP_204_NO_CONTENT)


class EmergencyNumbersView(APIView):
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    @extend_schema(responses=EmergencySerializer(many=True))
    def get(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        return paginated(
            request, selectors.emergency_numbers_list(pbx=pbx), EmergencySerializer, self
        )

    @extend_schema(request=EmergencyInputSerializer, responses={201: EmergencySerializer})
    def post(self, request: Request, pbx_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        require_telephony(request.user, pbx.company)
        data = body(EmergencyInputSerializer, request)
        row = number_services.emergency_number_add(
            actor=request.user,
            pbx=pbx,
            country=data["country"],
            number=data["number"],
            description=data.get("description", ""),
            softphone_allowed=data["softphone_allowed"],
            hunt_group_id=data.get("hunt_group"),
        )
        return Response(EmergencySerializer(row).data, status=status.HTTP_201_CREATED)


class EmergencyNumberView(APIView):
    @extend_schema(responses=EmergencySerializer)
    def get(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        row = selectors.emergency_number_get(pbx=pbx, emergency_id=parse_uuid(item_id))
        return Response(EmergencySerializer(row).data)

    @extend_schema(request=EmergencyPatchSerializer, responses=EmergencySerializer)
    def patch(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        row = selectors.emergency_number_get(pbx=pbx, emergency_id=parse_uuid(item_id))
        require_telephony(request.user, pbx.company)
        data = body(EmergencyPatchSerializer, request, partial=True)
        row = number_services.emergency_number_update(actor=request.user, row=row, data=data)
        return Response(EmergencySerializer(row).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pbx_id: str, item_id: str) -> Response:
        pbx = cloud_pbx_for(request, pbx_id)
        row = selectors.emergency_number_get(pbx=pbx, emergency_id=parse_uuid(item_id))
        number_services.emergency_number_remove(actor=request.user, row=row)
        return Response(status=status.HTTP_204_NO_CONTENT)


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()


def _upload(request: Request):
    from rest_framework.exceptions import ValidationError

    upload = request.FILES.get("file")
    if upload is None:
        raise ValidationError({"file": [_("Send the WAV file in the multipart field “file”.")]})
    return upload


class WelcomeGreetingView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(
        request={"multipart/form-data": UploadSerializer}, responses=WelcomeServiceSerializer
    )
    def post(self, request: Request, pbx_id: str, item_id: str, which: str) -> Response:
        """Upload the greeting played while open (``open``) or closed (``closed``): a WAV file."""
        pbx = cloud_pbx_for(request, pbx_id)
        service = selectors.welcome_service_get(pbx=pbx, service_id=parse_uuid(item_id))
        require_telephony(request.user, pbx.company)
        feature_services.welcome_greeting_upload(
            actor=request.user, service=service, which=which, upload=_upload(request)
        )
        service = selectors.welcome_service_get(pbx=pbx, service_id=service.pk)
        return Response(WelcomeServiceSerializer(service).data)


class AttendantPromptView(APIView):
    parser_classes = [MultiPartParser]

    @extend_schema(request={"multipart/form-data": UploadSerializer}, responses=AttendantSerializer)
    def post(self, request: Request, pbx_id: str, item_id: str) -> Response:
        """Upload the attendant's menu prompt: a WAV file."""
        pbx = cloud_pbx_for(request, pbx_id)
        attendant = selectors.auto_attendant_get(pbx=pbx, attendant_id=parse_uuid(item_id))
        require_telephony(request.user, pbx.company)
        feature_services.attendant_prompt_upload(
            actor=request.user, attendant=attendant, upload=_upload(request)
        )
        attendant = selectors.auto_attendant_get(pbx=pbx, attendant_id=attendant.pk)
        return Response(AttendantSerializer(attendant).data)
