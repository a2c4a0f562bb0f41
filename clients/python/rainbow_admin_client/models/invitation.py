from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.direction_enum import DirectionEnum
from ..models.email_failure_enum import EmailFailureEnum
from ..models.email_status_enum import EmailStatusEnum
from ..models.invitation_status_enum import InvitationStatusEnum
from ..models.scopes_enum import ScopesEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.company_ref import CompanyRef
    from ..models.person_ref import PersonRef


T = TypeVar("T", bound="Invitation")


@_attrs_define
class Invitation:
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
        scopes (list[ScopesEnum]):
        scopes_until (datetime.datetime | None):
        from_company (CompanyRef):
        to_company (CompanyRef | None): The company that answers. For the reseller that sent an offer: null until that
            company accepts or declines (it knows the address, `to_email`, and no more).
        to_email (str): An offer's address (an administrator's, or one without an account); empty for a request.
        to_company_name (str): The company name the reseller suggested in an offer (for a sign-up).
        replaces (CompanyRef | None): For the company a pending offer reached: the partner an accept would replace; null
            otherwise and always null for the sender.
        message (str):
        created_at (datetime.datetime):
        expires_at (datetime.datetime):
        sent_count (int):
        last_sent_at (datetime.datetime):
        email_status (EmailStatusEnum): * `queued` - queued
            * `sent` - sent
            * `failed` - failed
        email_failure (EmailFailureEnum | None):
        created_by (None | PersonRef):
        responded_at (datetime.datetime | None):
    """

    id: UUID
    direction: DirectionEnum
    status: InvitationStatusEnum
    scopes: list[ScopesEnum]
    scopes_until: datetime.datetime | None
    from_company: CompanyRef
    to_company: CompanyRef | None
    to_email: str
    to_company_name: str
    replaces: CompanyRef | None
    message: str
    created_at: datetime.datetime
    expires_at: datetime.datetime
    sent_count: int
    last_sent_at: datetime.datetime
    email_status: EmailStatusEnum
    email_failure: EmailFailureEnum | None
    created_by: None | PersonRef
    responded_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.company_ref import CompanyRef  # noqa: PLC0415
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        id = str(self.id)

        direction = self.direction.value

        status = self.status.value

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        scopes_until: None | str
        if isinstance(self.scopes_until, datetime.datetime):
            scopes_until = self.scopes_until.isoformat()
        else:
            scopes_until = self.scopes_until

        from_company = self.from_company.to_dict()

        to_company: dict[str, Any] | None
        if isinstance(self.to_company, CompanyRef):
            to_company = self.to_company.to_dict()
        else:
            to_company = self.to_company

        to_email = self.to_email

        to_company_name = self.to_company_name

        replaces: dict[str, Any] | None
        if isinstance(self.replaces, CompanyRef):
            replaces = self.replaces.to_dict()
        else:
            replaces = self.replaces

        message = self.message

        created_at = self.created_at.isoformat()

        expires_at = self.expires_at.isoformat()

        sent_count = self.sent_count

        last_sent_at = self.last_sent_at.isoformat()

        email_status = self.email_status.value

        email_failure: None | str
        if isinstance(self.email_failure, EmailFailureEnum):
            email_failure = self.email_failure.value
        else:
            email_failure = self.email_failure

        created_by: dict[str, Any] | None
        if isinstance(self.created_by, PersonRef):
            created_by = self.created_by.to_dict()
        else:
            created_by = self.created_by

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
                "scopes": scopes,
                "scopes_until": scopes_until,
                "from_company": from_company,
                "to_company": to_company,
                "to_email": to_email,
                "to_company_name": to_company_name,
                "replaces": replaces,
                "message": message,
                "created_at": created_at,
                "expires_at": expires_at,
                "sent_count": sent_count,
                "last_sent_at": last_sent_at,
                "email_status": email_status,
                "email_failure": email_failure,
                "created_by": created_by,
                "responded_at": responded_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_ref import CompanyRef  # noqa: PLC0415
        from ..models.person_ref import PersonRef  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        direction = DirectionEnum(d.pop("direction"))

        status = InvitationStatusEnum(d.pop("status"))

        scopes = []
        _scopes = d.pop("scopes")
        for scopes_item_data in _scopes:
            scopes_item = ScopesEnum(scopes_item_data)

            scopes.append(scopes_item)

        def _parse_scopes_until(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                scopes_until_type_0 = datetime.datetime.fromisoformat(data)

                return scopes_until_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        scopes_until = _parse_scopes_until(d.pop("scopes_until"))

        from_company = CompanyRef.from_dict(d.pop("from_company"))

        def _parse_to_company(data: object) -> CompanyRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                to_company_type_0 = CompanyRef.from_dict(data)

                return to_company_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyRef | None, data)

        to_company = _parse_to_company(d.pop("to_company"))

        to_email = d.pop("to_email")

        to_company_name = d.pop("to_company_name")

        def _parse_replaces(data: object) -> CompanyRef | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                replaces_type_0 = CompanyRef.from_dict(data)

                return replaces_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(CompanyRef | None, data)

        replaces = _parse_replaces(d.pop("replaces"))

        message = d.pop("message")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        expires_at = datetime.datetime.fromisoformat(d.pop("expires_at"))

        sent_count = d.pop("sent_count")

        last_sent_at = datetime.datetime.fromisoformat(d.pop("last_sent_at"))

        email_status = EmailStatusEnum(d.pop("email_status"))

        def _parse_email_failure(data: object) -> EmailFailureEnum | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                email_failure_type_0 = EmailFailureEnum(data)

                return email_failure_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EmailFailureEnum | None, data)

        email_failure = _parse_email_failure(d.pop("email_failure"))

        def _parse_created_by(data: object) -> None | PersonRef:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                created_by_type_0 = PersonRef.from_dict(data)

                return created_by_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PersonRef, data)

        created_by = _parse_created_by(d.pop("created_by"))

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

        invitation = cls(
            id=id,
            direction=direction,
            status=status,
            scopes=scopes,
            scopes_until=scopes_until,
            from_company=from_company,
            to_company=to_company,
            to_email=to_email,
            to_company_name=to_company_name,
            replaces=replaces,
            message=message,
            created_at=created_at,
            expires_at=expires_at,
            sent_count=sent_count,
            last_sent_at=last_sent_at,
            email_status=email_status,
            email_failure=email_failure,
            created_by=created_by,
            responded_at=responded_at,
        )

        return invitation
