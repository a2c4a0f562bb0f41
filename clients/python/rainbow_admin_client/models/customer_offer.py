from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.invitation import Invitation


T = TypeVar("T", bound="CustomerOffer")


@_attrs_define
class CustomerOffer:
    """The answer to an offer: what was asked, and the pending offer as the reseller sees it
    (resend and cancel it with its id), the same whether the address has an account.

        Attributes:
            email (str):
            company_name (str):
            message (str):
            scopes (list[str]):
            scopes_until (datetime.datetime | None):
            invitation (Invitation):
    """

    email: str
    company_name: str
    message: str
    scopes: list[str]
    scopes_until: datetime.datetime | None
    invitation: Invitation

    def to_dict(self) -> dict[str, Any]:
        from ..models.invitation import Invitation  # noqa: PLC0415

        email = self.email

        company_name = self.company_name

        message = self.message

        scopes = self.scopes

        scopes_until: None | str
        if isinstance(self.scopes_until, datetime.datetime):
            scopes_until = self.scopes_until.isoformat()
        else:
            scopes_until = self.scopes_until

        invitation = self.invitation.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "email": email,
                "company_name": company_name,
                "message": message,
                "scopes": scopes,
                "scopes_until": scopes_until,
                "invitation": invitation,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.invitation import Invitation  # noqa: PLC0415

        d = dict(src_dict)
        email = d.pop("email")

        company_name = d.pop("company_name")

        message = d.pop("message")

        scopes = cast(list[str], d.pop("scopes"))

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

        invitation = Invitation.from_dict(d.pop("invitation"))

        customer_offer = cls(
            email=email,
            company_name=company_name,
            message=message,
            scopes=scopes,
            scopes_until=scopes_until,
            invitation=invitation,
        )

        return customer_offer
