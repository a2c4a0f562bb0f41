from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.policy_enum import PolicyEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="HuntGroupInputRequest")


@_attrs_define
class HuntGroupInputRequest:
    """
    Attributes:
        name (str):
        policy (PolicyEnum): * `serial` - Serial (in order)
            * `parallel` - Parallel (all at once)
            * `circular` - Circular (next after the last one)
        extension (str | Unset):
        ring_timeout (int | Unset):  Default: 20.
        members (list[UUID] | Unset):
    """

    name: str
    policy: PolicyEnum
    extension: str | Unset = UNSET
    ring_timeout: int | Unset = 20
    members: list[UUID] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        policy = self.policy.value

        extension = self.extension

        ring_timeout = self.ring_timeout

        members: list[str] | Unset = UNSET
        if not isinstance(self.members, Unset):
            members = []
            for members_item_data in self.members:
                members_item = str(members_item_data)
                members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "name": name,
                "policy": policy,
            }
        )
        if extension is not UNSET:
            field_dict["extension"] = extension
        if ring_timeout is not UNSET:
            field_dict["ring_timeout"] = ring_timeout
        if members is not UNSET:
            field_dict["members"] = members

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        name = d.pop("name")

        policy = PolicyEnum(d.pop("policy"))

        extension = d.pop("extension", UNSET)

        ring_timeout = d.pop("ring_timeout", UNSET)

        _members = d.pop("members", UNSET)
        members: list[UUID] | Unset = UNSET
        if _members is not UNSET:
            members = []
            for members_item_data in _members:
                members_item = UUID(members_item_data)

                members.append(members_item)

        hunt_group_input_request = cls(
            name=name,
            policy=policy,
            extension=extension,
            ring_timeout=ring_timeout,
            members=members,
        )

        return hunt_group_input_request
