from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction_enum import DirectionEnum
from ..models.invitation_status_enum import InvitationStatusEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.event_company import EventCompany


T = TypeVar("T", bound="InvitationData")


@_attrs_define
class InvitationData:
    """
    Attributes:
        id (UUID):
        direction (DirectionEnum): * `request` - request
            * `offer` - offer
        status (InvitationStatusEnum): * `pending` - Pending
            * `accepted` - Accepted
            * `declined` - Declined
            * `cancelled` - Cancelled
            * `expired` - Expired
        from_company (EventCompany):
        to_company (EventCompany | None): null for the reseller until the company an offer reached answers it
        to_email (str): an offer's address; empty for a request
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        responded_at (datetime.datetime | None):
    """

    id: UUID
    direction: DirectionEnum
    status: InvitationStatusEnum
    from_company: EventCompany
    to_company: EventCompany | None
    to_email: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    responded_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_company import EventCompany  # noqa: PLC0415

        id = str(self.id)

        direction = self.direction.value

        status = self.status.value

        from_company = self.from_company.to_dict()

        to_company: dict[str, Any] | None
        if isinstance(self.to_company, EventCompany):
            to_company = self.to_company.to_dict()
        else:
            to_company = self.to_company

        to_email = self.to_email

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        responded_at: None | str
        if isinstance(self.responded_at, datetime.datetime):
            responded_at = self.responded_at.isoformat()
        else:
            responded_at = self.responded_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "direction": direction,
                "status": status,
                "from_company": from_company,
                "to_company": to_company,
                "to_email": to_email,
                "created_at": created_at,
                "expires_at": expires_at,
                "responded_at": responded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_company import EventCompany  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        direction = DirectionEnum(d.pop("direction"))

        status = InvitationStatusEnum(d.pop("status"))

        from_company = EventCompany.from_dict(d.pop("from_company"))

        def _parse_to_company(data: object) -> EventCompany | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                to_company_type_0 = EventCompany.from_dict(data)

                return to_company_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventCompany | None, data)

        to_company = _parse_to_company(d.pop("to_company"))

        to_email = d.pop("to_email")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        def _parse_responded_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                responded_at_type_0 = datetime.datetime.fromisoformat(data)

                return responded_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        responded_at = _parse_responded_at(d.pop("responded_at"))

        invitation_data = cls(
            id=id,
            direction=direction,
            status=status,
            from_company=from_company,
            to_company=to_company,
            to_email=to_email,
            created_at=created_at,
            expires_at=expires_at,
            responded_at=responded_at,
        )

        return invitation_data
