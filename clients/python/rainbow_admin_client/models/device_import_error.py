from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="DeviceImportError")


@_attrs_define
class DeviceImportError:
    """
    Attributes:
        row (int):
        identifier (str):
        error (str):
    """

    row: int
    identifier: str
    error: str

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        identifier = self.identifier

        error = self.error

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "row": row,
                "identifier": identifier,
                "error": error,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        identifier = d.pop("identifier")

        error = d.pop("error")

        device_import_error = cls(
            row=row,
            identifier=identifier,
            error=error,
        )

        return device_import_error
