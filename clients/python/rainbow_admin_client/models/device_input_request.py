from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_kind_enum import DeviceKindEnum
from ..types import UNSET, Unset
from typing import cast
from uuid import UUID


T = TypeVar("T", bound="DeviceInputRequest")


@_attrs_define
class DeviceInputRequest:
    """
    Attributes:
        kind (DeviceKindEnum): * `ale_desk` - ALE SIP desk phone
            * `dect` - DECT handset
            * `sip` - Generic SIP device
        identifier (str):
        model (str | Unset):
        line (None | Unset | UUID):
    """

    kind: DeviceKindEnum
    identifier: str
    model: str | Unset = UNSET
    line: None | Unset | UUID = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind = self.kind.value

        identifier = self.identifier

        model = self.model

        line: None | str | Unset
        if isinstance(self.line, Unset):
            line = UNSET
        elif isinstance(self.line, UUID):
            line = str(self.line)
        else:
            line = self.line

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "kind": kind,
                "identifier": identifier,
            }
        )
        if model is not UNSET:
            field_dict["model"] = model
        if line is not UNSET:
            field_dict["line"] = line

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        kind = DeviceKindEnum(d.pop("kind"))

        identifier = d.pop("identifier")

        model = d.pop("model", UNSET)

        def _parse_line(data: object) -> None | Unset | UUID:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                line_type_0 = UUID(data)

                return line_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | Unset | UUID, data)

        line = _parse_line(d.pop("line", UNSET))

        device_input_request = cls(
            kind=kind,
            identifier=identifier,
            model=model,
            line=line,
        )

        return device_input_request
