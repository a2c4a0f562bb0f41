from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.member_import_status_enum import MemberImportStatusEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.member_import_error import MemberImportError


T = TypeVar("T", bound="MemberImport")


@_attrs_define
class MemberImport:
    """
    Attributes:
        id (UUID):
        file_name (str):
        status (MemberImportStatusEnum): * `draft` - Not started
            * `queued` - Waiting
            * `running` - Importing
            * `finished` - Finished
            * `failed` - Failed
        send_invitations (bool):
        total (int):
        processed (int):
        created (int):
        errors (list[MemberImportError]):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
    """

    id: UUID
    file_name: str
    status: MemberImportStatusEnum
    send_invitations: bool
    total: int
    processed: int
    created: int
    errors: list[MemberImportError]
    created_at: datetime.datetime
    finished_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.member_import_error import MemberImportError  # noqa: PLC0415

        id = str(self.id)

        file_name = self.file_name

        status = self.status.value

        send_invitations = self.send_invitations

        total = self.total

        processed = self.processed

        created = self.created

        errors = []
        for errors_item_data in self.errors:
            errors_item = errors_item_data.to_dict()
            errors.append(errors_item)

        created_at = self.created_at.isoformat()

        finished_at: None | str
        if isinstance(self.finished_at, datetime.datetime):
            finished_at = self.finished_at.isoformat()
        else:
            finished_at = self.finished_at

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "file_name": file_name,
                "status": status,
                "send_invitations": send_invitations,
                "total": total,
                "processed": processed,
                "created": created,
                "errors": errors,
                "created_at": created_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.member_import_error import MemberImportError  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        file_name = d.pop("file_name")

        status = MemberImportStatusEnum(d.pop("status"))

        send_invitations = d.pop("send_invitations")

        total = d.pop("total")

        processed = d.pop("processed")

        created = d.pop("created")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = MemberImportError.from_dict(errors_item_data)

            errors.append(errors_item)

        created_at = datetime.datetime.fromisoformat(d.pop("created_at"))

        def _parse_finished_at(data: object) -> datetime.datetime | None:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                finished_at_type_0 = datetime.datetime.fromisoformat(data)

                return finished_at_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(datetime.datetime | None, data)

        finished_at = _parse_finished_at(d.pop("finished_at"))

        member_import = cls(
            id=id,
            file_name=file_name,
            status=status,
            send_invitations=send_invitations,
            total=total,
            processed=processed,
            created=created,
            errors=errors,
            created_at=created_at,
            finished_at=finished_at,
        )

        return member_import
