from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind_enum import DeviceKindEnum
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="Device")


@_attrs_define
class Device:
    """
    Attributes:
        id (UUID):
        kind (DeviceKindEnum): * `ale_desk` - ALE SIP desk phone
            * `dect` - DECT handset
            * `sip` - Generic SIP device
        identifier (str):
        model (str):
        line (None | UUID):
        member (None | UUID):
    """

    id: UUID
    kind: DeviceKindEnum
    identifier: str
    model: str
    line: None | UUID
    member: None | UUID

    def to_dict(self) -> dict[str, Any]:
        id = str(self.id)

        kind = self.kind.value

        identifier = self.identifier

        model = self.model

        line: None | str
        if isinstance(self.line, UUID):
            line = str(self.line)
        else:
            line = self.line

        member: None | str
        if isinstance(self.member, UUID):
            member = str(self.member)
        else:
            member = self.member

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "kind": kind,
                "identifier": identifier,
                "model": model,
                "line": line,
                "member": member,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = UUID(d.pop("id"))

        kind = DeviceKindEnum(d.pop("kind"))

        identifier = d.pop("identifier")

        model = d.pop("model")

        def _parse_line(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                line_type_0 = UUID(data)

                return line_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        line = _parse_line(d.pop("line"))

        def _parse_member(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                member_type_0 = UUID(data)

                return member_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        member = _parse_member(d.pop("member"))

        device = cls(
            id=id,
            kind=kind,
            identifier=identifier,
            model=model,
            line=line,
            member=member,
        )

        return device
