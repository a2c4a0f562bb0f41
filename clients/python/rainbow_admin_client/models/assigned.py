from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="Assigned")


@_attrs_define
class Assigned:
    """
    Attributes:
        assigned (int):
    """

    assigned: int

    def to_dict(self) -> dict[str, Any]:
        assigned = self.assigned

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "assigned": assigned,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        assigned = d.pop("assigned")

        assigned = cls(
            assigned=assigned,
        )

        return assigned
