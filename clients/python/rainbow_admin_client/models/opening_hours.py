from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="OpeningHours")


@_attrs_define
class OpeningHours:
    """
    Attributes:
        weekday (int): 0 is Monday.
        opens (str): HH:MM
        closes (str): HH:MM
    """

    weekday: int
    opens: str
    closes: str

    def to_dict(self) -> dict[str, Any]:
        weekday = self.weekday

        opens = self.opens

        closes = self.closes

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "weekday": weekday,
                "opens": opens,
                "closes": closes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        weekday = d.pop("weekday")

        opens = d.pop("opens")

        closes = d.pop("closes")

        opening_hours = cls(
            weekday=weekday,
            opens=opens,
            closes=closes,
        )

        return opening_hours
