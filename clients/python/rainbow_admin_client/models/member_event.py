from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.event_company import EventCompany
    from ..models.member_data import MemberData


T = TypeVar("T", bound="MemberEvent")


@_attrs_define
class MemberEvent:
    """
    Attributes:
        company (EventCompany):
        member (MemberData):
    """

    company: EventCompany
    member: MemberData

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_company import EventCompany  # noqa: PLC0415
        from ..models.member_data import MemberData  # noqa: PLC0415

        company = self.company.to_dict()

        member = self.member.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "company": company,
                "member": member,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_company import EventCompany  # noqa: PLC0415
        from ..models.member_data import MemberData  # noqa: PLC0415

        d = dict(src_dict)
        company = EventCompany.from_dict(d.pop("company"))

        member = MemberData.from_dict(d.pop("member"))

        member_event = cls(
            company=company,
            member=member,
        )

        return member_event
