from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.destination_enum import DestinationEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="PatchedNumberPatchRequest")


@_attrs_define
class PatchedNumberPatchRequest:
    """
    Attributes:
        destination (BlankEnum | DestinationEnum | Unset):
        target (BlankEnum | None | Unset | UUID):
        is_company_number (bool | Unset):
    """

    destination: BlankEnum | DestinationEnum | Unset = UNSET
    target: BlankEnum | None | Unset | UUID = UNSET
    is_company_number: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        destination: str | Unset
        if isinstance(self.destination, Unset):
            destination = UNSET
        elif isinstance(self.destination, DestinationEnum):
            destination = self.destination.value
        else:
            destination = self.destination.value

        target: None | str | Unset
        if isinstance(self.target, Unset):
            target = UNSET
        elif isinstance(self.target, UUID):
            target = str(self.target)
        elif isinstance(self.target, BlankEnum):
            target = self.target.value
        else:
            target = self.target

        is_company_number = self.is_company_number

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if destination is not UNSET:
            field_dict["destination"] = destination
        if target is not UNSET:
            field_dict["target"] = target
        if is_company_number is not UNSET:
            field_dict["is_company_number"] = is_company_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_destination(data: object) -> BlankEnum | DestinationEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                destination_type_0 = DestinationEnum(data)

                return destination_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            destination_type_1 = BlankEnum(data)

            return destination_type_1

        destination = _parse_destination(d.pop("destination", UNSET))

        def _parse_target(data: object) -> BlankEnum | None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_type_0 = UUID(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            try:
                if not isinstance(data, str):
                    raise TypeError()
                target_type_1 = BlankEnum(data)

                return target_type_1
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BlankEnum | None | Unset | UUID, data)

        target = _parse_target(d.pop("target", UNSET))

        is_company_number = d.pop("is_company_number", UNSET)

        patched_number_patch_request = cls(
            destination=destination,
            target=target,
            is_company_number=is_company_number,
        )

        return patched_number_patch_request
