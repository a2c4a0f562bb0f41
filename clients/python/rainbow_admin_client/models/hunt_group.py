from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.policy_enum import PolicyEnum
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="HuntGroup")


@_attrs_define
class HuntGroup:
    """
    Attributes:
        id (UUID):
        name (str):
        extension (str):
        policy (PolicyEnum): * `serial` - Serial (in order)
            * `parallel` - Parallel (all at once)
            * `circular` - Circular (next after the last one)
        ring_timeout (int):
        members (list[UUID]):
    """

    id: UUID
    name: str
    extension: str
    policy: PolicyEnum
    ring_timeout: int
    members: list[UUID]

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        name = self.name

        extension = self.extension

        policy = self.policy.value

        ring_timeout = self.ring_timeout

        members = []
        for members_item_data in self.members:
            members_item = str(members_item_data)
            members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "extension": extension,
                "policy": policy,
                "ring_timeout": ring_timeout,
                "members": members,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        extension = d.pop("extension")

        policy = PolicyEnum(d.pop("policy"))

        ring_timeout = d.pop("ring_timeout")

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = UUID(members_item_data)

            members.append(members_item)

        hunt_group = cls(
            id=id,
            name=name,
            extension=extension,
            policy=policy,
            ring_timeout=ring_timeout,
            members=members,
        )

        return hunt_group
