from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset


T = TypeVar("T", bound="PatchedSubscriptionChangeRequest")


@_attrs_define
class PatchedSubscriptionChangeRequest:
    """
    Attributes:
        quantity (int | Unset):
        purchase_order (str | Unset):
    """

    quantity: int | Unset = UNSET
    purchase_order: str | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        quantity = self.quantity

        purchase_order = self.purchase_order

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if quantity is not UNSET:
            field_dict["quantity"] = quantity
        if purchase_order is not UNSET:
            field_dict["purchase_order"] = purchase_order

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        quantity = d.pop("quantity", UNSET)

        purchase_order = d.pop("purchase_order", UNSET)

        patched_subscription_change_request = cls(
            quantity=quantity,
            purchase_order=purchase_order,
        )

        return patched_subscription_change_request
