from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="ClosingExceptionInputRequest")


@_attrs_define
class ClosingExceptionInputRequest:
    """
    Attributes:
        date (datetime.date):
        opens (None | str | Unset): HH:MM
        closes (None | str | Unset): HH:MM
        description (str | Unset):
    """

    date: datetime.date
    opens: None | str | Unset = UNSET
    closes: None | str | Unset = UNSET
    description: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        date = self.date.isoformat()

        opens: None | str | Unset
        if isinstance(self.opens, Unset):
            opens = UNSET
        else:
            opens = self.opens

        closes: None | str | Unset
        if isinstance(self.closes, Unset):
            closes = UNSET
        else:
            closes = self.closes

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "date": date,
            }
        )
        if opens is not UNSET:
            field_dict["opens"] = opens
        if closes is not UNSET:
            field_dict["closes"] = closes
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        date = datetime.date.fromisoformat(d.pop("date"))

        def _parse_opens(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        opens = _parse_opens(d.pop("opens", UNSET))

        def _parse_closes(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        closes = _parse_closes(d.pop("closes", UNSET))

        description = d.pop("description", UNSET)

        closing_exception_input_request = cls(
            date=date,
            opens=opens,
            closes=closes,
            description=description,
        )

        return closing_exception_input_request
