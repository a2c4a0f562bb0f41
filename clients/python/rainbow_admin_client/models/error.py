from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
    from ..models.validation_errors import ValidationErrors


T = TypeVar("T", bound="Error")


@_attrs_define
class Error:
    """Every error answer of the API.

    Attributes:
        detail (str): A message for people, in their language.
        code (str): A stable code for programs.
        field (str | Unset): The input (top-level body field or query parameter) the error is about; absent when it is
            about the request as a whole.
        errors (ValidationErrors | Unset): Each invalid input's errors, by field name (or by index, for the items of a
            list): a list of messages, or the errors of the fields inside it. Sent with every 400 on invalid input that the
            body's checks find field by field; `non_field_errors` holds those about the body as a whole.
    """

    detail: str
    code: str
    field: str | Unset = UNSET
    errors: ValidationErrors | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        from ..models.validation_errors import ValidationErrors  # noqa: PLC0415

        detail = self.detail

        code = self.code

        field = self.field

        errors: dict[str, Any] | Unset = UNSET
        if not isinstance(self.errors, Unset):
            errors = self.errors.to_dict()

        field_dict: dict[str, Any] = {}

        field_dict.update(
            {
                "detail": detail,
                "code": code,
            }
        )
        if field is not UNSET:
            field_dict["field"] = field
        if errors is not UNSET:
            field_dict["errors"] = errors

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.validation_errors import ValidationErrors  # noqa: PLC0415

        d = dict(src_dict)
        detail = d.pop("detail")

        code = d.pop("code")

        field = d.pop("field", UNSET)

        _errors = d.pop("errors", UNSET)
        errors: ValidationErrors | Unset
        if isinstance(_errors, Unset):
            errors = UNSET
        else:
            errors = ValidationErrors.from_dict(_errors)

        error = cls(
            detail=detail,
            code=code,
            field=field,
            errors=errors,
        )

        return error
