from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID


T = TypeVar("T", bound="DirectoryEntry")


@_attrs_define
class DirectoryEntry:
    """
    Attributes:
        id (UUID):
        name (str):
        city (str):
        country (str):
    """

    id: UUID
    name: str
    city: str
    country: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        city = self.city

        country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "city": city,
                "country": country,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        city = d.pop("city")

        country = d.pop("country")

        directory_entry = cls(
            id=id,
            name=name,
            city=city,
            country=country,
        )

        return directory_entry
