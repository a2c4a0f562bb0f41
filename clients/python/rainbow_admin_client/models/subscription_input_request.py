from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.billing_enum import BillingEnum
from ..types import UNSET, Unset


T = TypeVar("T", bound="SubscriptionInputRequest")


@_attrs_define
class SubscriptionInputRequest:
    """
    Attributes:
        offer (str):
        quantity (int):
        billing (BillingEnum | Unset): * `monthly` - Monthly
            * `annual` - Annual Default: BillingEnum.MONTHLY.
        purchase_order (str | Unset):  Default: ''.
    """

    offer: str
    quantity: int
    billing: BillingEnum | Unset = BillingEnum.MONTHLY
    purchase_order: str | Unset = ""

    def to_dict(self) -> dict[str, Any]:
        offer = self.offer

        quantity = self.quantity

        billing: str | Unset = UNSET
        if not isinstance(self.billing, Unset):
            billing = self.billing.value

        purchase_order = self.purchase_order

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "offer": offer,
                "quantity": quantity,
            }
        )
        if billing is not UNSET:
            field_dict["billing"] = billing
        if purchase_order is not UNSET:
            field_dict["purchase_order"] = purchase_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        offer = d.pop("offer")

        quantity = d.pop("quantity")

        _billing = d.pop("billing", UNSET)
        billing: BillingEnum | Unset
        if isinstance(_billing, Unset):
            billing = UNSET
        else:
            billing = BillingEnum(_billing)

        purchase_order = d.pop("purchase_order", UNSET)

        subscription_input_request = cls(
            offer=offer,
            quantity=quantity,
            billing=billing,
            purchase_order=purchase_order,
        )

        return subscription_input_request
