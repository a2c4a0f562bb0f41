from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.message_author import MessageAuthor


T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """
    Attributes:
        id (UUID):
        text (str):
        author (MessageAuthor):
        created_at (datetime.datetime):
    """

    id: UUID
    text: str
    author: MessageAuthor
    created_at: datetime.datetime

    def to_dict(self) -> dict[str, Any]:
        from ..models.message_author import MessageAuthor  # noqa: PLC0415

        id = str(self.id)

        text = self.text

        author = self.author.to_dict()

        created_at = self.created_at.isoformat()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "text": text,
                "author": author,
                "created_at": created_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.message_author import MessageAuthor  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        text = d.pop("text")

        author = MessageAuthor.from_dict(d.pop("author"))

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        message = cls(
            id=id,
            text=text,
            author=author,
            created_at=created_at,
        )

        return message
