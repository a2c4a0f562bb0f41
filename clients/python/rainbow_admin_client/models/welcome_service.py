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
        open_destination (str):
        closed_destination (str):
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
