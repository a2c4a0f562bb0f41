from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="Offer")


@_attrs_define
class Offer:
    """
    Attributes:
        code (str):
        name (str):
        description (str):
        exclusive (bool):
        free (bool):
    """

    code: str
    name: str
    description: str
    exclusive: bool
    free: bool

    def to_dict(self) -> dict[str, Any]:
        code = self.code

        name = self.name

        description = self.description

        exclusive = self.exclusive

        free = self.free

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "code": code,
                "name": name,
                "description": description,
                "exclusive": exclusive,
                "free": free,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        code = d.pop("code")

        name = d.pop("name")

        description = d.pop("description")

        exclusive = d.pop("exclusive")

        free = d.pop("free")

        offer = cls(
            code=code,
            name=name,
            description=description,
            exclusive=exclusive,
            free=free,
        )

        return offer
