from functools import partial
from typing import Any

from rest_framework import pagination
from rest_framework.request import Request
from rest_framework.response import Response

from rainbow_admin.db import CountedPaginator


class PageNumberPagination(pagination.PageNumberPagination):
    page_size_query_param = "page_size"
    max_page_size = 200


def paginated(
    request: Request,
    queryset: Any,
    serializer_class: Any,
    view: Any = None,
    *,
    count: int | None = None,
) -> Response:
    """One page of ``queryset`` as ``{count, next, previous, results}``.

    ``count``, when the caller knows it cheaper than ``count(*)`` over the queryset, is used
    as the total.

    A view answering pages sets ``pagination_class = PageNumberPagination``: the OpenAPI schema
    then describes the page (drf-spectacular reads that attribute) and the page is made by it.
    """
    paginator = getattr(view, "pagination_class", None) or PageNumberPagination
    paginator = paginator()
    if count is not None:
        paginator.django_paginator_class = partial(CountedPaginator, count=count)
    page = paginator.paginate_queryset(queryset, request, view=view)
    return paginator.get_paginated_response(serializer_class(page, many=True).data)
