from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="MemberImportInputRequest")


@_attrs_define
class MemberImportInputRequest:
    """
    Attributes:
        content (str):
        send_invitations (bool | Unset):  Default: True.
        file_name (str | Unset):  Default: 'members.csv'.
    """

    content: str
    send_invitations: bool | Unset = True
    file_name: str | Unset = "members.csv"

    def to_dict(self) -> dict[str, Any]:
        content = self.content

        send_invitations = self.send_invitations

        file_name = self.file_name

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "content": content,
            }
        )
        if send_invitations is not UNSET:
            field_dict["send_invitations"] = send_invitations
        if file_name is not UNSET:
            field_dict["file_name"] = file_name

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content = d.pop("content")

        send_invitations = d.pop("send_invitations", UNSET)

        file_name = d.pop("file_name", UNSET)

        member_import_input_request = cls(
            content=content,
            send_invitations=send_invitations,
            file_name=file_name,
        )

        return member_import_input_request
