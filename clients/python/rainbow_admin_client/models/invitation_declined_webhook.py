from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.invitation_declined_webhook_type import InvitationDeclinedWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.invitation_event import InvitationEvent


T = TypeVar("T", bound="InvitationDeclinedWebhook")


@_attrs_define
class InvitationDeclinedWebhook:
    """
    Attributes:
        type_ (InvitationDeclinedWebhookType): * `invitation.declined` - invitation.declined
        timestamp (datetime.datetime): When it happened.
        data (InvitationEvent):
    """

    type_: InvitationDeclinedWebhookType
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
        type_ = InvitationDeclinedWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = InvitationEvent.from_dict(d.pop("data"))

        invitation_declined_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return invitation_declined_webhook
