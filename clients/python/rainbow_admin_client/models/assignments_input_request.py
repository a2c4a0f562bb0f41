from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="AssignmentsInputRequest")


@_attrs_define
class AssignmentsInputRequest:
    """
    Attributes:
        users (list[str]):
    """

    users: list[str]

    def to_dict(self) -> dict[str, Any]:
        users = self.users

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "users": users,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        users = cast(list[str], d.pop("users"))

        assignments_input_request = cls(
            users=users,
        )

        return assignments_input_request
