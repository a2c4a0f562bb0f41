"""Cloud PBX resources: devices (and CSV imports), public numbers, hunt groups, Welcome
Services, Automated Attendants, emergency numbers. Another kind of PBX answers 409."""

from __future__ import annotations

import uuid
from typing import Any

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.fields import documented, one_of, uuid_string
from rainbow_admin.errors import NotFound
from telephony import selectors
from telephony.api.nested import CloudPbxResource
from telephony.audio import wav_response
from telephony.models import AttendantKey, Device, DeviceImport, HuntGroup, Pbx, PublicNumber
from telephony.services import devices as device_services
from telephony.services import features as feature_services
from telephony.services import numbers as number_services
from telephony.services.features import is_open


def _ref(obj: Any) -> dict | None:
    return {"id": obj.pk, "name": str(obj)} if obj is not None else None


def _seconds(milliseconds: int | None) -> float | None:
    return milliseconds / 1000 if milliseconds is not None else None


def greeting_url(service: Any, which: str) -> str | None:
    """Where the greeting is fetched (``audio/wav``), or None when there is none."""
    if not getattr(service, f"greeting_{which}"):
        return None
    kwargs = {"pbx_id": service.pbx_id, "item_id": service.pk, "which": which}
    return reverse("api-welcome-greeting", kwargs=kwargs)


def prompt_url(attendant: Any) -> str | None:
    """Where the attendant's prompt is fetched (``audio/wav``), or None when there is none."""
    if not attendant.prompt:
        return None
    kwargs = {"pbx_id": attendant.pbx_id, "item_id": attendant.pk}
    return reverse("api-attendant-prompt", kwargs=kwargs)


# --- serializers ----------------------------------------------------------------------------


class DeviceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    kind = one_of(Device.Kind.choices)
    identifier = serializers.CharField(source="display_identifier")
    model = serializers.CharField()
    line = serializers.UUIDField(source="line_id", allow_null=True)
    member = serializers.SerializerMethodField()

    @extend_schema_field({"type": ["string", "null"], "format": "uuid"})
    def get_member(self, device: Device) -> str | None:
        return str(device.line.user_id) if device.line_id else None


class DeviceInputSerializer(serializers.Serializer):
    kind = one_of(Device.Kind.choices)
    identifier = serializers.CharField(max_length=40)
    model = serializers.CharField(max_length=60, required=False, allow_blank=True)
    line = serializers.UUIDField(required=False, allow_null=True)


class DevicePatchSerializer(serializers.Serializer):
    line = serializers.UUIDField(allow_null=True)


class DeviceImportErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField()
    identifier = serializers.CharField(allow_blank=True)
    error = serializers.CharField()


class DeviceImportSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    file_name = serializers.CharField()
    status = one_of(DeviceImport.Status.choices)
    total = serializers.IntegerField()
    processed = serializers.IntegerField()
    imported = serializers.IntegerField()
    errors = serializers.SerializerMethodField()
    created_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)

    @extend_schema_field(DeviceImportErrorSerializer(many=True))
    def get_errors(self, job) -> list[dict]:
        return job.errors


class DeviceImportInputSerializer(serializers.Serializer):
    file_name = serializers.CharField(max_length=200, required=False, default="devices.csv")
    content = serializers.CharField(trim_whitespace=False)


class TargetSerializer(serializers.Serializer):
    id = serializers.UUIDField(
        help_text="What PATCH takes as `target`: the person's user id for a `member` "
        "destination, else the hunt group's, Automated Attendant's or Welcome Service's id."
    )
    name = serializers.CharField()


class PublicNumberSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    number = serializers.CharField()
    is_company_number = serializers.BooleanField()
    destination = one_of(PublicNumber.Destination.choices)
    target = serializers.SerializerMethodField()

    @extend_schema_field(TargetSerializer(allow_null=True))
    def get_target(self, number) -> dict | None:
        target = number.target
        if target is not None and number.destination == "member":
            # The number rings the member's line; the client names the member (as PATCH does).
            return {"id": target.user_id, "name": str(target)}
        return _ref(target)


class PublicNumbersAddedSerializer(serializers.Serializer):
    count = serializers.IntegerField()
    results = PublicNumberSerializer(many=True)


class NumbersInputSerializer(serializers.Serializer):
    number = serializers.CharField(max_length=30)
    count = serializers.IntegerField(required=False, default=1)


class NumberPatchSerializer(serializers.Serializer):
    destination = one_of(
        PublicNumber.Destination.choices, serializers.CharField(required=False, allow_blank=True)
    )
    target = uuid_string(serializers.CharField(required=False, allow_null=True, allow_blank=True))
    is_company_number = serializers.BooleanField(required=False)


class HuntGroupSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    extension = serializers.CharField()
    policy = one_of(HuntGroup.Policy.choices)
    ring_timeout = serializers.IntegerField()
    members = serializers.SerializerMethodField()

    @extend_schema_field({"type": "array", "items": {"type": "string", "format": "uuid"}})
    def get_members(self, group: HuntGroup) -> list[str]:
        return [str(m.line.user_id) for m in group.memberships.all()]


class HuntGroupInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100)
    extension = serializers.CharField(max_length=10, required=False, allow_blank=True)
    policy = one_of(HuntGroup.Policy.choices)
    ring_timeout = serializers.IntegerField(required=False, default=20)
    members = serializers.ListField(child=serializers.UUIDField(), required=False, default=list)


class OpeningHoursSerializer(serializers.Serializer):
    weekday = serializers.IntegerField(min_value=0, max_value=6, help_text="0 is Monday.")
    opens = serializers.CharField(help_text="HH:MM")
    closes = serializers.CharField(help_text="HH:MM")


class ClosingExceptionSerializer(serializers.Serializer):
    date = serializers.DateField()
    opens = serializers.CharField(allow_null=True, help_text="HH:MM, null: closed all day")
    closes = serializers.CharField(allow_null=True, help_text="HH:MM")
    description = serializers.CharField(allow_blank=True)


class AttendantKeySerializer(serializers.Serializer):
    menu = serializers.CharField(allow_blank=True, help_text='"" for the root menu, "1", "12"…')
    digit = serializers.CharField(help_text="0 to 9")
    action = one_of(AttendantKey.Action.choices)
    member = serializers.UUIDField(allow_null=True)
    hunt_group = serializers.UUIDField(allow_null=True)


# The rows of a body's ``hours``, ``exceptions`` and ``keys`` (the services check them).
class ClosingExceptionInputSerializer(serializers.Serializer):
    date = serializers.DateField()
    opens = serializers.CharField(required=False, allow_null=True, help_text="HH:MM")
    closes = serializers.CharField(required=False, allow_null=True, help_text="HH:MM")
    description = serializers.CharField(required=False, allow_blank=True)


class AttendantKeyInputSerializer(serializers.Serializer):
    menu = serializers.CharField(required=False, allow_blank=True)
    digit = serializers.CharField(help_text="0 to 9")
    action = one_of(AttendantKey.Action.choices)
    member = serializers.UUIDField(required=False, allow_null=True)
    hunt_group = serializers.UUIDField(required=False, allow_null=True)


def rows(serializer: serializers.Serializer) -> Any:
    """A list of objects in a body, documented as ``serializer``'s rows."""
    return documented(
        serializers.ListField(child=serializers.DictField(), required=False), serializer
    )


DESTINATION_HELP = (
    "`member:<user id>`, `hunt_group:<hunt group id>` or empty (none); the same as "
    "`…_member` and `…_hunt_group`."
)
DESTINATION_PATTERN = (
    "^((member|hunt_group):[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})?$"
)


class WelcomeServiceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    public_number = serializers.SerializerMethodField()
    open_destination = serializers.SerializerMethodField(help_text=DESTINATION_HELP)
    closed_destination = serializers.SerializerMethodField(help_text=DESTINATION_HELP)
    # The destinations as the body takes them: what is read can be sent back.
    open_member = serializers.SerializerMethodField()
    open_hunt_group = serializers.SerializerMethodField()
    closed_member = serializers.SerializerMethodField()
    closed_hunt_group = serializers.SerializerMethodField()
    hours = serializers.SerializerMethodField()
    exceptions = serializers.SerializerMethodField()
    open_now = serializers.SerializerMethodField()
    greeting_open = serializers.SerializerMethodField()
    greeting_closed = serializers.SerializerMethodField()
    greeting_open_url = serializers.SerializerMethodField(
        help_text="GET it for the open greeting (audio/wav); null when there is none."
    )
    greeting_closed_url = serializers.SerializerMethodField(
        help_text="GET it for the closed greeting (audio/wav); null when there is none."
    )
    greeting_open_duration = serializers.SerializerMethodField(help_text="Seconds.")
    greeting_closed_duration = serializers.SerializerMethodField(help_text="Seconds.")

    def get_public_number(self, service) -> str | None:
        numbers = list(service.numbers.all())
        return numbers[0].number if numbers else None

    @extend_schema_field({"type": "string", "pattern": DESTINATION_PATTERN})
    def get_open_destination(self, service) -> str:
        return service.open_value

    @extend_schema_field({"type": "string", "pattern": DESTINATION_PATTERN})
    def get_closed_destination(self, service) -> str:
        return service.closed_value

    def get_open_member(self, service) -> uuid.UUID | None:
        return service.open_line.user_id if service.open_line_id else None

    def get_open_hunt_group(self, service) -> uuid.UUID | None:
        return service.open_hunt_group_id

    def get_closed_member(self, service) -> uuid.UUID | None:
        return service.closed_line.user_id if service.closed_line_id else None

    def get_closed_hunt_group(self, service) -> uuid.UUID | None:
        return service.closed_hunt_group_id

    @extend_schema_field(OpeningHoursSerializer(many=True))
    def get_hours(self, service) -> list[dict]:
        return [
            {
                "weekday": h.weekday,
                "opens": h.opens.strftime("%H:%M"),
                "closes": h.closes.strftime("%H:%M"),
            }
            for h in service.hours.all()
        ]

    @extend_schema_field(ClosingExceptionSerializer(many=True))
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

    def get_greeting_open_url(self, service) -> str | None:
        return greeting_url(service, "open")

    def get_greeting_closed_url(self, service) -> str | None:
        return greeting_url(service, "closed")

    def get_greeting_open_duration(self, service) -> float | None:
        return _seconds(service.greeting_open_ms) if service.greeting_open else None

    def get_greeting_closed_duration(self, service) -> float | None:
        return _seconds(service.greeting_closed_ms) if service.greeting_closed else None


class WelcomeServiceInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, required=False)
    public_number = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    open_member = serializers.UUIDField(required=False, allow_null=True)
    open_hunt_group = serializers.UUIDField(required=False, allow_null=True)
    closed_member = serializers.UUIDField(required=False, allow_null=True)
    closed_hunt_group = serializers.UUIDField(required=False, allow_null=True)
    hours = rows(OpeningHoursSerializer(many=True))
    exceptions = rows(ClosingExceptionInputSerializer(many=True))


class WelcomeServiceCreateSerializer(WelcomeServiceInputSerializer):
    name = serializers.CharField(max_length=100)


class AttendantSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField()
    dial_by_extension = serializers.BooleanField()
    public_number = serializers.SerializerMethodField()
    keys = serializers.SerializerMethodField()
    prompt = serializers.SerializerMethodField()
    prompt_url = serializers.SerializerMethodField(
        help_text="GET it for the menu prompt (audio/wav); null when there is none."
    )
    prompt_duration = serializers.SerializerMethodField(help_text="Seconds.")

    def get_public_number(self, attendant) -> str | None:
        numbers = list(attendant.numbers.all())
        return numbers[0].number if numbers else None

    @extend_schema_field(AttendantKeySerializer(many=True))
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

    def get_prompt_url(self, attendant) -> str | None:
        return prompt_url(attendant)

    def get_prompt_duration(self, attendant) -> float | None:
        return _seconds(attendant.prompt_ms) if attendant.prompt else None


class AttendantInputSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=100, required=False)
    dial_by_extension = serializers.BooleanField(required=False)
    public_number = serializers.CharField(required=False, allow_null=True, allow_blank=True)
    keys = rows(AttendantKeyInputSerializer(many=True))


class AttendantCreateSerializer(AttendantInputSerializer):
    name = serializers.CharField(max_length=100)


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


class UploadSerializer(serializers.Serializer):
    file = serializers.FileField()


def _upload(request: Request):
    from rest_framework.exceptions import ValidationError

    upload = request.FILES.get("file")
    if upload is None:
        raise ValidationError({"file": [_("Send the WAV file in the multipart field “file”.")]})
    return upload


AUDIO_SCHEMA = extend_schema(
    parameters=[
        OpenApiParameter(
            "Range",
            OpenApiTypes.STR,
            OpenApiParameter.HEADER,
            description="One byte range, e.g. `bytes=0-1023` (several ranges: the whole file).",
        ),
        OpenApiParameter(
            "If-None-Match",
            OpenApiTypes.STR,
            OpenApiParameter.HEADER,
            description="The `ETag` of a copy the client holds: 304 when it is still current.",
        ),
    ],
    responses={
        (200, "audio/wav"): OpenApiResponse(
            OpenApiTypes.BINARY, description="The uploaded WAV file, with its `ETag`."
        ),
        (206, "audio/wav"): OpenApiResponse(
            OpenApiTypes.BINARY,
            description="The byte range asked for by `Range`, told by `Content-Range`.",
        ),
        304: OpenApiResponse(description="Not modified: the `If-None-Match` copy is current."),
    },
)


