"""Each app's ``api_urls`` as a table: one row a route, its view and its name."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.urls import URLPattern, path


def api_routes(*rows: tuple[str, Any, str]) -> list[URLPattern]:
    """``(route, view, name)`` rows as URL patterns. ``view`` is an API view class (its
    ``as_view()`` is taken) or a view already made (``View.as_view(kind=…)``)."""
    return [path(route, _view(view), name=name) for route, view, name in rows]


def _view(view: Any) -> Callable[..., Any]:
    return view.as_view() if isinstance(view, type) else view
