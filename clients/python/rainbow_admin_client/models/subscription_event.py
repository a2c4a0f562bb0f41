from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.subscription_data import SubscriptionData


T = TypeVar("T", bound="SubscriptionEvent")


@_attrs_define
class SubscriptionEvent:
    """
    Attributes:
        subscription (SubscriptionData):
    """

    subscription: SubscriptionData

    def to_dict(self) -> dict[str, Any]:
        from ..models.subscription_data import SubscriptionData  # noqa: PLC0415

        subscription = self.subscription.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "subscription": subscription,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.subscription_data import SubscriptionData  # noqa: PLC0415

        d = dict(src_dict)
        subscription = SubscriptionData.from_dict(d.pop("subscription"))

        subscription_event = cls(
            subscription=subscription,
        )

        return subscription_event
