from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from uuid import UUID


T = TypeVar("T", bound="Line")


@_attrs_define
class Line:
    """
    Attributes:
        id (UUID):
        pbx (UUID):
        user (UUID):
        user_name (str):
        extension (str):
        public_number (str):
    """

    id: UUID
    pbx: UUID
    user: UUID
    user_name: str
    extension: str
    public_number: str

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        pbx = str(self.pbx)

        user = str(self.user)

        user_name = self.user_name

        extension = self.extension

        public_number = self.public_number

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "pbx": pbx,
                "user": user,
                "user_name": user_name,
                "extension": extension,
                "public_number": public_number,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        pbx = UUID(d.pop("pbx"))

        user = UUID(d.pop("user"))

        user_name = d.pop("user_name")

        extension = d.pop("extension")

        public_number = d.pop("public_number")

        line = cls(
            id=id,
            pbx=pbx,
            user=user,
            user_name=user_name,
            extension=extension,
            public_number=public_number,
        )

        return line
