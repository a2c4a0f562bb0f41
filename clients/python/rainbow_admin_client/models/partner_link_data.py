from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.partner_link_data_end_reason import PartnerLinkDataEndReason
from ..models.scopes_enum import ScopesEnum
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.event_company import EventCompany


T = TypeVar("T", bound="PartnerLinkData")


@_attrs_define
class PartnerLinkData:
    """
    Attributes:
        company (EventCompany):
        partner (EventCompany):
        since (datetime.datetime):
        ended_at (datetime.datetime | None):
        end_reason (PartnerLinkDataEndReason): replaced, removed or dropped; empty while linked
        scopes (list[ScopesEnum]):
    """

    company: EventCompany
    partner: EventCompany
    since: datetime.datetime
    ended_at: datetime.datetime | None
    end_reason: PartnerLinkDataEndReason
    scopes: list[ScopesEnum]

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_company import EventCompany  # noqa: PLC0415

        company = self.company.to_dict()

        partner = self.partner.to_dict()

        since = self.since.isoformat()

        ended_at: None | str
        if isinstance(self.ended_at, datetime.datetime):
            ended_at = self.ended_at.isoformat()
        else:
            ended_at = self.ended_at

        end_reason = self.end_reason.value

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "company": company,
                "partner": partner,
                "since": since,
                "ended_at": ended_at,
                "end_reason": end_reason,
                "scopes": scopes,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_company import EventCompany  # noqa: PLC0415

        d = dict(src_dict)
        company = EventCompany.from_dict(d.pop("company"))

        partner = EventCompany.from_dict(d.pop("partner"))

        since = datetime.datetime.fromisoformat(d.pop("since"))

        def _parse_ended_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                ended_at_type_0 = datetime.datetime.fromisoformat(data)

                return ended_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        ended_at = _parse_ended_at(d.pop("ended_at"))

        end_reason = PartnerLinkDataEndReason(d.pop("end_reason"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ScopesEnum(scopes_item_data)

            scopes.append(scopes_item)

        partner_link_data = cls(
            company=company,
            partner=partner,
            since=since,
            ended_at=ended_at,
            end_reason=end_reason,
            scopes=scopes,
        )

        return partner_link_data
