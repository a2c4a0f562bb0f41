from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.partner_link_data import PartnerLinkData


T = TypeVar("T", bound="PartnerEvent")


@_attrs_define
class PartnerEvent:
    """
    Attributes:
        link (PartnerLinkData):
    """

    link: PartnerLinkData

    def to_dict(self) -> dict[str, Any]:
        from ..models.partner_link_data import PartnerLinkData  # noqa: PLC0415

        link = self.link.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "link": link,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.partner_link_data import PartnerLinkData  # noqa: PLC0415

        d = dict(src_dict)
        link = PartnerLinkData.from_dict(d.pop("link"))

        partner_event = cls(
            link=link,
        )

        return partner_event
