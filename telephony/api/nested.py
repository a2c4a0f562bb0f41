"""One shape for the API resources nested under a PBX (``pbxs/<pbx_id>/<route>/`` and
``pbxs/<pbx_id>/<route>/<item id>/``), after NetBox's generic views and DRF's generic mixins.

The base owns what every such resource does the same way:

- the PBX: its id parsed (a malformed one is a 400 ``invalid_id``, as everywhere in the API),
  loaded by ``selectors.pbx_get``, which answers 404 to whoever may not see the company and 403
  to whoever may see it but not work on its telephony (the permission of every operation here);
- for a Cloud PBX resource, another kind of PBX refused with 409 ``cloud_pbx_only``;
- the item: its id parsed (400) and loaded by the resource's selector (404 when it is not this
  PBX's);
- the body checked by the resource's input serializer (400 ``{"detail", "code", "errors"}``);
- lists answered in pages (``{count, next, previous, results}``);
- the OpenAPI description of each operation, written from the serializers the resource names.

A resource states only what is its own: its serializers and the selector and service calls
(``get_queryset``, ``get_item``, ``perform_create``, ``perform_update``, ``perform_destroy``).
A handler a resource writes itself (an answer of another shape) carries its own
``@extend_schema``; the base leaves it alone.
"""

from __future__ import annotations

import uuid
from functools import cached_property
from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rainbow_admin.api.errors import parse_uuid
from rainbow_admin.api.input import validated
from rainbow_admin.api.pagination import PageNumberPagination, paginated
from telephony import selectors
from telephony.models import Pbx
from telephony.services.common import require_cloud


def body(serializer_class: Any, request: Request, *, partial: bool = False) -> dict[str, Any]:
    """The request body checked by ``serializer_class``, as a plain dict (400 when invalid)."""
    return dict(validated(serializer_class, request, partial=partial))


def pbx_for(request: Request, pbx_id: str) -> Pbx:
    """The PBX named in the path, if the caller may work on its telephony (400/404/403)."""
    return selectors.pbx_get(actor=request.user, pbx_id=parse_uuid(pbx_id))


# The base classes carry comments, not docstrings: drf-spectacular would publish a base class's
# docstring as the description of every operation that has none of its own.


class PbxResource(APIView):
    # The serializer of the answer (one object; lists answer pages of them).
    serializer_class: ClassVar[type[serializers.Serializer]]
    # The bodies of POST and PATCH.
    create_serializer_class: ClassVar[type[serializers.Serializer] | None] = None
    update_serializer_class: ClassVar[type[serializers.Serializer] | None] = None
    # PATCH takes any subset of the fields (False: the update serializer's required fields are).
    partial_update: ClassVar[bool] = True
    # Another kind of PBX answers 409 (the Cloud PBX's own resources).
    cloud_only: ClassVar[bool] = False
    # The name of the item id in the URL.
    item_kwarg: ClassVar[str] = "item_id"

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "serializer_class" in cls.__dict__:
            _describe(cls)

    @cached_property
    def pbx(self) -> Pbx:
        pbx = pbx_for(self.request, self.kwargs["pbx_id"])
        if self.cloud_only:
            require_cloud(pbx)
        return pbx

    def get_object(self) -> Any:
        pbx = self.pbx  # the PBX first: its 404/409 before a word about the item id
        return self.get_item(pbx, parse_uuid(self.kwargs[self.item_kwarg]))

    def body(self, serializer_class: Any, *, partial: bool = False) -> dict[str, Any]:
        return body(serializer_class, self.request, partial=partial)

    def answer(self, obj: Any, http_status: int = status.HTTP_200_OK) -> Response:
        return Response(self.serializer_class(obj).data, status=http_status)

    # What a resource states (those its operations need).
    def get_queryset(self, pbx: Pbx) -> Any:
        raise NotImplementedError

    def get_item(self, pbx: Pbx, item_id: uuid.UUID) -> Any:
        raise NotImplementedError

    def perform_create(self, pbx: Pbx, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def perform_update(self, pbx: Pbx, obj: Any, data: dict[str, Any]) -> Any:
        raise NotImplementedError

    def perform_destroy(self, obj: Any) -> None:
        raise NotImplementedError


class CloudPbxResource(PbxResource):
    cloud_only = True


# The operations, one mixin each (a resource lists those it offers).


class ListMixin:
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    def get(self, request: Request, pbx_id: str) -> Response:
        return paginated(request, self.get_queryset(self.pbx), self.serializer_class, self)


class CreateMixin:
    def post(self, request: Request, pbx_id: str) -> Response:
        pbx = self.pbx
        obj = self.perform_create(pbx, self.body(self.create_serializer_class))
        return self.answer(obj, status.HTTP_201_CREATED)


class RetrieveMixin:
    def get(self, request: Request, pbx_id: str, **ids: str) -> Response:
        return self.answer(self.get_object())


class UpdateMixin:
    def patch(self, request: Request, pbx_id: str, **ids: str) -> Response:
        obj = self.get_object()
        data = self.body(self.update_serializer_class, partial=self.partial_update)
        return self.answer(self.perform_update(self.pbx, obj, data))


class DestroyMixin:
    def delete(self, request: Request, pbx_id: str, **ids: str) -> Response:
        self.perform_destroy(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)


def _describe(cls: type[PbxResource]) -> None:
    """The OpenAPI description of the operations ``cls`` inherits from the mixins."""
    out = cls.serializer_class
    inherited = {
        name: getattr(cls, name)
        for name in ("get", "post", "patch", "delete")
        if hasattr(cls, name) and name not in cls.__dict__
    }
    schemas: dict[str, Any] = {}
    if inherited.get("get") is ListMixin.get:
        schemas["get"] = extend_schema(responses=out(many=True))
    elif inherited.get("get") is RetrieveMixin.get:
        schemas["get"] = extend_schema(responses=out)
    if inherited.get("post") is CreateMixin.post:
        schemas["post"] = extend_schema(request=cls.create_serializer_class, responses={201: out})
    if inherited.get("patch") is UpdateMixin.patch:
        schemas["patch"] = extend_schema(request=cls.update_serializer_class, responses=out)
    if inherited.get("delete") is DestroyMixin.delete:
        schemas["delete"] = extend_schema(responses={204: None})
    extend_schema_view(**schemas)(cls)
