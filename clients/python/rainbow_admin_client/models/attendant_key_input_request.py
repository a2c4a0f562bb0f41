from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.attendant_action_enum import AttendantActionEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="AttendantKeyInputRequest")


@_attrs_define
class AttendantKeyInputRequest:
    """
    Attributes:
        digit (str): 0 to 9
        action (AttendantActionEnum): * `member` - A member
            * `hunt_group` - A hunt group
            * `menu` - A sub-menu
        menu (str | Unset):
        member (None | Unset | UUID):
        hunt_group (None | Unset | UUID):
    """

    digit: str
    action: AttendantActionEnum
    menu: str | Unset = UNSET
    member: None | Unset | UUID = UNSET
    hunt_group: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        digit = self.digit

        action = self.action.value

        menu = self.menu

        member: None | str | Unset
        if isinstance(self.member, Unset):
            member = UNSET
        elif isinstance(self.member, UUID):
            member = str(self.member)
        else:
            member = self.member

        hunt_group: None | str | Unset
        if isinstance(self.hunt_group, Unset):
            hunt_group = UNSET
        elif isinstance(self.hunt_group, UUID):
            hunt_group = str(self.hunt_group)
        else:
            hunt_group = self.hunt_group

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "digit": digit,
                "action": action,
            }
        )
        if menu is not UNSET:
            field_dict["menu"] = menu
        if member is not UNSET:
            field_dict["member"] = member
        if hunt_group is not UNSET:
            field_dict["hunt_group"] = hunt_group

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        digit = d.pop("digit")

        action = AttendantActionEnum(d.pop("action"))

        menu = d.pop("menu", UNSET)

        def _parse_member(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_type_0 = UUID(data)

                return member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        member = _parse_member(d.pop("member", UNSET))

        def _parse_hunt_group(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                hunt_group_type_0 = UUID(data)

                return hunt_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        hunt_group = _parse_hunt_group(d.pop("hunt_group", UNSET))

        attendant_key_input_request = cls(
            digit=digit,
            action=action,
            menu=menu,
            member=member,
            hunt_group=hunt_group,
        )

        return attendant_key_input_request
