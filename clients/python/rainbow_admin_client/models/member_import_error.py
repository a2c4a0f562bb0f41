from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="MemberImportError")


@_attrs_define
class MemberImportError:
    """
    Attributes:
        row (int):
        field (str):
        message (str):
    """

    row: int
    field: str
    message: str

    def to_dict(self) -> dict[str, Any]:
        row = self.row

        field = self.field

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "row": row,
                "field": field,
                "message": message,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        row = d.pop("row")

        field = d.pop("field")

        message = d.pop("message")

        member_import_error = cls(
            row=row,
            field=field,
            message=message,
        )

        return member_import_error
