from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="DeviceImportInputRequest")


@_attrs_define
class DeviceImportInputRequest:
    """
    Attributes:
        content (str):
        file_name (str | Unset):  Default: 'devices.csv'.
    """

    content: str
    file_name: str | Unset = "devices.csv"

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        file_name = self.file_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )
        if file_name is not UNSET:
            field_dict["file_name"] = file_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        file_name = d.pop("file_name", UNSET)

        device_import_input_request = cls(
            content=content,
            file_name=file_name,
        )

        return device_import_input_request
