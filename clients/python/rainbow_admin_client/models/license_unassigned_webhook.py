from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.license_unassigned_webhook_type import LicenseUnassignedWebhookType
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.license_event import LicenseEvent


T = TypeVar("T", bound="LicenseUnassignedWebhook")


@_attrs_define
class LicenseUnassignedWebhook:
    """
    Attributes:
        type_ (LicenseUnassignedWebhookType): * `license.unassigned` - license.unassigned
        timestamp (datetime.datetime): When it happened.
        data (LicenseEvent):
    """

    type_: LicenseUnassignedWebhookType
    timestamp: datetime.datetime
    data: LicenseEvent

    def to_dict(self) -> dict[str, Any]:
        from ..models.license_event import LicenseEvent  # noqa: PLC0415

        type_ = self.type_.value

        timestamp = self.timestamp.isoformat()

        data = self.data.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "type": type_,
                "timestamp": timestamp,
                "data": data,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.license_event import LicenseEvent  # noqa: PLC0415

        d = dict(src_dict)
        type_ = LicenseUnassignedWebhookType(d.pop("type"))

        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))

        data = LicenseEvent.from_dict(d.pop("data"))

        license_unassigned_webhook = cls(
            type_=type_,
            timestamp=timestamp,
            data=data,
        )

        return license_unassigned_webhook
