from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language_enum import LanguageEnum
from ..models.person_status_enum import PersonStatusEnum
from ..models.role_enum import RoleEnum
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.company_ref import CompanyRef


T = TypeVar("T", bound="Me")


@_attrs_define
class Me:
    """
    Attributes:
        id (UUID):
        email (str):
        name (str):
        role (RoleEnum): * `admin` - Administrator
            * `member` - Member
        language (LanguageEnum): * `en` - English
            * `de` - German
            * `fr` - French
        status (PersonStatusEnum): * `active` - active
            * `invited` - invited
            * `deactivated` - deactivated
        company (CompanyRef | None):
        is_operator (bool):
    """

    id: UUID
    email: str
    name: str
    role: RoleEnum
    language: LanguageEnum
    status: PersonStatusEnum
    company: CompanyRef | None
    is_operator: bool

    def to_dict(self) -> dict[str, Any]:
        from ..models.company_ref import CompanyRef  # noqa: PLC0415

        id = str(self.id)

        email = self.email

        name = self.name

        role = self.role.value

        language = self.language.value

        status = self.status.value

        company: dict[str, Any] | None
        if isinstance(self.company, CompanyRef):
            company = self.company.to_dict()
        else:
            company = self.company

        is_operator = self.is_operator

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "email": email,
                "name": name,
                "role": role,
                "language": language,
                "status": status,
                "company": company,
                "is_operator": is_operator,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_ref import CompanyRef  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        name = d.pop("name")

        role = RoleEnum(d.pop("role"))

        language = LanguageEnum(d.pop("language"))

        status = PersonStatusEnum(d.pop("status"))

        def _parse_company(data: object) -> CompanyRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                company_type_0 = CompanyRef.from_dict(data)

                return company_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyRef | None, data)

        company = _parse_company(d.pop("company"))

        is_operator = d.pop("is_operator")

        me = cls(
            id=id,
            email=email,
            name=name,
            role=role,
            language=language,
            status=status,
            company=company,
            is_operator=is_operator,
        )

        return me
