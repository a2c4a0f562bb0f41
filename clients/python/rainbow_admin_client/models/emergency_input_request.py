from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="EmergencyInputRequest")


@_attrs_define
class EmergencyInputRequest:
    """
    Attributes:
        country (str):
        number (str):
        description (str | Unset):
        softphone_allowed (bool | Unset):  Default: True.
        hunt_group (None | Unset | UUID):
    """

    country: str
    number: str
    description: str | Unset = UNSET
    softphone_allowed: bool | Unset = True
    hunt_group: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        country = self.country

        number = self.number

        description = self.description

        softphone_allowed = self.softphone_allowed

        hunt_group: None | str | Unset
        if isinstance(self.hunt_group, Unset):
            hunt_group = UNSET
        elif isinstance(self.hunt_group, UUID):
            hunt_group = str(self.hunt_group)
        else:
            hunt_group = self.hunt_group

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "country": country,
                "number": number,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description
        if softphone_allowed is not UNSET:
            field_dict["softphone_allowed"] = softphone_allowed
        if hunt_group is not UNSET:
            field_dict["hunt_group"] = hunt_group

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        country = d.pop("country")

        number = d.pop("number")

        description = d.pop("description", UNSET)

        softphone_allowed = d.pop("softphone_allowed", UNSET)

        def _parse_hunt_group(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hunt_group_type_0 = UUID(data)

                return hunt_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        hunt_group = _parse_hunt_group(d.pop("hunt_group", UNSET))

        emergency_input_request = cls(
            country=country,
            number=number,
            description=description,
            softphone_allowed=softphone_allowed,
            hunt_group=hunt_group,
        )

        return emergency_input_request
