from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="NumbersInputRequest")


@_attrs_define
class NumbersInputRequest:
    """
    Attributes:
        number (str):
        count (int | Unset):  Default: 1.
    """

    number: str
    count: int | Unset = 1

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        count = self.count

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "number": number,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        count = d.pop("count", UNSET)

        numbers_input_request = cls(
            number=number,
            count=count,
        )

        return numbers_input_request
