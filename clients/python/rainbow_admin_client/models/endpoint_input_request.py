from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.events_enum import EventsEnum
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="EndpointInputRequest")


@_attrs_define
class EndpointInputRequest:
    """
    Attributes:
        url (str):
        events (list[EventsEnum]):
        description (str | Unset):  Default: ''.
    """

    url: str
    events: list[EventsEnum]
    description: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        url = self.url

        events = []
        for events_item_data in self.events:
            events_item = events_item_data.value
            events.append(events_item)

        description = self.description

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "url": url,
                "events": events,
            }
        )
        if description is not UNSET:
            field_dict["description"] = description

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        url = d.pop("url")

        events = []
        _events = d.pop("events")
        for events_item_data in _events:
            events_item = EventsEnum(events_item_data)

            events.append(events_item)

        description = d.pop("description", UNSET)

        endpoint_input_request = cls(
            url=url,
            events=events,
            description=description,
        )

        return endpoint_input_request
