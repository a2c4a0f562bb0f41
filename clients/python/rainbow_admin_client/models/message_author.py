from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
from uuid import UUID

if TYPE_CHECKING:
    from ..models.company_ref import CompanyRef


T = TypeVar("T", bound="MessageAuthor")


@_attrs_define
class MessageAuthor:
    """
    Attributes:
        id (None | UUID):
        name (str):
        company (CompanyRef):
    """

    id: None | UUID
    name: str
    company: CompanyRef

    def to_dict(self) -> dict[str, Any]:
        from ..models.company_ref import CompanyRef  # noqa: PLC0415

        id: None | str
        if isinstance(self.id, UUID):
            id = str(self.id)
        else:
            id = self.id

        name = self.name

        company = self.company.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "id": id,
                "name": name,
                "company": company,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.company_ref import CompanyRef  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_id(data: object) -> None | UUID:
            if data is None:
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                id_type_0 = UUID(data)

                return id_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(None | UUID, data)

        id = _parse_id(d.pop("id"))

        name = d.pop("name")

        company = CompanyRef.from_dict(d.pop("company"))

        message_author = cls(
            id=id,
            name=name,
            company=company,
        )

        return message_author
