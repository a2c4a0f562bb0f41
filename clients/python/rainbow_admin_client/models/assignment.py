from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime

if TYPE_CHECKING:
    from ..models.holder import Holder


T = TypeVar("T", bound="Assignment")


@_attrs_define
class Assignment:
    """
    Attributes:
        user (Holder):
        assigned_at (datetime.datetime):
    """

    user: Holder
    assigned_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.holder import Holder  # noqa: PLC0415

        user = self.user.to_dict()

        assigned_at = self.assigned_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "user": user,
                "assigned_at": assigned_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.holder import Holder  # noqa: PLC0415

        d = dict(src_dict)
        user = Holder.from_dict(d.pop("user"))

        assigned_at = datetime.datetime.fromisoformat(d.pop("assigned_at"))

        assignment = cls(
            user=user,
            assigned_at=assigned_at,
        )

        return assignment
