"""Fields whose OpenAPI schema says more than their Python type."""

from __future__ import annotations

import copy
from collections.abc import Iterable
from typing import Any

from drf_spectacular.plumbing import build_choice_field
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers


def one_of(choices: Iterable[Any], field: serializers.Field | None = None) -> Any:
    """``field`` (a CharField by default) documented as an enum of ``choices`` (values, or the
    ``(value, label)`` pairs of a ``TextChoices``). It checks what it checked before: the rules
    (and their error codes) stay in the services; a typed client gets the enum."""
    field = field if field is not None else serializers.CharField()
    # The schema a ChoiceField of these choices has (so one set gets one enum component).
    schema = build_choice_field(
        serializers.ChoiceField(
            choices=list(choices), allow_blank=getattr(field, "allow_blank", False)
        )
    )
    return documented(field, schema)


def uuid_string(field: serializers.Field | None = None) -> Any:
    """``field`` (a CharField by default: the services parse the id, with their error code)
    documented as a uuid."""
    field = field if field is not None else serializers.CharField()
    null = [{"type": "null"}] if getattr(field, "allow_null", False) else []
    blank = [{"type": "string", "enum": [""]}] if getattr(field, "allow_blank", False) else []
    schema: dict[str, Any] = {"type": "string", "format": "uuid"}
    if null or blank:
        schema = {"oneOf": [schema, *blank, *null]}
    return documented(field, schema)


def documented(field: serializers.Field, schema: Any) -> Any:
    """``field`` with ``schema`` (a schema dict or a serializer) as its OpenAPI schema."""
    # A class of its own: serializers deep-copy their fields from their arguments, which would
    # lose an annotation set on the instance.
    annotated = extend_schema_field(schema)(
        type(f"Documented{type(field).__name__}", (type(field),), {})
    )
    # Fresh arguments, as DRF's own field copies take (a ListField's child is bound already).
    args = [copy.deepcopy(arg) for arg in field._args]
    kwargs = {key: copy.deepcopy(value) for key, value in field._kwargs.items()}
    return annotated(*args, **kwargs)
