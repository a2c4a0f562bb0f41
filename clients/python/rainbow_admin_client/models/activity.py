from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime


T = TypeVar("T", bound="Activity")


@_attrs_define
class Activity:
    """
    Attributes:
        id (UUID):
        verb (str):
        text (str):
        actor_name (str):
        actor_company_name (str):
        created_at (datetime.datetime):
    """

    id: UUID
    verb: str
    text: str
    actor_name: str
    actor_company_name: str
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        verb = self.verb

        text = self.text

        actor_name = self.actor_name

        actor_company_name = self.actor_company_name

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "verb": verb,
                "text": text,
                "actor_name": actor_name,
                "actor_company_name": actor_company_name,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        verb = d.pop("verb")

        text = d.pop("text")

        actor_name = d.pop("actor_name")

        actor_company_name = d.pop("actor_company_name")

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        activity = cls(
            id=id,
            verb=verb,
            text=text,
            actor_name=actor_name,
            actor_company_name=actor_company_name,
            created_at=created_at,
        )

        return activity
