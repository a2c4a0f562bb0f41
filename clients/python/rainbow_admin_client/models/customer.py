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
        scopes_until (datetime.datetime | None):
    """

    id: UUID
    name: str
    kind: CompanyKindEnum
    country: str
    since: datetime.datetime
    scopes: list[ScopesEnum]
    scopes_until: datetime.datetime | None

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

        scopes_until: None | str
        if isinstance(self.scopes_until, datetime.datetime):
            scopes_until = self.scopes_until.isoformat()
        else:
            scopes_until = self.scopes_until

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "country": country,
                "since": since,
                "scopes": scopes,
                "scopes_until": scopes_until,
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

        def _parse_scopes_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scopes_until_type_0 = datetime.datetime.fromisoformat(data)

                return scopes_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scopes_until = _parse_scopes_until(d.pop("scopes_until"))

        customer = cls(
            id=id,
            name=name,
            kind=kind,
            country=country,
            since=since,
            scopes=scopes,
            scopes_until=scopes_until,
        )

        return customer
