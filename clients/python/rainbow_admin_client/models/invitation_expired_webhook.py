from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_expired_webhook_type import InvitationExpiredWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.invitation_event import InvitationEvent


T = TypeVar("T", bound="InvitationExpiredWebhook")


@_attrs_define
class InvitationExpiredWebhook:
    """
    Attributes:
        type_ (InvitationExpiredWebhookType): * `invitation.expired` - invitation.expired
        timestamp (datetime.datetime): When it happened.
        data (InvitationEvent):
    """

    type_: InvitationExpiredWebhookType
    timestamp: datetime.datetime
    data: InvitationEvent

    def to_dict(self) -> dict[str, Any]:
        from ..models.invitation_event import InvitationEvent  # noqa: PLC0415

        type_ = self.type_.value

        timestamp = self.timestamp.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "timestamp": timestamp,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invitation_event import InvitationEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = InvitationExpiredWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = InvitationEvent.from_dict(d.pop("data"))

        invitation_expired_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return invitation_expired_webhook
