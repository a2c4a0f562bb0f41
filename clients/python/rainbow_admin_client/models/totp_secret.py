from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset


T = TypeVar("T", bound="TotpSecret")


@_attrs_define
class TotpSecret:
    """
    Attributes:
        secret (str):
        otpauth_url (str):
    """

    secret: str
    otpauth_url: str

    def to_dict(self) -> dict[str, Any]:
        secret = self.secret

        otpauth_url = self.otpauth_url

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "secret": secret,
                "otpauth_url": otpauth_url,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        secret = d.pop("secret")

        otpauth_url = d.pop("otpauth_url")

        totp_secret = cls(
            secret=secret,
            otpauth_url=otpauth_url,
        )

        return totp_secret
