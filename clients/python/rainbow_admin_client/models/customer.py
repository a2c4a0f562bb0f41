from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.company_kind_enum import CompanyKindEnum
from ..models.scopes_enum import ScopesEnum
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="Customer")


@_attrs_define
class Customer:
    """
    Attributes:
        id (UUID):
        name (str):
        kind (CompanyKindEnum): * `customer` - Customer
            * `reseller` - Reseller
            * `distributor` - Distributor
        country (str):
        since (datetime.datetime):
        scopes (list[ScopesEnum]):
    """

    id: UUID
    name: str
    kind: CompanyKindEnum
    country: str
    since: datetime.datetime
    scopes: list[ScopesEnum]

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        country = self.country

        since = self.since.isoformat()

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "country": country,
                "since": since,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        kind = CompanyKindEnum(d.pop("kind"))

        country = d.pop("country")

        since = datetime.datetime.fromisoformat(d.pop("since"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ScopesEnum(scopes_item_data)

            scopes.append(scopes_item)

        customer = cls(
            id=id,
            name=name,
            kind=kind,
            country=country,
            since=since,
            scopes=scopes,
        )

        return customer
