"""Query expressions shared by the apps' selectors."""

from __future__ import annotations

from typing import Any

from django.core.paginator import Paginator
from django.db.models import Aggregate, CharField, IntegerField, QuerySet, Subquery
from django.utils.encoding import force_str


class SubqueryCount(Subquery):
    """How many rows ``queryset`` has, per outer row: ``(SELECT count(*) FROM (...))``.

    Use it instead of ``Count()`` over a join when the related rows are many: PostgreSQL answers
    each count from the foreign key's index, where a join with ``GROUP BY`` reads and groups every
    related row (and several counts in one query multiply the rows joined).
    """

    template = "(SELECT count(*) FROM (%(subquery)s) _count)"
    output_field = IntegerField()

    def __init__(self, queryset: QuerySet[Any], **extra: Any) -> None:
        super().__init__(queryset.order_by().values("pk"), **extra)


class SpaceJoined(Aggregate):
    """The values of a group joined by spaces, in order: PostgreSQL's ``string_agg``, and
    SQLite's ``group_concat`` for the embedded default (``django.contrib.postgres``'s
    ``StringAgg`` exists on PostgreSQL only)."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ' ' ORDER BY %(expressions)s)"
    output_field = CharField()

    def as_sqlite(self, compiler: Any, connection: Any, **extra_context: Any) -> Any:
        return super().as_sql(
            compiler,
            connection,
            function="GROUP_CONCAT",
            template="%(function)s(%(expressions)s, ' ')",
            **extra_context,
        )


class CountedPaginator(Paginator):
    """A paginator told how many objects there are (a count the page already has), so that it
    does not run ``count(*)`` over them again."""

    def __init__(self, object_list: Any, per_page: int, *, count: int, **kwargs: Any) -> None:
        super().__init__(object_list, per_page, **kwargs)
        self.__dict__["count"] = count  # fills the cached_property


class ChoiceLabels:
    """Model mixin: a faster ``get_<field>_display()`` for fields with choices.

    Django's own hashes every choice's lazily translated label on each call (about 30 µs, paid
    per row and per field on list pages); the choices' values are plain strings, so a dict keyed
    by them gives the same label for a few µs.
    """

    def _get_FIELD_display(self, field: Any) -> Any:
        value = getattr(self, field.attname)
        return force_str(dict(field.flatchoices).get(value, value), strings_only=True)
