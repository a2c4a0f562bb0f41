from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.pbx_kind_enum import PbxKindEnum
from ..models.pbx_status_enum import PbxStatusEnum
from ..types import UNSET, Unset
from typing import cast


T = TypeVar("T", bound="PatchedPbxPatchRequest")


@_attrs_define
class PatchedPbxPatchRequest:
    """
    Attributes:
        kind (PbxKindEnum | Unset): * `cloud_pbx` - Cloud PBX
            * `omnipcx_enterprise` - OmniPCX Enterprise
            * `oxo_connect` - OXO Connect
            * `third_party` - Third-party PBX
        name (str | Unset):
        country (str | Unset):
        extension_prefix (str | Unset):
        extension_digits (int | None | Unset):
        language (str | Unset):
        time_zone (str | Unset):
        system_id (str | Unset):
        version (str | Unset):
        call_server (str | Unset):
        sip_domain (str | Unset):
        status (PbxStatusEnum | Unset): * `active` - Active
            * `suspended` - Suspended
    """

    kind: PbxKindEnum | Unset = UNSET
    name: str | Unset = UNSET
    country: str | Unset = UNSET
    extension_prefix: str | Unset = UNSET
    extension_digits: int | None | Unset = UNSET
    language: str | Unset = UNSET
    time_zone: str | Unset = UNSET
    system_id: str | Unset = UNSET
    version: str | Unset = UNSET
    call_server: str | Unset = UNSET
    sip_domain: str | Unset = UNSET
    status: PbxStatusEnum | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind.value

        name = self.name

        country = self.country

        extension_prefix = self.extension_prefix

        extension_digits: int | None | Unset
        if isinstance(self.extension_digits, Unset):
            extension_digits = UNSET
        else:
            extension_digits = self.extension_digits

        language = self.language

        time_zone = self.time_zone

        system_id = self.system_id

        version = self.version

        call_server = self.call_server

        sip_domain = self.sip_domain

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status.value

        field_dict: dict[str, Any] = {}

        field_dict.update({})
        if kind is not UNSET:
            field_dict["kind"] = kind
        if name is not UNSET:
            field_dict["name"] = name
        if country is not UNSET:
            field_dict["country"] = country
        if extension_prefix is not UNSET:
            field_dict["extension_prefix"] = extension_prefix
        if extension_digits is not UNSET:
            field_dict["extension_digits"] = extension_digits
        if language is not UNSET:
            field_dict["language"] = language
        if time_zone is not UNSET:
            field_dict["time_zone"] = time_zone
        if system_id is not UNSET:
            field_dict["system_id"] = system_id
        if version is not UNSET:
            field_dict["version"] = version
        if call_server is not UNSET:
            field_dict["call_server"] = call_server
        if sip_domain is not UNSET:
            field_dict["sip_domain"] = sip_domain
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        _kind = d.pop("kind", UNSET)
        kind: PbxKindEnum | Unset
        if isinstance(_kind, Unset):
            kind = UNSET
        else:
            kind = PbxKindEnum(_kind)

        name = d.pop("name", UNSET)

        country = d.pop("country", UNSET)

        extension_prefix = d.pop("extension_prefix", UNSET)

        def _parse_extension_digits(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        extension_digits = _parse_extension_digits(d.pop("extension_digits", UNSET))

        language = d.pop("language", UNSET)

        time_zone = d.pop("time_zone", UNSET)

        system_id = d.pop("system_id", UNSET)

        version = d.pop("version", UNSET)

        call_server = d.pop("call_server", UNSET)

        sip_domain = d.pop("sip_domain", UNSET)

        _status = d.pop("status", UNSET)
        status: PbxStatusEnum | Unset
        if isinstance(_status, Unset):
            status = UNSET
        else:
            status = PbxStatusEnum(_status)

        patched_pbx_patch_request = cls(
            kind=kind,
            name=name,
            country=country,
            extension_prefix=extension_prefix,
            extension_digits=extension_digits,
            language=language,
            time_zone=time_zone,
            system_id=system_id,
            version=version,
            call_server=call_server,
            sip_domain=sip_domain,
            status=status,
        )

        return patched_pbx_patch_request
