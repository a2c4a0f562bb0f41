from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.company_kind_enum import CompanyKindEnum
from uuid import UUID


T = TypeVar("T", bound="EventCompany")


@_attrs_define
class EventCompany:
    """
    Attributes:
        id (UUID):
        name (str):
        kind (CompanyKindEnum): * `customer` - Customer
            * `reseller` - Reseller
            * `distributor` - Distributor
    """

    id: UUID
    name: str
    kind: CompanyKindEnum

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        kind = CompanyKindEnum(d.pop("kind"))

        event_company = cls(
            id=id,
            name=name,
            kind=kind,
        )

        return event_company
