from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from uuid import UUID


T = TypeVar("T", bound="InvitationInputRequest")


@_attrs_define
class InvitationInputRequest:
    """
    Attributes:
        to_company (UUID):
        message (str | Unset):  Default: ''.
    """

    to_company: UUID
    message: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        to_company = str(self.to_company)

        message = self.message

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "to_company": to_company,
            }
        )
        if message is not UNSET:
            field_dict["message"] = message

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        to_company = UUID(d.pop("to_company"))

        message = d.pop("message", UNSET)

        invitation_input_request = cls(
            to_company=to_company,
            message=message,
        )

        return invitation_input_request
