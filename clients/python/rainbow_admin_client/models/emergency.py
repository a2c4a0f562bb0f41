from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID


T = TypeVar("T", bound="Emergency")


@_attrs_define
class Emergency:
    """
    Attributes:
        id (UUID):
        country (str):
        number (str):
        description (str):
        softphone_allowed (bool):
        hunt_group (None | UUID):
    """

    id: UUID
    country: str
    number: str
    description: str
    softphone_allowed: bool
    hunt_group: None | UUID

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        country = self.country

        number = self.number

        description = self.description

        softphone_allowed = self.softphone_allowed

        hunt_group: None | str
        if isinstance(self.hunt_group, UUID):
            hunt_group = str(self.hunt_group)
        else:
            hunt_group = self.hunt_group

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "country": country,
                "number": number,
                "description": description,
                "softphone_allowed": softphone_allowed,
                "hunt_group": hunt_group,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        country = d.pop("country")

        number = d.pop("number")

        description = d.pop("description")

        softphone_allowed = d.pop("softphone_allowed")

        def _parse_hunt_group(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hunt_group_type_0 = UUID(data)

                return hunt_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        hunt_group = _parse_hunt_group(d.pop("hunt_group"))

        emergency = cls(
            id=id,
            country=country,
            number=number,
            description=description,
            softphone_allowed=softphone_allowed,
            hunt_group=hunt_group,
        )

        return emergency
