from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID


T = TypeVar("T", bound="EventEndpoint")


@_attrs_define
class EventEndpoint:
    """
    Attributes:
        id (UUID):
        url (str):
    """

    id: UUID
    url: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        url = self.url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "url": url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        url = d.pop("url")

        event_endpoint = cls(
            id=id,
            url=url,
        )

        return event_endpoint
