from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime


T = TypeVar("T", bound="ClosingException")


@_attrs_define
class ClosingException:
    """
    Attributes:
        date (datetime.date):
        opens (None | str): HH:MM, null: closed all day
        closes (None | str): HH:MM
        description (str):
    """

    date: datetime.date
    opens: None | str
    closes: None | str
    description: str

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        opens: None | str
        opens = self.opens

        closes: None | str
        closes = self.closes

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
                "opens": opens,
                "closes": closes,
                "description": description,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_opens(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        opens = _parse_opens(d.pop("opens"))

        def _parse_closes(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        closes = _parse_closes(d.pop("closes"))

        description = d.pop("description")

        closing_exception = cls(
            date=date,
            opens=opens,
            closes=closes,
            description=description,
        )

        return closing_exception
