from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID


T = TypeVar("T", bound="EventSubscription")


@_attrs_define
class EventSubscription:
    """
    Attributes:
        id (UUID):
        offer (str):
    """

    id: UUID
    offer: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        offer = self.offer

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "offer": offer,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        offer = d.pop("offer")

        event_subscription = cls(
            id=id,
            offer=offer,
        )

        return event_subscription
