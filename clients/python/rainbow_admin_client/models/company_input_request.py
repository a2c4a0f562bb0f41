from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.company_kind_enum import CompanyKindEnum


T = TypeVar("T", bound="CompanyInputRequest")


@_attrs_define
class CompanyInputRequest:
    """
    Attributes:
        name (str):
        kind (CompanyKindEnum): * `customer` - Customer
            * `reseller` - Reseller
            * `distributor` - Distributor
        country (str):
    """

    name: str
    kind: CompanyKindEnum
    country: str

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind = self.kind.value

        country = self.country

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "kind": kind,
                "country": country,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        kind = CompanyKindEnum(d.pop("kind"))

        country = d.pop("country")

        company_input_request = cls(
            name=name,
            kind=kind,
            country=country,
        )

        return company_input_request
