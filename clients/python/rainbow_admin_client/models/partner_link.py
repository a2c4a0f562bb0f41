from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.scopes_enum import ScopesEnum
from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.invitation import Invitation
    from ..models.partner_company import PartnerCompany


T = TypeVar("T", bound="PartnerLink")


@_attrs_define
class PartnerLink:
    """
    Attributes:
        partner (None | PartnerCompany):
        since (datetime.datetime | None):
        scopes (list[ScopesEnum]):
        scopes_until (datetime.datetime | None):
        pending_invitation (Invitation | None):
    """

    partner: None | PartnerCompany
    since: datetime.datetime | None
    scopes: list[ScopesEnum]
    scopes_until: datetime.datetime | None
    pending_invitation: Invitation | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.invitation import Invitation  # noqa: PLC0415
        from ..models.partner_company import PartnerCompany  # noqa: PLC0415

        partner: dict[str, Any] | None
        if isinstance(self.partner, PartnerCompany):
            partner = self.partner.to_dict()
        else:
            partner = self.partner

        since: None | str
        if isinstance(self.since, datetime.datetime):
            since = self.since.isoformat()
        else:
            since = self.since

        scopes = []
        for scopes_item_data in self.scopes:
            scopes_item = scopes_item_data.value
            scopes.append(scopes_item)

        scopes_until: None | str
        if isinstance(self.scopes_until, datetime.datetime):
            scopes_until = self.scopes_until.isoformat()
        else:
            scopes_until = self.scopes_until

        pending_invitation: dict[str, Any] | None
        if isinstance(self.pending_invitation, Invitation):
            pending_invitation = self.pending_invitation.to_dict()
        else:
            pending_invitation = self.pending_invitation

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "partner": partner,
                "since": since,
                "scopes": scopes,
                "scopes_until": scopes_until,
                "pending_invitation": pending_invitation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invitation import Invitation  # noqa: PLC0415
        from ..models.partner_company import PartnerCompany  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_partner(data: object) -> None | PartnerCompany:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                partner_type_0 = PartnerCompany.from_dict(data)

                return partner_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | PartnerCompany, data)

        partner = _parse_partner(d.pop("partner"))

        def _parse_since(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                since_type_0 = datetime.datetime.fromisoformat(data)

                return since_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        since = _parse_since(d.pop("since"))

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

        def _parse_pending_invitation(data: object) -> Invitation | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                pending_invitation_type_0 = Invitation.from_dict(data)

                return pending_invitation_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(Invitation | None, data)

        pending_invitation = _parse_pending_invitation(d.pop("pending_invitation"))

        partner_link = cls(
            partner=partner,
            since=since,
            scopes=scopes,
            scopes_until=scopes_until,
            pending_invitation=pending_invitation,
        )

        return partner_link
