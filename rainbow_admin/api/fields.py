"""Fields whose OpenAPI schema says more than their Python type."""

from __future__ import annotations

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
    # A class of its own: serializers deep-copy their fields from their arguments, which would
    # lose an annotation set on the instance.
    annotated = extend_schema_field(schema)(
        type(f"OneOf{type(field).__name__}", (type(field),), {})
    )
    return annotated(*field._args, **field._kwargs)
