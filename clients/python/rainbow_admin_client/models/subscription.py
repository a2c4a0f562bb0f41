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
import datetime

if TYPE_CHECKING:
    from ..models.reseller import Reseller


T = TypeVar("T", bound="Subscription")


@_attrs_define
class Subscription:
    """
    Attributes:
        id (UUID):
        company (UUID):
        offer (str):
        offer_name (str):
        quantity (int):
        assigned (int):
        available (int):
        billing (BillingEnum): * `monthly` - Monthly
            * `annual` - Annual
        status (SubscriptionStatusEnum): * `active` - Active
            * `terminated` - Terminated
        is_default (bool):
        purchase_order (str):
        reseller (None | Reseller):
        created_at (datetime.datetime):
        terminated_at (datetime.datetime | None):
    """

    id: UUID
    company: UUID
    offer: str
    offer_name: str
    quantity: int
    assigned: int
    available: int
    billing: BillingEnum
    status: SubscriptionStatusEnum
    is_default: bool
    purchase_order: str
    reseller: None | Reseller
    created_at: datetime.datetime
    terminated_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.reseller import Reseller  # noqa: PLC0415

        id = str(self.id)

        company = str(self.company)

        offer = self.offer

        offer_name = self.offer_name

        quantity = self.quantity

        assigned = self.assigned

        available = self.available

        billing = self.billing.value

        status = self.status.value

        is_default = self.is_default

        purchase_order = self.purchase_order

        reseller: dict[str, Any] | None
        if isinstance(self.reseller, Reseller):
            reseller = self.reseller.to_dict()
        else:
            reseller = self.reseller

        created_at = self.created_at.isoformat()

        terminated_at: None | str
        if isinstance(self.terminated_at, datetime.datetime):
            terminated_at = self.terminated_at.isoformat()
        else:
            terminated_at = self.terminated_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "company": company,
                "offer": offer,
                "offer_name": offer_name,
                "quantity": quantity,
                "assigned": assigned,
                "available": available,
                "billing": billing,
                "status": status,
                "is_default": is_default,
                "purchase_order": purchase_order,
                "reseller": reseller,
                "created_at": created_at,
                "terminated_at": terminated_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.reseller import Reseller  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        company = UUID(d.pop("company"))

        offer = d.pop("offer")

        offer_name = d.pop("offer_name")

        quantity = d.pop("quantity")

        assigned = d.pop("assigned")

        available = d.pop("available")

        billing = BillingEnum(d.pop("billing"))

        status = SubscriptionStatusEnum(d.pop("status"))

        is_default = d.pop("is_default")

        purchase_order = d.pop("purchase_order")

        def _parse_reseller(data: object) -> None | Reseller:
            if data is None:
                return data
            try:
                if not isinstance(data, dict):
                    raise TypeError()
                reseller_type_0 = Reseller.from_dict(data)

                return reseller_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Reseller, data)

        reseller = _parse_reseller(d.pop("reseller"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_terminated_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                terminated_at_type_0 = datetime.datetime.fromisoformat(data)

                return terminated_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        terminated_at = _parse_terminated_at(d.pop("terminated_at"))

        subscription = cls(
            id=id,
            company=company,
            offer=offer,
            offer_name=offer_name,
            quantity=quantity,
            assigned=assigned,
            available=available,
            billing=billing,
            status=status,
            is_default=is_default,
            purchase_order=purchase_order,
            reseller=reseller,
            created_at=created_at,
            terminated_at=terminated_at,
        )

        return subscription