# --- views: each resource states its serializers and its selector and service calls ------------


class Devices(CloudPbxResource):
    serializer_class = DeviceSerializer
    create_serializer_class = DeviceInputSerializer
    update_serializer_class = DevicePatchSerializer
    partial_update_body = False  # ``line`` is the whole change: null frees the device

    def get_list(self, pbx: Pbx) -> Any:
        return selectors.devices_list(pbx=pbx)

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        return selectors.device_get(pbx=pbx, device_id=item_id)

    def perform_create(self, pbx: Pbx, data: dict) -> Any:
        return device_services.device_add(
            actor=self.request.user,
            pbx=pbx,
            kind=data["kind"],
            identifier=data["identifier"],
            model=data.get("model", ""),
            line_id=data.get("line"),
        )

    def perform_update(self, pbx: Pbx, obj: Any, data: dict) -> Any:
        return device_services.device_assign(
            actor=self.request.user, device=obj, line_id=data["line"]
        )

    def perform_destroy(self, obj: Any) -> None:
        device_services.device_remove(actor=self.request.user, device=obj)


class DeviceImports(CloudPbxResource):
    error_fields = {"file": "content"}  # the CSV checks name the page's file input
    serializer_class = DeviceImportSerializer
    create_serializer_class = DeviceImportInputSerializer
    operations = ("create", "retrieve")

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        return selectors.device_import_get(pbx=pbx, import_id=item_id)

    def perform_create(self, pbx: Pbx, data: dict) -> Any:
        return device_services.device_import_start(
            actor=self.request.user,
            pbx=pbx,
            file_name=data["file_name"],
            data=data["content"].encode(),
        )


class PublicNumbers(CloudPbxResource):
    serializer_class = PublicNumberSerializer

    def get_list(self, pbx: Pbx) -> Any:
        return selectors.public_numbers_list(pbx=pbx)

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        number = selectors.public_number_get(pbx=pbx, number_id=item_id)
        return selectors.public_numbers_list(pbx=pbx).get(pk=number.pk)  # with its target

    @extend_schema(request=NumbersInputSerializer, responses={201: PublicNumbersAddedSerializer})
    def create(self, request: Request, pbx_id: str) -> Response:
        """One number, or ``count`` consecutive numbers from ``number``: the numbers added."""
        pbx = self.pbx
        data = self.body(NumbersInputSerializer)
        created = number_services.numbers_add(
            actor=request.user, pbx=pbx, number=data["number"], count=data["count"]
        )
        return Response(
            {"count": len(created), "results": PublicNumberSerializer(created, many=True).data},
            status=status.HTTP_201_CREATED,
        )

    @extend_schema(request=NumberPatchSerializer, responses=PublicNumberSerializer)
    def partial_update(self, request: Request, pbx_id: str, item_id: str) -> Response:
        """Route the number: ``destination`` member (``target`` = user id), hunt_group,
        auto_attendant or welcome_service (``target`` = its id), or "" for none."""
        number = self.get_object()
        data = self.body(NumberPatchSerializer, partial=True)
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
        return self.answer(self.get_item(self.pbx, number.pk))

    def perform_destroy(self, obj: Any) -> None:
        number_services.number_remove(actor=self.request.user, number=obj)


class HuntGroups(CloudPbxResource):
    serializer_class = HuntGroupSerializer
    create_serializer_class = update_serializer_class = HuntGroupInputSerializer
    reread = True

    def get_list(self, pbx: Pbx) -> Any:
        return selectors.hunt_groups_list(pbx=pbx)

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        return selectors.hunt_group_get(pbx=pbx, group_id=item_id)

    def perform_create(self, pbx: Pbx, data: dict) -> Any:
        return feature_services.hunt_group_create(actor=self.request.user, pbx=pbx, data=data)

    def perform_update(self, pbx: Pbx, obj: Any, data: dict) -> Any:
        return feature_services.hunt_group_update(actor=self.request.user, group=obj, data=data)

    def perform_destroy(self, obj: Any) -> None:
        feature_services.hunt_group_remove(actor=self.request.user, group=obj)


