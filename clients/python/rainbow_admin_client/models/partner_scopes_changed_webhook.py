from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.partner_scopes_changed_webhook_type import PartnerScopesChangedWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.partner_event import PartnerEvent


T = TypeVar("T", bound="PartnerScopesChangedWebhook")


@_attrs_define
class PartnerScopesChangedWebhook:
    """
    Attributes:
        type_ (PartnerScopesChangedWebhookType): * `partner.scopes_changed` - partner.scopes_changed
        timestamp (datetime.datetime): When it happened.
        data (PartnerEvent):
    """

    type_: PartnerScopesChangedWebhookType
    timestamp: datetime.datetime
    data: PartnerEvent

    def to_dict(self) -> dict[str, Any]:
        from ..models.partner_event import PartnerEvent  # noqa: PLC0415

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
        from ..models.partner_event import PartnerEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = PartnerScopesChangedWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = PartnerEvent.from_dict(d.pop("data"))

        partner_scopes_changed_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return partner_scopes_changed_webhook
