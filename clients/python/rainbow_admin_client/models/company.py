from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.company_kind_enum import CompanyKindEnum
from ..models.language_enum import LanguageEnum
from ..models.require_two_factor_enum import RequireTwoFactorEnum
from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="Company")


@_attrs_define
class Company:
    """
    Attributes:
        id (UUID):
        name (str):
        kind (CompanyKindEnum): * `customer` - Customer
            * `reseller` - Reseller
            * `distributor` - Distributor
        country (str):
        address (str):
        postal_code (str):
        city (str):
        language (LanguageEnum): * `en` - English
            * `de` - German
            * `fr` - French
        timezone (str):
        phone (str): E.164, e.g. +493012345678; empty when not given
        website (str):
        contact_email (str):
        require_two_factor (RequireTwoFactorEnum): * `none` - Not required
            * `admins` - Required for administrators
            * `everyone` - Required for everyone
        created_at (datetime.datetime):
    """

    id: UUID
    name: str
    kind: CompanyKindEnum
    country: str
    address: str
    postal_code: str
    city: str
    language: LanguageEnum
    timezone: str
    phone: str
    website: str
    contact_email: str
    require_two_factor: RequireTwoFactorEnum
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        kind = self.kind.value

        country = self.country

        address = self.address

        postal_code = self.postal_code

        city = self.city

        language = self.language.value

        timezone = self.timezone

        phone = self.phone

        website = self.website

        contact_email = self.contact_email

        require_two_factor = self.require_two_factor.value

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "kind": kind,
                "country": country,
                "address": address,
                "postal_code": postal_code,
                "city": city,
                "language": language,
                "timezone": timezone,
                "phone": phone,
                "website": website,
                "contact_email": contact_email,
                "require_two_factor": require_two_factor,
                "created_at": created_at,
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

        address = d.pop("address")

        postal_code = d.pop("postal_code")

        city = d.pop("city")

        language = LanguageEnum(d.pop("language"))

        timezone = d.pop("timezone")

        phone = d.pop("phone")

        website = d.pop("website")

        contact_email = d.pop("contact_email")

        require_two_factor = RequireTwoFactorEnum(d.pop("require_two_factor"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        company = cls(
            id=id,
            name=name,
            kind=kind,
            country=country,
            address=address,
            postal_code=postal_code,
            city=city,
            language=language,
            timezone=timezone,
            phone=phone,
            website=website,
            contact_email=contact_email,
            require_two_factor=require_two_factor,
            created_at=created_at,
        )

        return company
