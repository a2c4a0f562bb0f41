from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language_enum import LanguageEnum
from ..models.person_status_enum import PersonStatusEnum
from ..models.role_enum import RoleEnum
from uuid import UUID


T = TypeVar("T", bound="User")


@_attrs_define
class User:
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
    """

    id: UUID
    email: str
    name: str
    role: RoleEnum
    language: LanguageEnum
    status: PersonStatusEnum

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        name = self.name

        role = self.role.value

        language = self.language.value

        status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "email": email,
                "name": name,
                "role": role,
                "language": language,
                "status": status,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        email = d.pop("email")

        name = d.pop("name")

        role = RoleEnum(d.pop("role"))

        language = LanguageEnum(d.pop("language"))

        status = PersonStatusEnum(d.pop("status"))

        user = cls(
            id=id,
            email=email,
            name=name,
            role=role,
            language=language,
            status=status,
        )

        return user
