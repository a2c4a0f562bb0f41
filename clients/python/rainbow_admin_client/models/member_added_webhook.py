from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_added_webhook_type import MemberAddedWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.member_event import MemberEvent


T = TypeVar("T", bound="MemberAddedWebhook")


@_attrs_define
class MemberAddedWebhook:
    """
    Attributes:
        type_ (MemberAddedWebhookType): * `member.added` - member.added
        timestamp (datetime.datetime): When it happened.
        data (MemberEvent):
    """

    type_: MemberAddedWebhookType
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
        type_ = MemberAddedWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = MemberEvent.from_dict(d.pop("data"))

        member_added_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return member_added_webhook
