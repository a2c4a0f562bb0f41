from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID


T = TypeVar("T", bound="DevicePatchRequest")


@_attrs_define
class DevicePatchRequest:
    """
    Attributes:
        line (None | UUID):
    """

    line: None | UUID

    def to_dict(self) -> dict[str, Any]:
        line: None | str
        if isinstance(self.line, UUID):
            line = str(self.line)
        else:
            line = self.line

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "line": line,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_line(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                line_type_0 = UUID(data)

                return line_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        line = _parse_line(d.pop("line"))

        device_patch_request = cls(
            line=line,
        )

        return device_patch_request
