from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_status_enum import DeliveryStatusEnum
from ..models.event_type_enum import EventTypeEnum
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="Delivery")


@_attrs_define
class Delivery:
    """
    Attributes:
        id (UUID):
        message_id (str): The `webhook-id` header, the same on every attempt.
        event_type (EventTypeEnum): * `ping` - ping
            * `invitation.sent` - invitation.sent
            * `invitation.accepted` - invitation.accepted
            * `invitation.declined` - invitation.declined
            * `invitation.cancelled` - invitation.cancelled
            * `invitation.expired` - invitation.expired
            * `partner.linked` - partner.linked
            * `partner.unlinked` - partner.unlinked
            * `partner.scopes_changed` - partner.scopes_changed
            * `subscription.created` - subscription.created
            * `subscription.updated` - subscription.updated
            * `subscription.terminated` - subscription.terminated
            * `license.assigned` - license.assigned
            * `license.unassigned` - license.unassigned
            * `member.added` - member.added
            * `member.deactivated` - member.deactivated
            * `pbx.declared` - pbx.declared
            * `pbx.updated` - pbx.updated
            * `pbx.removed` - pbx.removed
        status (DeliveryStatusEnum): * `pending` - pending
            * `succeeded` - succeeded
            * `failed` - failed
        attempts (int):
        response_status (int | None):
        response_body (str): The first 1 KB of the last answer.
        duration_ms (int | None):
        last_error (str):
        created_at (datetime.datetime):
        last_attempt_at (datetime.datetime | None):
        next_attempt_at (datetime.datetime | None):
    """

    id: UUID
    message_id: str
    event_type: EventTypeEnum
    status: DeliveryStatusEnum
    attempts: int
    response_status: int | None
    response_body: str
    duration_ms: int | None
    last_error: str
    created_at: datetime.datetime
    last_attempt_at: datetime.datetime | None
    next_attempt_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        message_id = self.message_id

        event_type = self.event_type.value

        status = self.status.value

        attempts = self.attempts

        response_status: int | None
        response_status = self.response_status

        response_body = self.response_body

        duration_ms: int | None
        duration_ms = self.duration_ms

        last_error = self.last_error

        created_at = self.created_at.isoformat()

        last_attempt_at: None | str
        if isinstance(self.last_attempt_at, datetime.datetime):
            last_attempt_at = self.last_attempt_at.isoformat()
        else:
            last_attempt_at = self.last_attempt_at

        next_attempt_at: None | str
        if isinstance(self.next_attempt_at, datetime.datetime):
            next_attempt_at = self.next_attempt_at.isoformat()
        else:
            next_attempt_at = self.next_attempt_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "message_id": message_id,
                "event_type": event_type,
                "status": status,
                "attempts": attempts,
                "response_status": response_status,
                "response_body": response_body,
                "duration_ms": duration_ms,
                "last_error": last_error,
                "created_at": created_at,
                "last_attempt_at": last_attempt_at,
                "next_attempt_at": next_attempt_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        message_id = d.pop("message_id")

        event_type = EventTypeEnum(d.pop("event_type"))

        status = DeliveryStatusEnum(d.pop("status"))

        attempts = d.pop("attempts")

        def _parse_response_status(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        response_status = _parse_response_status(d.pop("response_status"))

        response_body = d.pop("response_body")

        def _parse_duration_ms(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        duration_ms = _parse_duration_ms(d.pop("duration_ms"))

        last_error = d.pop("last_error")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_last_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                last_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return last_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        last_attempt_at = _parse_last_attempt_at(d.pop("last_attempt_at"))

        def _parse_next_attempt_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                next_attempt_at_type_0 = datetime.datetime.fromisoformat(data)

                return next_attempt_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at"))

        delivery = cls(
            id=id,
            message_id=message_id,
            event_type=event_type,
            status=status,
            attempts=attempts,
            response_status=response_status,
            response_body=response_body,
            duration_ms=duration_ms,
            last_error=last_error,
            created_at=created_at,
            last_attempt_at=last_attempt_at,
            next_attempt_at=next_attempt_at,
        )

        return delivery