class WelcomeServices(CloudPbxResource):
    serializer_class = WelcomeServiceSerializer
    hear_operations = ("greeting_audio",)
    create_serializer_class = WelcomeServiceCreateSerializer
    update_serializer_class = WelcomeServiceInputSerializer
    reread = True

    def get_list(self, pbx: Pbx) -> Any:
        return selectors.welcome_services_list(pbx=pbx)

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        return selectors.welcome_service_get(pbx=pbx, service_id=item_id)

    def perform_create(self, pbx: Pbx, data: dict) -> Any:
        user = self.request.user
        return feature_services.welcome_service_create(actor=user, pbx=pbx, data=data)

    def perform_update(self, pbx: Pbx, obj: Any, data: dict) -> Any:
        user = self.request.user
        return feature_services.welcome_service_update(actor=user, service=obj, data=data)

    def perform_destroy(self, obj: Any) -> None:
        feature_services.welcome_service_remove(actor=self.request.user, service=obj)

    @extend_schema(
        request={"multipart/form-data": UploadSerializer},
        responses=WelcomeServiceSerializer,
        parameters=[OpenApiParameter("which", OpenApiTypes.STR, "path", enum=["open", "closed"])],
    )
    def greeting(self, request: Request, pbx_id: str, item_id: str, which: str) -> Response:
        """Upload the greeting played while open (``open``) or closed (``closed``): a WAV file."""
        service = self.get_object()
        feature_services.welcome_greeting_upload(
            actor=request.user, service=service, which=which, upload=_upload(request)
        )
        return self.answer(service)

    @AUDIO_SCHEMA
    def greeting_audio(self, request: Request, pbx_id: str, item_id: str, which: str) -> Any:
        """The greeting played while open (``open``) or closed (``closed``), as uploaded
        (``audio/wav``); the company's members, its partner holding the telephony scope and
        operators may hear it (404 for anyone else, and when there is none)."""
        service = self.get_object()
        if which not in ("open", "closed"):
            raise NotFound(_("Not found."), code="not_found")
        file = getattr(service, f"greeting_{which}")
        return wav_response(request, file, download_name=f"greeting-{which}.wav")


class AutoAttendants(CloudPbxResource):
    serializer_class = AttendantSerializer
    hear_operations = ("prompt_audio",)
    create_serializer_class = AttendantCreateSerializer
    update_serializer_class = AttendantInputSerializer
    reread = True

    def get_list(self, pbx: Pbx) -> Any:
        return selectors.auto_attendants_list(pbx=pbx)

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        return selectors.auto_attendant_get(pbx=pbx, attendant_id=item_id)

    def perform_create(self, pbx: Pbx, data: dict) -> Any:
        user = self.request.user
        return feature_services.auto_attendant_create(actor=user, pbx=pbx, data=data)

    def perform_update(self, pbx: Pbx, obj: Any, data: dict) -> Any:
        user = self.request.user
        return feature_services.auto_attendant_update(actor=user, attendant=obj, data=data)

    def perform_destroy(self, obj: Any) -> None:
        feature_services.auto_attendant_remove(actor=self.request.user, attendant=obj)

    @extend_schema(request={"multipart/form-data": UploadSerializer}, responses=AttendantSerializer)
    def prompt(self, request: Request, pbx_id: str, item_id: str) -> Response:
        """Upload the attendant's menu prompt: a WAV file."""
        attendant = self.get_object()
        feature_services.attendant_prompt_upload(
            actor=request.user, attendant=attendant, upload=_upload(request)
        )
        return self.answer(attendant)

    @AUDIO_SCHEMA
    def prompt_audio(self, request: Request, pbx_id: str, item_id: str) -> Any:
        """The attendant's menu prompt as uploaded (``audio/wav``); the company's members, its
        partner holding the telephony scope and operators may hear it (404 for anyone else, and
        when there is none)."""
        attendant = self.get_object()
        return wav_response(request, attendant.prompt, download_name="menu-prompt.wav")


class EmergencyNumbers(CloudPbxResource):
    serializer_class = EmergencySerializer
    create_serializer_class = EmergencyInputSerializer
    update_serializer_class = EmergencyPatchSerializer

    def get_list(self, pbx: Pbx) -> Any:
        return selectors.emergency_numbers_list(pbx=pbx)

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        return selectors.emergency_number_get(pbx=pbx, emergency_id=item_id)

    def perform_create(self, pbx: Pbx, data: dict) -> Any:
        return number_services.emergency_number_add(
            actor=self.request.user,
            pbx=pbx,
            country=data["country"],
            number=data["number"],
            description=data.get("description", ""),
            softphone_allowed=data["softphone_allowed"],
            hunt_group_id=data.get("hunt_group"),
        )

    def perform_update(self, pbx: Pbx, obj: Any, data: dict) -> Any:
        return number_services.emergency_number_update(actor=self.request.user, row=obj, data=data)

    def perform_destroy(self, obj: Any) -> None:
        number_services.emergency_number_remove(actor=self.request.user, row=obj)
