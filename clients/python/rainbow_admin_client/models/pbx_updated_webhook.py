from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.pbx_updated_webhook_type import PbxUpdatedWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.pbx_event import PbxEvent


T = TypeVar("T", bound="PbxUpdatedWebhook")


@_attrs_define
class PbxUpdatedWebhook:
    """
    Attributes:
        type_ (PbxUpdatedWebhookType): * `pbx.updated` - pbx.updated
        timestamp (datetime.datetime): When it happened.
        data (PbxEvent):
    """

    type_: PbxUpdatedWebhookType
    timestamp: datetime.datetime
    data: PbxEvent

    def to_dict(self) -> dict[str, Any]:
        from ..models.pbx_event import PbxEvent  # noqa: PLC0415

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
        from ..models.pbx_event import PbxEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = PbxUpdatedWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = PbxEvent.from_dict(d.pop("data"))

        pbx_updated_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return pbx_updated_webhook
