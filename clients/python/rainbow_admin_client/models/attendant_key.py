from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attendant_action_enum import AttendantActionEnum
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="AttendantKey")


@_attrs_define
class AttendantKey:
    """
    Attributes:
        menu (str): "" for the root menu, "1", "12"…
        digit (str): 0 to 9
        action (AttendantActionEnum): * `member` - A member
            * `hunt_group` - A hunt group
            * `menu` - A sub-menu
        member (None | UUID):
        hunt_group (None | UUID):
    """

    menu: str
    digit: str
    action: AttendantActionEnum
    member: None | UUID
    hunt_group: None | UUID

    def to_dict(self) -> dict[str, Any]:
        menu = self.menu

        digit = self.digit

        action = self.action.value

        member: None | str
        if isinstance(self.member, UUID):
            member = str(self.member)
        else:
            member = self.member

        hunt_group: None | str
        if isinstance(self.hunt_group, UUID):
            hunt_group = str(self.hunt_group)
        else:
            hunt_group = self.hunt_group

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "menu": menu,
                "digit": digit,
                "action": action,
                "member": member,
                "hunt_group": hunt_group,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        menu = d.pop("menu")

        digit = d.pop("digit")

        action = AttendantActionEnum(d.pop("action"))

        def _parse_member(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_type_0 = UUID(data)

                return member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        member = _parse_member(d.pop("member"))

        def _parse_hunt_group(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hunt_group_type_0 = UUID(data)

                return hunt_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        hunt_group = _parse_hunt_group(d.pop("hunt_group"))

        attendant_key = cls(
            menu=menu,
            digit=digit,
            action=action,
            member=member,
            hunt_group=hunt_group,
        )

        return attendant_key
