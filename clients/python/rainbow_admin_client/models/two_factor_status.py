from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="TwoFactorStatus")


@_attrs_define
class TwoFactorStatus:
    """
    Attributes:
        enabled (bool):
        methods (list[str]):
        recovery_codes_left (int):
        required (bool):
    """

    enabled: bool
    methods: list[str]
    recovery_codes_left: int
    required: bool

    def to_dict(self) -> dict[str, Any]:
        enabled = self.enabled

        methods = self.methods

        recovery_codes_left = self.recovery_codes_left

        required = self.required

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "enabled": enabled,
                "methods": methods,
                "recovery_codes_left": recovery_codes_left,
                "required": required,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        enabled = d.pop("enabled")

        methods = cast(list[str], d.pop("methods"))

        recovery_codes_left = d.pop("recovery_codes_left")

        required = d.pop("required")

        two_factor_status = cls(
            enabled=enabled,
            methods=methods,
            recovery_codes_left=recovery_codes_left,
            required=required,
        )

        return two_factor_status
