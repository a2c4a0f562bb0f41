from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.closing_exception_input_request import ClosingExceptionInputRequest
    from ..models.opening_hours_request import OpeningHoursRequest


T = TypeVar("T", bound="PatchedWelcomeServiceInputRequest")


@_attrs_define
class PatchedWelcomeServiceInputRequest:
    """
    Attributes:
        name (str | Unset):
        public_number (None | str | Unset):
        open_member (None | Unset | UUID):
        open_hunt_group (None | Unset | UUID):
        closed_member (None | Unset | UUID):
        closed_hunt_group (None | Unset | UUID):
        hours (list[OpeningHoursRequest] | Unset):
        exceptions (list[ClosingExceptionInputRequest] | Unset):
    """

    name: str | Unset = UNSET
    public_number: None | str | Unset = UNSET
    open_member: None | Unset | UUID = UNSET
    open_hunt_group: None | Unset | UUID = UNSET
    closed_member: None | Unset | UUID = UNSET
    closed_hunt_group: None | Unset | UUID = UNSET
    hours: list[OpeningHoursRequest] | Unset = UNSET
    exceptions: list[ClosingExceptionInputRequest] | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.closing_exception_input_request import (
            ClosingExceptionInputRequest,
        )  # noqa: PLC0415
        from ..models.opening_hours_request import OpeningHoursRequest  # noqa: PLC0415

        name = self.name

        public_number: None | str | Unset
        if isinstance(self.public_number, Unset):
            public_number = UNSET
        else:
            public_number = self.public_number

        open_member: None | str | Unset
        if isinstance(self.open_member, Unset):
            open_member = UNSET
        elif isinstance(self.open_member, UUID):
            open_member = str(self.open_member)
        else:
            open_member = self.open_member

        open_hunt_group: None | str | Unset
        if isinstance(self.open_hunt_group, Unset):
            open_hunt_group = UNSET
        elif isinstance(self.open_hunt_group, UUID):
            open_hunt_group = str(self.open_hunt_group)
        else:
            open_hunt_group = self.open_hunt_group

        closed_member: None | str | Unset
        if isinstance(self.closed_member, Unset):
            closed_member = UNSET
        elif isinstance(self.closed_member, UUID):
            closed_member = str(self.closed_member)
        else:
            closed_member = self.closed_member

        closed_hunt_group: None | str | Unset
        if isinstance(self.closed_hunt_group, Unset):
            closed_hunt_group = UNSET
        elif isinstance(self.closed_hunt_group, UUID):
            closed_hunt_group = str(self.closed_hunt_group)
        else:
            closed_hunt_group = self.closed_hunt_group

        hours: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.hours, Unset):
            hours = []
            for hours_item_data in self.hours:
                hours_item = hours_item_data.to_dict()
                hours.append(hours_item)

        exceptions: list[dict[str, Any]] | Unset = UNSET
        if not isinstance(self.exceptions, Unset):
            exceptions = []
            for exceptions_item_data in self.exceptions:
                exceptions_item = exceptions_item_data.to_dict()
                exceptions.append(exceptions_item)

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if name is not UNSET:
            field_dict["name"] = name
        if public_number is not UNSET:
            field_dict["public_number"] = public_number
        if open_member is not UNSET:
            field_dict["open_member"] = open_member
        if open_hunt_group is not UNSET:
            field_dict["open_hunt_group"] = open_hunt_group
        if closed_member is not UNSET:
            field_dict["closed_member"] = closed_member
        if closed_hunt_group is not UNSET:
            field_dict["closed_hunt_group"] = closed_hunt_group
        if hours is not UNSET:
            field_dict["hours"] = hours
        if exceptions is not UNSET:
            field_dict["exceptions"] = exceptions

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.closing_exception_input_request import (
            ClosingExceptionInputRequest,
        )  # noqa: PLC0415
        from ..models.opening_hours_request import OpeningHoursRequest  # noqa: PLC0415

        d = dict(src_dict)
        name = d.pop("name", UNSET)

        def _parse_public_number(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        public_number = _parse_public_number(d.pop("public_number", UNSET))

        def _parse_open_member(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                open_member_type_0 = UUID(data)

                return open_member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        open_member = _parse_open_member(d.pop("open_member", UNSET))

        def _parse_open_hunt_group(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                open_hunt_group_type_0 = UUID(data)

                return open_hunt_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        open_hunt_group = _parse_open_hunt_group(d.pop("open_hunt_group", UNSET))

        def _parse_closed_member(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_member_type_0 = UUID(data)

                return closed_member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        closed_member = _parse_closed_member(d.pop("closed_member", UNSET))

        def _parse_closed_hunt_group(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_hunt_group_type_0 = UUID(data)

                return closed_hunt_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        closed_hunt_group = _parse_closed_hunt_group(d.pop("closed_hunt_group", UNSET))

        _hours = d.pop("hours", UNSET)
        hours: list[OpeningHoursRequest] | Unset = UNSET
        if _hours is not UNSET:
            hours = []
            for hours_item_data in _hours:
                hours_item = OpeningHoursRequest.from_dict(hours_item_data)

                hours.append(hours_item)

        _exceptions = d.pop("exceptions", UNSET)
        exceptions: list[ClosingExceptionInputRequest] | Unset = UNSET
        if _exceptions is not UNSET:
            exceptions = []
            for exceptions_item_data in _exceptions:
                exceptions_item = ClosingExceptionInputRequest.from_dict(
                    exceptions_item_data
                )

                exceptions.append(exceptions_item)

        patched_welcome_service_input_request = cls(
            name=name,
            public_number=public_number,
            open_member=open_member,
            open_hunt_group=open_hunt_group,
            closed_member=closed_member,
            closed_hunt_group=closed_hunt_group,
            hours=hours,
            exceptions=exceptions,
        )

        return patched_welcome_service_input_request
