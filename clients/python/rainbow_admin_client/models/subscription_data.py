from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.billing_enum import BillingEnum
from ..models.subscription_status_enum import SubscriptionStatusEnum
from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.event_company import EventCompany


T = TypeVar("T", bound="SubscriptionData")


@_attrs_define
class SubscriptionData:
    """
    Attributes:
        id (UUID):
        company (EventCompany):
        offer (str):
        quantity (int):
        billing (BillingEnum): * `monthly` - Monthly
            * `annual` - Annual
        status (SubscriptionStatusEnum): * `active` - Active
            * `terminated` - Terminated
        reseller (EventCompany | None):
    """

    id: UUID
    company: EventCompany
    offer: str
    quantity: int
    billing: BillingEnum
    status: SubscriptionStatusEnum
    reseller: EventCompany | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.event_company import EventCompany  # noqa: PLC0415

        id = str(self.id)

        company = self.company.to_dict()

        offer = self.offer

        quantity = self.quantity

        billing = self.billing.value

        status = self.status.value

        reseller: dict[str, Any] | None
        if isinstance(self.reseller, EventCompany):
            reseller = self.reseller.to_dict()
        else:
            reseller = self.reseller

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "company": company,
                "offer": offer,
                "quantity": quantity,
                "billing": billing,
                "status": status,
                "reseller": reseller,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.event_company import EventCompany  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        company = EventCompany.from_dict(d.pop("company"))

        offer = d.pop("offer")

        quantity = d.pop("quantity")

        billing = BillingEnum(d.pop("billing"))

        status = SubscriptionStatusEnum(d.pop("status"))

        def _parse_reseller(data: object) -> EventCompany | None:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reseller_type_0 = EventCompany.from_dict(data)

                return reseller_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventCompany | None, data)

        reseller = _parse_reseller(d.pop("reseller"))

        subscription_data = cls(
            id=id,
            company=company,
            offer=offer,
            quantity=quantity,
            billing=billing,
            status=status,
            reseller=reseller,
        )

        return subscription_data
