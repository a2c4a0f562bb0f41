from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language_enum import LanguageEnum
from ..models.role_enum import RoleEnum
from uuid import UUID


T = TypeVar("T", bound="MemberData")


@_attrs_define
class MemberData:
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
        active (bool):
    """

    id: UUID
    email: str
    name: str
    role: RoleEnum
    language: LanguageEnum
    active: bool

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        email = self.email

        name = self.name

        role = self.role.value

        language = self.language.value

        active = self.active

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "email": email,
                "name": name,
                "role": role,
                "language": language,
                "active": active,
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

        active = d.pop("active")

        member_data = cls(
            id=id,
            email=email,
            name=name,
            role=role,
            language=language,
            active=active,
        )

        return member_data
