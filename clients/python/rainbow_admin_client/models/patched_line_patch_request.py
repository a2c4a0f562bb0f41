from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="PatchedLinePatchRequest")


@_attrs_define
class PatchedLinePatchRequest:
    """
    Attributes:
        extension (str | Unset):
        public_number (None | str | Unset):
    """

    extension: str | Unset = UNSET
    public_number: None | str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        extension = self.extension

        public_number: None | str | Unset
        if isinstance(self.public_number, Unset):
            public_number = UNSET
        else:
            public_number = self.public_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if extension is not UNSET:
            field_dict["extension"] = extension
        if public_number is not UNSET:
            field_dict["public_number"] = public_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        extension = d.pop("extension", UNSET)

        def _parse_public_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_number = _parse_public_number(d.pop("public_number", UNSET))

        patched_line_patch_request = cls(
            extension=extension,
            public_number=public_number,
        )

        return patched_line_patch_request
