from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.ping_webhook_type import PingWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.ping_event import PingEvent


T = TypeVar("T", bound="PingWebhook")


@_attrs_define
class PingWebhook:
    """
    Attributes:
        type_ (PingWebhookType): * `ping` - ping
        timestamp (datetime.datetime): When it happened.
        data (PingEvent):
    """

    type_: PingWebhookType
    timestamp: datetime.datetime
    data: PingEvent

    def to_dict(self) -> dict[str, Any]:
        from ..models.ping_event import PingEvent  # noqa: PLC0415

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
        from ..models.ping_event import PingEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = PingWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = PingEvent.from_dict(d.pop("data"))

        ping_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return ping_webhook
