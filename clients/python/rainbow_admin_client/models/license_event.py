from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.event_company import EventCompany
    from ..models.event_person import EventPerson
    from ..models.event_subscription import EventSubscription


T = TypeVar("T", bound="LicenseEvent")


@_attrs_define
class LicenseEvent:
    """
    Attributes:
        company (EventCompany):
        subscription (EventSubscription):
        members (list[EventPerson]):
    """

    company: EventCompany
    subscription: EventSubscription
    members: list[EventPerson]

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_company import EventCompany  # noqa: PLC0415
        from ..models.event_person import EventPerson  # noqa: PLC0415
        from ..models.event_subscription import EventSubscription  # noqa: PLC0415

        company = self.company.to_dict()

        subscription = self.subscription.to_dict()

        members = []
        for members_item_data in self.members:
            members_item = members_item_data.to_dict()
            members.append(members_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "company": company,
                "subscription": subscription,
                "members": members,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_company import EventCompany  # noqa: PLC0415
        from ..models.event_person import EventPerson  # noqa: PLC0415
        from ..models.event_subscription import EventSubscription  # noqa: PLC0415

        d = dict(src_dict)
        company = EventCompany.from_dict(d.pop("company"))

        subscription = EventSubscription.from_dict(d.pop("subscription"))

        members = []
        _members = d.pop("members")
        for members_item_data in _members:
            members_item = EventPerson.from_dict(members_item_data)

            members.append(members_item)

        license_event = cls(
            company=company,
            subscription=subscription,
            members=members,
        )

        return license_event
