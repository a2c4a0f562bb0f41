from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.blank_enum import BlankEnum
from ..models.company_kind_enum import CompanyKindEnum
from ..models.language_enum import LanguageEnum
from ..models.require_two_factor_enum import RequireTwoFactorEnum
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="PatchedCompanyUpdateRequest")


@_attrs_define
class PatchedCompanyUpdateRequest:
    """Types only: the rules (``companies.services.company_update``) are the page's as well.

    Attributes:
        name (str | Unset):
        country (str | Unset):
        language (BlankEnum | LanguageEnum | Unset):
        timezone (str | Unset):
        address (str | Unset):
        postal_code (str | Unset):
        city (str | Unset):
        phone (str | Unset):
        website (str | Unset):
        contact_email (str | Unset):
        require_two_factor (RequireTwoFactorEnum | Unset): * `none` - Not required
            * `admins` - Required for administrators
            * `everyone` - Required for everyone
        kind (CompanyKindEnum | Unset): * `customer` - Customer
            * `reseller` - Reseller
            * `distributor` - Distributor
    """

    name: str | Unset = UNSET
    country: str | Unset = UNSET
    language: BlankEnum | LanguageEnum | Unset = UNSET
    timezone: str | Unset = UNSET
    address: str | Unset = UNSET
    postal_code: str | Unset = UNSET
    city: str | Unset = UNSET
    phone: str | Unset = UNSET
    website: str | Unset = UNSET
    contact_email: str | Unset = UNSET
    require_two_factor: RequireTwoFactorEnum | Unset = UNSET
    kind: CompanyKindEnum | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        country = self.country

        language: str | Unset
        if isinstance(self.language, Unset):
            language = UNSET
        elif isinstance(self.language, LanguageEnum):
            language = self.language.value
        else:
            language = self.language.value

        timezone = self.timezone

        address = self.address

        postal_code = self.postal_code

        city = self.city

        phone = self.phone

        website = self.website

        contact_email = self.contact_email

        require_two_factor: str | Unset = UNSET
        if not isinstance(self.require_two_factor, Unset):
            require_two_factor = self.require_two_factor.value

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if country is not UNSET:
            field_dict["country"] = country
        if language is not UNSET:
            field_dict["language"] = language
        if timezone is not UNSET:
            field_dict["timezone"] = timezone
        if address is not UNSET:
            field_dict["address"] = address
        if postal_code is not UNSET:
            field_dict["postal_code"] = postal_code
        if city is not UNSET:
            field_dict["city"] = city
        if phone is not UNSET:
            field_dict["phone"] = phone
        if website is not UNSET:
            field_dict["website"] = website
        if contact_email is not UNSET:
            field_dict["contact_email"] = contact_email
        if require_two_factor is not UNSET:
            field_dict["require_two_factor"] = require_two_factor
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name", UNSET)

        country = d.pop("country", UNSET)

        def _parse_language(data: object) -> BlankEnum | LanguageEnum | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                language_type_0 = LanguageEnum(data)

                return language_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            if not isinstance(data, str):
                raise TypeError()
            language_type_1 = BlankEnum(data)

            return language_type_1

        language = _parse_language(d.pop("language", UNSET))

        timezone = d.pop("timezone", UNSET)

        address = d.pop("address", UNSET)

        postal_code = d.pop("postal_code", UNSET)

        city = d.pop("city", UNSET)

        phone = d.pop("phone", UNSET)

        website = d.pop("website", UNSET)

        contact_email = d.pop("contact_email", UNSET)

        _require_two_factor = d.pop("require_two_factor", UNSET)
        require_two_factor: RequireTwoFactorEnum | Unset
        if isinstance(_require_two_factor, Unset):
            require_two_factor = UNSET
        else:
            require_two_factor = RequireTwoFactorEnum(_require_two_factor)

        _kind = d.pop("kind", UNSET)
        kind: CompanyKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = CompanyKindEnum(_kind)

        patched_company_update_request = cls(
            name=name,
            country=country,
            language=language,
            timezone=timezone,
            address=address,
            postal_code=postal_code,
            city=city,
            phone=phone,
            website=website,
            contact_email=contact_email,
            require_two_factor=require_two_factor,
            kind=kind,
        )

        return patched_company_update_request
