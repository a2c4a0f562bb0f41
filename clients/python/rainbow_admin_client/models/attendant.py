from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.attendant_key import AttendantKey


T = TypeVar("T", bound="Attendant")


@_attrs_define
class Attendant:
    """
    Attributes:
        id (UUID):
        name (str):
        dial_by_extension (bool):
        public_number (None | str):
        keys (list[AttendantKey]):
        prompt (bool):
        prompt_url (None | str): GET it for the menu prompt (audio/wav); null when there is none.
        prompt_duration (float | None): Seconds.
    """

    id: UUID
    name: str
    dial_by_extension: bool
    public_number: None | str
    keys: list[AttendantKey]
    prompt: bool
    prompt_url: None | str
    prompt_duration: float | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.attendant_key import AttendantKey  # noqa: PLC0415

        id = str(self.id)

        name = self.name

        dial_by_extension = self.dial_by_extension

        public_number: None | str
        public_number = self.public_number

        keys = []
        for keys_item_data in self.keys:
            keys_item = keys_item_data.to_dict()
            keys.append(keys_item)

        prompt = self.prompt

        prompt_url: None | str
        prompt_url = self.prompt_url

        prompt_duration: float | None
        prompt_duration = self.prompt_duration

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "dial_by_extension": dial_by_extension,
                "public_number": public_number,
                "keys": keys,
                "prompt": prompt,
                "prompt_url": prompt_url,
                "prompt_duration": prompt_duration,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attendant_key import AttendantKey  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        name = d.pop("name")

        dial_by_extension = d.pop("dial_by_extension")

        def _parse_public_number(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        public_number = _parse_public_number(d.pop("public_number"))

        keys = []
        _keys = d.pop("keys")
        for keys_item_data in _keys:
            keys_item = AttendantKey.from_dict(keys_item_data)

            keys.append(keys_item)

        prompt = d.pop("prompt")

        def _parse_prompt_url(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        prompt_url = _parse_prompt_url(d.pop("prompt_url"))

        def _parse_prompt_duration(data: object) -> float | None:
            if data is None:
                return data
            return cast(float | None, data)

        prompt_duration = _parse_prompt_duration(d.pop("prompt_duration"))

        attendant = cls(
            id=id,
            name=name,
            dial_by_extension=dial_by_extension,
            public_number=public_number,
            keys=keys,
            prompt=prompt,
            prompt_url=prompt_url,
            prompt_duration=prompt_duration,
        )

        return attendant
