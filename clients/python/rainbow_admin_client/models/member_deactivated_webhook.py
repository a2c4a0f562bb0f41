from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_deactivated_webhook_type import MemberDeactivatedWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.member_event import MemberEvent


T = TypeVar("T", bound="MemberDeactivatedWebhook")


@_attrs_define
class MemberDeactivatedWebhook:
    """
    Attributes:
        type_ (MemberDeactivatedWebhookType): * `member.deactivated` - member.deactivated
        timestamp (datetime.datetime): When it happened.
        data (MemberEvent):
    """

    type_: MemberDeactivatedWebhookType
    timestamp: datetime.datetime
    data: MemberEvent

    def to_dict(self) -> dict[str, Any]:
        from ..models.member_event import MemberEvent  # noqa: PLC0415

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
        from ..models.member_event import MemberEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = MemberDeactivatedWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = MemberEvent.from_dict(d.pop("data"))

        member_deactivated_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return member_deactivated_webhook
