from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.event_endpoint import EventEndpoint


T = TypeVar("T", bound="PingEvent")


@_attrs_define
class PingEvent:
    """
    Attributes:
        endpoint (EventEndpoint):
    """

    endpoint: EventEndpoint

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_endpoint import EventEndpoint  # noqa: PLC0415

        endpoint = self.endpoint.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "endpoint": endpoint,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_endpoint import EventEndpoint  # noqa: PLC0415

        d = dict(src_dict)
        endpoint = EventEndpoint.from_dict(d.pop("endpoint"))

        ping_event = cls(
            endpoint=endpoint,
        )

        return ping_event
