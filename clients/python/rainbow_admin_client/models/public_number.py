from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.destination_enum import DestinationEnum
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.target import Target


T = TypeVar("T", bound="PublicNumber")


@_attrs_define
class PublicNumber:
    """
    Attributes:
        id (UUID):
        number (str):
        is_company_number (bool):
        destination (BlankEnum | DestinationEnum):
        target (None | Target):
    """

    id: UUID
    number: str
    is_company_number: bool
    destination: BlankEnum | DestinationEnum
    target: None | Target

    def to_dict(self) -> dict[str, Any]:
        from ..models.target import Target  # noqa: PLC0415

        id = str(self.id)

        number = self.number

        is_company_number = self.is_company_number

        destination: str
        if isinstance(self.destination, DestinationEnum):
            destination = self.destination.value
        else:
            destination = self.destination.value

        target: dict[str, Any] | None
        if isinstance(self.target, Target):
            target = self.target.to_dict()
        else:
            target = self.target

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "number": number,
                "is_company_number": is_company_number,
                "destination": destination,
                "target": target,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.target import Target  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        number = d.pop("number")

        is_company_number = d.pop("is_company_number")

        def _parse_destination(data: object) -> BlankEnum | DestinationEnum:
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

        destination = _parse_destination(d.pop("destination"))

        def _parse_target(data: object) -> None | Target:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                target_type_0 = Target.from_dict(data)

                return target_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Target, data)

        target = _parse_target(d.pop("target"))

        public_number = cls(
            id=id,
            number=number,
            is_company_number=is_company_number,
            destination=destination,
            target=target,
        )

        return public_number
