from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast


T = TypeVar("T", bound="ValidationErrors")


@_attrs_define
class ValidationErrors:
    """Each invalid input's errors, by field name (or by index, for the items of a list): a list of messages, or the errors
    of the fields inside it. Sent with every 400 on invalid input that the body's checks find field by field;
    `non_field_errors` holds those about the body as a whole.

    """

    additional_properties: dict[
        str, list[str | ValidationErrors] | ValidationErrors
    ] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            if isinstance(prop, list):
                field_dict[prop_name] = []
                for additional_property_type_0_item_data in prop:
                    additional_property_type_0_item: dict[str, Any] | str
                    if isinstance(
                        additional_property_type_0_item_data, ValidationErrors
                    ):
                        additional_property_type_0_item = (
                            additional_property_type_0_item_data.to_dict()
                        )
                    else:
                        additional_property_type_0_item = (
                            additional_property_type_0_item_data
                        )
                    field_dict[prop_name].append(additional_property_type_0_item)

            else:
                field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        validation_errors = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():

            def _parse_additional_property(
                data: object,
            ) -> list[str | ValidationErrors] | ValidationErrors:
                try:
                    if not isinstance(data, list):
                        raise TypeError()
                    additional_property_type_0 = []
                    _additional_property_type_0 = data
                    for (
                        additional_property_type_0_item_data
                    ) in _additional_property_type_0:

                        def _parse_additional_property_type_0_item(
                            data: object,
                        ) -> str | ValidationErrors:
                            try:
                                if not isinstance(data, dict):
                                    raise TypeError()
                                additional_property_type_0_item_type_1 = (
                                    ValidationErrors.from_dict(data)
                                )

                                return additional_property_type_0_item_type_1
                            except (TypeError, ValueError, AttributeError, KeyError):
                                pass
                            return cast(str | ValidationErrors, data)

                        additional_property_type_0_item = (
                            _parse_additional_property_type_0_item(
                                additional_property_type_0_item_data
                            )
                        )

                        additional_property_type_0.append(
                            additional_property_type_0_item
                        )

                    return additional_property_type_0
                except (TypeError, ValueError, AttributeError, KeyError):
                    pass
                if not isinstance(data, dict):
                    raise TypeError()
                additional_property_type_1 = ValidationErrors.from_dict(data)

                return additional_property_type_1

            additional_property = _parse_additional_property(prop_dict)

            additional_properties[prop_name] = additional_property

        validation_errors.additional_properties = additional_properties
        return validation_errors

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> list[str | ValidationErrors] | ValidationErrors:
        return self.additional_properties[key]

    def __setitem__(
        self, key: str, value: list[str | ValidationErrors] | ValidationErrors
    ) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
