from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import ValidationError
from rest_framework.request import Request


def validated(serializer_class: Any, request: Request, **kwargs: Any) -> dict[str, Any]:
    """The request body checked by ``serializer_class``; a 400 if it is not a valid JSON object."""
    if not isinstance(request.data, dict):
        raise ValidationError({"non_field_errors": [_("Send a JSON object.")]})
    serializer = serializer_class(data=request.data, **kwargs)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data
