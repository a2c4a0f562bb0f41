from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.device_import_status_enum import DeviceImportStatusEnum
from typing import cast
from uuid import UUID
import datetime

if TYPE_CHECKING:
    from ..models.device_import_error import DeviceImportError


T = TypeVar("T", bound="DeviceImport")


@_attrs_define
class DeviceImport:
    """
    Attributes:
        id (UUID):
        file_name (str):
        status (DeviceImportStatusEnum): * `queued` - Waiting
            * `running` - Importing
            * `done` - Finished
            * `failed` - Failed
        total (int):
        processed (int):
        imported (int):
        errors (list[DeviceImportError]):
        created_at (datetime.datetime):
        finished_at (datetime.datetime | None):
    """

    id: UUID
    file_name: str
    status: DeviceImportStatusEnum
    total: int
    processed: int
    imported: int
    errors: list[DeviceImportError]
    created_at: datetime.datetime
    finished_at: datetime.datetime | None

    def to_dict(self) -> dict[str, Any]:
        from ..models.device_import_error import DeviceImportError  # noqa: PLC0415

        id = str(self.id)

        file_name = self.file_name

        status = self.status.value

        total = self.total

        processed = self.processed

        imported = self.imported

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
                "total": total,
                "processed": processed,
                "imported": imported,
                "errors": errors,
                "created_at": created_at,
                "finished_at": finished_at,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.device_import_error import DeviceImportError  # noqa: PLC0415

        d = dict(src_dict)
        id = UUID(d.pop("id"))

        file_name = d.pop("file_name")

        status = DeviceImportStatusEnum(d.pop("status"))

        total = d.pop("total")

        processed = d.pop("processed")

        imported = d.pop("imported")

        errors = []
        _errors = d.pop("errors")
        for errors_item_data in _errors:
            errors_item = DeviceImportError.from_dict(errors_item_data)

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

        device_import = cls(
            id=id,
            file_name=file_name,
            status=status,
            total=total,
            processed=processed,
            imported=imported,
            errors=errors,
            created_at=created_at,
            finished_at=finished_at,
        )

        return device_import
