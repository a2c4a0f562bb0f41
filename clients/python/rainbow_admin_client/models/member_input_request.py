from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.language_enum import LanguageEnum
from ..models.role_enum import RoleEnum
from ..types import UNSET, Unset


T = TypeVar("T", bound="MemberInputRequest")


@_attrs_define
class MemberInputRequest:
    """
    Attributes:
        email (str):
        name (str):
        role (RoleEnum | Unset): * `admin` - Administrator
            * `member` - Member Default: RoleEnum.MEMBER.
        language (LanguageEnum | Unset): * `en` - English
            * `de` - German
            * `fr` - French
        password (str | Unset):
    """

    email: str
    name: str
    role: RoleEnum | Unset = RoleEnum.MEMBER
    language: LanguageEnum | Unset = UNSET
    password: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        name = self.name

        role: str | Unset = UNSET
        if not isinstance(self.role, Unset):
            role = self.role.value

        language: str | Unset = UNSET
        if not isinstance(self.language, Unset):
            language = self.language.value

        password = self.password

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "name": name,
            }
        )
        if role is not UNSET:
            field_dict["role"] = role
        if language is not UNSET:
            field_dict["language"] = language
        if password is not UNSET:
            field_dict["password"] = password

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        email = d.pop("email")

        name = d.pop("name")

        _role = d.pop("role", UNSET)
        role: RoleEnum | Unset
        if isinstance(_role, Unset):
            role = UNSET
        else:
            role = RoleEnum(_role)

        _language = d.pop("language", UNSET)
        language: LanguageEnum | Unset
        if isinstance(_language, Unset):
            language = UNSET
        else:
            language = LanguageEnum(_language)

        password = d.pop("password", UNSET)

        member_input_request = cls(
            email=email,
            name=name,
            role=role,
            language=language,
            password=password,
        )

        return member_input_request
