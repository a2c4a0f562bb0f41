from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scopes_enum import ScopesEnum
from ..types import UNSET, Unset
from typing import cast
import datetime


T = TypeVar("T", bound="ScopesInputRequest")


@_attrs_define
class ScopesInputRequest:
    """
    Attributes:
        scopes (list[ScopesEnum] | Unset):
        scopes_until (datetime.datetime | None | Unset):
    """

    scopes: list[ScopesEnum] | Unset = UNSET
    scopes_until: datetime.datetime | None | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        scopes: list[str] | Unset = UNSET
        if not isinstance(self.scopes, Unset):
            scopes = []
            for scopes_item_data in self.scopes:
                scopes_item = scopes_item_data.value
                scopes.append(scopes_item)

        scopes_until: None | str | Unset
        if isinstance(self.scopes_until, Unset):
            scopes_until = UNSET
        elif isinstance(self.scopes_until, datetime.datetime):
            scopes_until = self.scopes_until.isoformat()
        else:
            scopes_until = self.scopes_until

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if scopes is not UNSET:
            field_dict["scopes"] = scopes
        if scopes_until is not UNSET:
            field_dict["scopes_until"] = scopes_until

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _scopes = d.pop("scopes", UNSET)
        scopes: list[ScopesEnum] | Unset = UNSET
        if _scopes is not UNSET:
            scopes = []
            for scopes_item_data in _scopes:
                scopes_item = ScopesEnum(scopes_item_data)

                scopes.append(scopes_item)

        def _parse_scopes_until(data: object) -> datetime.datetime | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scopes_until_type_0 = datetime.datetime.fromisoformat(data)

                return scopes_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None | Unset, data)

        scopes_until = _parse_scopes_until(d.pop("scopes_until", UNSET))

        scopes_input_request = cls(
            scopes=scopes,
            scopes_until=scopes_until,
        )

        return scopes_input_request
