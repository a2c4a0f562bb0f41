from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.subscription_created_webhook_type import SubscriptionCreatedWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.subscription_event import SubscriptionEvent


T = TypeVar("T", bound="SubscriptionCreatedWebhook")


@_attrs_define
class SubscriptionCreatedWebhook:
    """
    Attributes:
        type_ (SubscriptionCreatedWebhookType): * `subscription.created` - subscription.created
        timestamp (datetime.datetime): When it happened.
        data (SubscriptionEvent):
    """

    type_: SubscriptionCreatedWebhookType
    timestamp: datetime.datetime
    data: SubscriptionEvent

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_event import SubscriptionEvent  # noqa: PLC0415

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
        from ..models.subscription_event import SubscriptionEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = SubscriptionCreatedWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = SubscriptionEvent.from_dict(d.pop("data"))

        subscription_created_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return subscription_created_webhook
