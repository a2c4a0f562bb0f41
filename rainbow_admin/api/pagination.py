from typing import Any

from rest_framework import pagination
from rest_framework.request import Request
from rest_framework.response import Response


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


def paginated(request: Request, queryset: Any, serializer_class: Any, view: Any = None) -> Response:
    """One page of ``queryset`` as ``{count, next, previous, results}``.

    A view answering pages sets ``pagination_class = PageNumberPagination``: the OpenAPI schema
    then describes the page (drf-spectacular reads that attribute) and the page is made by it.
    """
    paginator = getattr(view, "pagination_class", None) or PageNumberPagination
    paginator = paginator()
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer_class(page, many=True).data)
