from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.pbx_data import PbxData


T = TypeVar("T", bound="PbxEvent")


@_attrs_define
class PbxEvent:
    """
    Attributes:
        pbx (PbxData):
    """

    pbx: PbxData

    def to_dict(self) -> dict[str, Any]:
        from ..models.pbx_data import PbxData  # noqa: PLC0415

        pbx = self.pbx.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "pbx": pbx,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pbx_data import PbxData  # noqa: PLC0415

        d = dict(src_dict)
        pbx = PbxData.from_dict(d.pop("pbx"))

        pbx_event = cls(
            pbx=pbx,
        )

        return pbx_event
