from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
    from ..models.public_number import PublicNumber


T = TypeVar("T", bound="PublicNumbersAdded")


@_attrs_define
class PublicNumbersAdded:
    """
    Attributes:
        count (int):
        results (list[PublicNumber]):
    """

    count: int
    results: list[PublicNumber]

    def to_dict(self) -> dict[str, Any]:
        from ..models.public_number import PublicNumber  # noqa: PLC0415

        count = self.count

        results = []
        for results_item_data in self.results:
            results_item = results_item_data.to_dict()
            results.append(results_item)

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "count": count,
                "results": results,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.public_number import PublicNumber  # noqa: PLC0415

        d = dict(src_dict)
        count = d.pop("count")

        results = []
        _results = d.pop("results")
        for results_item_data in _results:
            results_item = PublicNumber.from_dict(results_item_data)

            results.append(results_item)

        public_numbers_added = cls(
            count=count,
            results=results,
        )

        return public_numbers_added
