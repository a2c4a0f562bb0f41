from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.pbx_kind_enum import PbxKindEnum
from ..models.pbx_status_enum import PbxStatusEnum
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.event_company import EventCompany


T = TypeVar("T", bound="PbxData")


@_attrs_define
class PbxData:
    """
    Attributes:
        id (UUID):
        kind (PbxKindEnum): * `cloud_pbx` - Cloud PBX
            * `omnipcx_enterprise` - OmniPCX Enterprise
            * `oxo_connect` - OXO Connect
            * `third_party` - Third-party PBX
        name (str):
        country (str):
        status (PbxStatusEnum): * `active` - Active
            * `suspended` - Suspended
        company (EventCompany):
    """

    id: UUID
    kind: PbxKindEnum
    name: str
    country: str
    status: PbxStatusEnum
    company: EventCompany

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_company import EventCompany  # noqa: PLC0415

        id = str(self.id)

        kind = self.kind.value

        name = self.name

        country = self.country

        status = self.status.value

        company = self.company.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "name": name,
                "country": country,
                "status": status,
                "company": company,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_company import EventCompany  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = PbxKindEnum(d.pop("kind"))

        name = d.pop("name")

        country = d.pop("country")

        status = PbxStatusEnum(d.pop("status"))

        company = EventCompany.from_dict(d.pop("company"))

        pbx_data = cls(
            id=id,
            kind=kind,
            name=name,
            country=country,
            status=status,
            company=company,
        )

        return pbx_data
