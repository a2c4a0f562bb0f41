from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.closing_exception import ClosingException
    from ..models.opening_hours import OpeningHours


T = TypeVar("T", bound="WelcomeService")


@_attrs_define
class WelcomeService:
    """
    Attributes:
        id (UUID):
        name (str):
        public_number (None | str):
        open_destination (str): `member:<user id>`, `hunt_group:<hunt group id>` or empty (none); the same as `…_member`
            and `…_hunt_group`.
        closed_destination (str): `member:<user id>`, `hunt_group:<hunt group id>` or empty (none); the same as
            `…_member` and `…_hunt_group`.
        open_member (None | UUID):
        open_hunt_group (None | UUID):
        closed_member (None | UUID):
        closed_hunt_group (None | UUID):
        hours (list[OpeningHours]):
        exceptions (list[ClosingException]):
        open_now (bool):
        greeting_open (bool):
        greeting_closed (bool):
        greeting_open_url (None | str): GET it for the open greeting (audio/wav); null when there is none.
        greeting_closed_url (None | str): GET it for the closed greeting (audio/wav); null when there is none.
        greeting_open_duration (float | None): Seconds.
        greeting_closed_duration (float | None): Seconds.
    """

    id: UUID
    name: str
    public_number: None | str
    open_destination: str
    closed_destination: str
    open_member: None | UUID
    open_hunt_group: None | UUID
    closed_member: None | UUID
    closed_hunt_group: None | UUID
    hours: list[OpeningHours]
    exceptions: list[ClosingException]
    open_now: bool
    greeting_open: bool
    greeting_closed: bool
    greeting_open_url: None | str
    greeting_closed_url: None | str
    greeting_open_duration: float | None
    greeting_closed_duration: float | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.closing_exception import ClosingException  # noqa: PLC0415
        from ..models.opening_hours import OpeningHours  # noqa: PLC0415

        id = str(self.id)

        name = self.name

        public_number: None | str
        public_number = self.public_number

        open_destination = self.open_destination

        closed_destination = self.closed_destination

        open_member: None | str
        if isinstance(self.open_member, UUID):
            open_member = str(self.open_member)
        else:
            open_member = self.open_member

        open_hunt_group: None | str
        if isinstance(self.open_hunt_group, UUID):
            open_hunt_group = str(self.open_hunt_group)
        else:
            open_hunt_group = self.open_hunt_group

        closed_member: None | str
        if isinstance(self.closed_member, UUID):
            closed_member = str(self.closed_member)
        else:
            closed_member = self.closed_member

        closed_hunt_group: None | str
        if isinstance(self.closed_hunt_group, UUID):
            closed_hunt_group = str(self.closed_hunt_group)
        else:
            closed_hunt_group = self.closed_hunt_group

        hours = []
        for hours_item_data in self.hours:
            hours_item = hours_item_data.to_dict()
            hours.append(hours_item)

        exceptions = []
        for exceptions_item_data in self.exceptions:
            exceptions_item = exceptions_item_data.to_dict()
            exceptions.append(exceptions_item)

        open_now = self.open_now

        greeting_open = self.greeting_open

        greeting_closed = self.greeting_closed

        greeting_open_url: None | str
        greeting_open_url = self.greeting_open_url

        greeting_closed_url: None | str
        greeting_closed_url = self.greeting_closed_url

        greeting_open_duration: float | None
        greeting_open_duration = self.greeting_open_duration

        greeting_closed_duration: float | None
        greeting_closed_duration = self.greeting_closed_duration

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "public_number": public_number,
                "open_destination": open_destination,
                "closed_destination": closed_destination,
                "open_member": open_member,
                "open_hunt_group": open_hunt_group,
                "closed_member": closed_member,
                "closed_hunt_group": closed_hunt_group,
                "hours": hours,
                "exceptions": exceptions,
                "open_now": open_now,
                "greeting_open": greeting_open,
                "greeting_closed": greeting_closed,
                "greeting_open_url": greeting_open_url,
                "greeting_closed_url": greeting_closed_url,
                "greeting_open_duration": greeting_open_duration,
                "greeting_closed_duration": greeting_closed_duration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.closing_exception import ClosingException  # noqa: PLC0415
        from ..models.opening_hours import OpeningHours  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        def _parse_public_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_number = _parse_public_number(d.pop("public_number"))

        open_destination = d.pop("open_destination")

        closed_destination = d.pop("closed_destination")

        def _parse_open_member(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                open_member_type_0 = UUID(data)

                return open_member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        open_member = _parse_open_member(d.pop("open_member"))

        def _parse_open_hunt_group(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                open_hunt_group_type_0 = UUID(data)

                return open_hunt_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        open_hunt_group = _parse_open_hunt_group(d.pop("open_hunt_group"))

        def _parse_closed_member(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_member_type_0 = UUID(data)

                return closed_member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        closed_member = _parse_closed_member(d.pop("closed_member"))

        def _parse_closed_hunt_group(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                closed_hunt_group_type_0 = UUID(data)

                return closed_hunt_group_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        closed_hunt_group = _parse_closed_hunt_group(d.pop("closed_hunt_group"))

        hours = []
        _hours = d.pop("hours")
        for hours_item_data in _hours:
            hours_item = OpeningHours.from_dict(hours_item_data)

            hours.append(hours_item)

        exceptions = []
        _exceptions = d.pop("exceptions")
        for exceptions_item_data in _exceptions:
            exceptions_item = ClosingException.from_dict(exceptions_item_data)

            exceptions.append(exceptions_item)

        open_now = d.pop("open_now")

        greeting_open = d.pop("greeting_open")

        greeting_closed = d.pop("greeting_closed")

        def _parse_greeting_open_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        greeting_open_url = _parse_greeting_open_url(d.pop("greeting_open_url"))

        def _parse_greeting_closed_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        greeting_closed_url = _parse_greeting_closed_url(d.pop("greeting_closed_url"))

        def _parse_greeting_open_duration(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        greeting_open_duration = _parse_greeting_open_duration(
            d.pop("greeting_open_duration")
        )

        def _parse_greeting_closed_duration(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        greeting_closed_duration = _parse_greeting_closed_duration(
            d.pop("greeting_closed_duration")
        )

        welcome_service = cls(
            id=id,
            name=name,
            public_number=public_number,
            open_destination=open_destination,
            closed_destination=closed_destination,
            open_member=open_member,
            open_hunt_group=open_hunt_group,
            closed_member=closed_member,
            closed_hunt_group=closed_hunt_group,
            hours=hours,
            exceptions=exceptions,
            open_now=open_now,
            greeting_open=greeting_open,
            greeting_closed=greeting_closed,
            greeting_open_url=greeting_open_url,
            greeting_closed_url=greeting_closed_url,
            greeting_open_duration=greeting_open_duration,
            greeting_closed_duration=greeting_closed_duration,
        )

        return welcome_service
