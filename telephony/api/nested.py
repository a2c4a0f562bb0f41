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

A resource is one class (a DRF view set, as NetBox's API views): it states only what is its
own: its serializers, the operations it offers (``operations``) and its selector and service
calls (``get_list``, ``get_item``, ``perform_create``, ``perform_update``, ``perform_destroy``).
``routes()`` gives its two URLs, the list (GET list, POST create) and the item (GET, PATCH,
DELETE). An operation a resource writes itself (an answer of another shape) carries its own
``@extend_schema``; the base leaves it alone. The voice prompts' GETs (``greeting_audio``,
``prompt_audio``) are named in ``hear_operations``: their PBX is loaded by
``selectors.pbx_get_to_hear`` (members too, 404 for anyone else) and they answer
``telephony.audio.wav_response``.
"""

from __future__ import annotations

import uuid
from functools import cached_property
from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.viewsets import ViewSet

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

LIST_OPERATIONS = (("get", "list"), ("post", "create"))
ITEM_OPERATIONS = (("get", "retrieve"), ("patch", "partial_update"), ("delete", "destroy"))


class PbxResource(ViewSet):
    # The serializer of the answer (one object; lists answer pages of them).
    serializer_class: ClassVar[type[serializers.Serializer]]
    # The bodies of POST and PATCH.
    create_serializer_class: ClassVar[type[serializers.Serializer] | None] = None
    update_serializer_class: ClassVar[type[serializers.Serializer] | None] = None
    # What the resource offers, among list, create, retrieve, partial_update and destroy.
    operations: ClassVar[tuple[str, ...]] = (
        "list",
        "create",
        "retrieve",
        "partial_update",
        "destroy",
    )
    # PATCH takes any subset of the fields (False: the update serializer's required fields are).
    partial_update_body: ClassVar[bool] = True
    # After a write, answer the row as ``get_item`` reads it (with what the serializer reads).
    reread: ClassVar[bool] = False
    # Another kind of PBX answers 409 (the Cloud PBX's own resources).
    cloud_only: ClassVar[bool] = False
    # Operations open to whoever may hear the PBX's prompts (``selectors.pbx_get_to_hear``:
    # members too, 404 for anyone else) rather than to whoever may work on its telephony.
    hear_operations: ClassVar[tuple[str, ...]] = ()
    # The name of the item id in the URL.
    item_kwarg: ClassVar[str] = "item_id"
    pagination_class = PageNumberPagination  # lists answer pages (schema too)

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if "serializer_class" in cls.__dict__:
            _describe(cls)

    @classmethod
    def routes(cls, route: str, name: str, item_name: str) -> list[tuple[str, Any, str]]:
        """The rows of ``api_routes`` for ``pbxs/<pbx_id>/<route>/`` and its items."""
        rows = []
        for path, operations, url_name in (
            (f"pbxs/<str:pbx_id>/{route}/", LIST_OPERATIONS, name),
            (f"pbxs/<str:pbx_id>/{route}/<str:{cls.item_kwarg}>/", ITEM_OPERATIONS, item_name),
        ):
            offered = {method: op for method, op in operations if op in cls.operations}
            if offered:
                rows.append((path, cls.as_view(offered), url_name))
        return rows

    @cached_property
    def pbx(self) -> Pbx:
        if self.action in self.hear_operations:
            pbx_id = parse_uuid(self.kwargs["pbx_id"])
            pbx = selectors.pbx_get_to_hear(actor=self.request.user, pbx_id=pbx_id)
        else:
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
        if self.reread:
            obj = self.get_item(self.pbx, obj.pk)
        return Response(self.serializer_class(obj).data, status=http_status)

    # The operations.
    def list(self, request: Request, pbx_id: str) -> Response:
        return paginated(request, self.get_list(self.pbx), self.serializer_class, self)

    def create(self, request: Request, pbx_id: str) -> Response:
        pbx = self.pbx
        obj = self.perform_create(pbx, self.body(self.create_serializer_class))
        return self.answer(obj, status.HTTP_201_CREATED)

    def retrieve(self, request: Request, pbx_id: str, **ids: str) -> Response:
        return Response(self.serializer_class(self.get_object()).data)

    def partial_update(self, request: Request, pbx_id: str, **ids: str) -> Response:
        obj = self.get_object()
        data = self.body(self.update_serializer_class, partial=self.partial_update_body)
        return self.answer(self.perform_update(self.pbx, obj, data))

    def destroy(self, request: Request, pbx_id: str, **ids: str) -> Response:
        self.perform_destroy(self.get_object())
        return Response(status=status.HTTP_204_NO_CONTENT)

    # What a resource states (those its operations need).
    def get_list(self, pbx: Pbx) -> Any:
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


def _describe(cls: type[PbxResource]) -> None:
    """The OpenAPI description of the operations ``cls`` takes from the base as they are."""
    out = cls.serializer_class
    schemas = {
        "list": extend_schema(responses=out(many=True)),
        "create": extend_schema(request=cls.create_serializer_class, responses={201: out}),
        "retrieve": extend_schema(responses=out),
        "partial_update": extend_schema(request=cls.update_serializer_class, responses=out),
        "destroy": extend_schema(responses={204: None}),
    }
    inherited = {
        operation: schema
        for operation, schema in schemas.items()
        if operation in cls.operations and operation not in cls.__dict__
    }
    if inherited:
        extend_schema_view(**inherited)(cls)
