from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.attendant_key_input_request import AttendantKeyInputRequest


T = TypeVar("T", bound="PatchedAttendantInputRequest")


@_attrs_define
class PatchedAttendantInputRequest:
    """
    Attributes:
        name (str | Unset):
        dial_by_extension (bool | Unset):
        public_number (None | str | Unset):
        keys (list[AttendantKeyInputRequest] | Unset):
    """

    name: str | Unset = UNSET
    dial_by_extension: bool | Unset = UNSET
    public_number: None | str | Unset = UNSET
    keys: list[AttendantKeyInputRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.attendant_key_input_request import AttendantKeyInputRequest  # noqa: PLC0415

        name = self.name

        dial_by_extension = self.dial_by_extension

        public_number: None | str | Unset
        if isinstance(self.public_number, Unset):
            public_number = UNSET
        else:
            public_number = self.public_number

        keys: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.keys, Unset):
            keys = []
            for keys_item_data in self.keys:
                keys_item = keys_item_data.to_dict()
                keys.append(keys_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if dial_by_extension is not UNSET:
            field_dict["dial_by_extension"] = dial_by_extension
        if public_number is not UNSET:
            field_dict["public_number"] = public_number
        if keys is not UNSET:
            field_dict["keys"] = keys

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendant_key_input_request import AttendantKeyInputRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        dial_by_extension = d.pop("dial_by_extension", UNSET)

        def _parse_public_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_number = _parse_public_number(d.pop("public_number", UNSET))

        _keys = d.pop("keys", UNSET)
        keys: list[AttendantKeyInputRequest] | Unset = UNSET
        if _keys is not UNSET:
            keys = []
            for keys_item_data in _keys:
                keys_item = AttendantKeyInputRequest.from_dict(keys_item_data)

                keys.append(keys_item)

        patched_attendant_input_request = cls(
            name=name,
            dial_by_extension=dial_by_extension,
            public_number=public_number,
            keys=keys,
        )

        return patched_attendant_input_request
