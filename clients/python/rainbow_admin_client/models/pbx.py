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
import datetime

if TYPE_CHECKING:
    from ..models.ref import Ref


T = TypeVar("T", bound="Pbx")


@_attrs_define
class Pbx:
    """
    Attributes:
        id (UUID):
        company (UUID):
        kind (PbxKindEnum): * `cloud_pbx` - Cloud PBX
            * `omnipcx_enterprise` - OmniPCX Enterprise
            * `oxo_connect` - OXO Connect
            * `third_party` - Third-party PBX
        name (str):
        country (str):
        status (PbxStatusEnum): * `active` - Active
            * `suspended` - Suspended
        declared_by (None | Ref):
        declared_by_company (None | Ref):
        created_at (datetime.datetime):
        extension_prefix (str):
        extension_digits (int | None):
        first_extension (str):
        last_extension (str):
        language (str):
        time_zone (str):
        system_id (str):
        version (str):
        call_server (str):
        sip_domain (str):
    """

    id: UUID
    company: UUID
    kind: PbxKindEnum
    name: str
    country: str
    status: PbxStatusEnum
    declared_by: None | Ref
    declared_by_company: None | Ref
    created_at: datetime.datetime
    extension_prefix: str
    extension_digits: int | None
    first_extension: str
    last_extension: str
    language: str
    time_zone: str
    system_id: str
    version: str
    call_server: str
    sip_domain: str

    def to_dict(self) -> dict[str, Any]:
        from ..models.ref import Ref  # noqa: PLC0415

        id = str(self.id)

        company = str(self.company)

        kind = self.kind.value

        name = self.name

        country = self.country

        status = self.status.value

        declared_by: dict[str, Any] | None
        if isinstance(self.declared_by, Ref):
            declared_by = self.declared_by.to_dict()
        else:
            declared_by = self.declared_by

        declared_by_company: dict[str, Any] | None
        if isinstance(self.declared_by_company, Ref):
            declared_by_company = self.declared_by_company.to_dict()
        else:
            declared_by_company = self.declared_by_company

        created_at = self.created_at.isoformat()

        extension_prefix = self.extension_prefix

        extension_digits: int | None
        extension_digits = self.extension_digits

        first_extension = self.first_extension

        last_extension = self.last_extension

        language = self.language

        time_zone = self.time_zone

        system_id = self.system_id

        version = self.version

        call_server = self.call_server

        sip_domain = self.sip_domain

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "company": company,
                "kind": kind,
                "name": name,
                "country": country,
                "status": status,
                "declared_by": declared_by,
                "declared_by_company": declared_by_company,
                "created_at": created_at,
                "extension_prefix": extension_prefix,
                "extension_digits": extension_digits,
                "first_extension": first_extension,
                "last_extension": last_extension,
                "language": language,
                "time_zone": time_zone,
                "system_id": system_id,
                "version": version,
                "call_server": call_server,
                "sip_domain": sip_domain,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.ref import Ref  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        company = UUID(d.pop("company"))

        kind = PbxKindEnum(d.pop("kind"))

        name = d.pop("name")

        country = d.pop("country")

        status = PbxStatusEnum(d.pop("status"))

        def _parse_declared_by(data: object) -> None | Ref:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                declared_by_type_0 = Ref.from_dict(data)

                return declared_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref, data)

        declared_by = _parse_declared_by(d.pop("declared_by"))

        def _parse_declared_by_company(data: object) -> None | Ref:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                declared_by_company_type_0 = Ref.from_dict(data)

                return declared_by_company_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Ref, data)

        declared_by_company = _parse_declared_by_company(d.pop("declared_by_company"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        extension_prefix = d.pop("extension_prefix")

        def _parse_extension_digits(data: object) -> int | None:
            if data is None:
                return data
            return cast(int | None, data)

        extension_digits = _parse_extension_digits(d.pop("extension_digits"))

        first_extension = d.pop("first_extension")

        last_extension = d.pop("last_extension")

        language = d.pop("language")

        time_zone = d.pop("time_zone")

        system_id = d.pop("system_id")

        version = d.pop("version")

        call_server = d.pop("call_server")

        sip_domain = d.pop("sip_domain")

        pbx = cls(
            id=id,
            company=company,
            kind=kind,
            name=name,
            country=country,
            status=status,
            declared_by=declared_by,
            declared_by_company=declared_by_company,
            created_at=created_at,
            extension_prefix=extension_prefix,
            extension_digits=extension_digits,
            first_extension=first_extension,
            last_extension=last_extension,
            language=language,
            time_zone=time_zone,
            system_id=system_id,
            version=version,
            call_server=call_server,
            sip_domain=sip_domain,
        )

        return pbx
