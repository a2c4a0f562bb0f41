"""The Django admin at 1,000,000 rows: bounded counts and prefix searches on indexed columns.

Every admin of a big table (DESIGN.md "Operators at scale") sets `paginator =
BoundedCountPaginator`, `show_full_result_count = False`, `show_facets = ShowFacets.NEVER`, pages
of 50, `sortable_by = ()`, an `ordering` an index provides (the models' Meta and the migrations
named `operator_list_indexes`), `get_ordering = searched_ordering`, `action_checkbox =
action_checkbox`; it selects its related rows, shows foreign keys as raw ids or an autocomplete,
and searches by prefix through the helpers below, each a range of an index.
"""

from collections.abc import Sequence
from uuid import UUID

from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.paginator import Paginator
from django.db import connection
from django.db.models import F, Q, QuerySet
from django.db.models.expressions import BaseExpression, OrderBy
from django.db.models.functions import Coalesce, Collate, Lower
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from companies.models import Company
from companies.text import search_key

# How many companies a search term may stand for in a list of their rows (requests, links, ...).
COMPANIES_PER_SEARCH = 200


class BoundedCountPaginator(Paginator):
    """Counts at most `count_limit` rows, never the whole table.

    A list past the limit shows `count_limit + 1` rows in all (so its pages stop there); the
    operator narrows it by a search or a filter. The count is one query whatever the table's size.
    """

    count_limit = 1000

    @cached_property
    def count(self) -> int:
        queryset = self.object_list
        if not isinstance(queryset, QuerySet):
            return len(queryset)
        # No ordering: the database stops after count_limit + 1 matching rows.
        return queryset.order_by()[: self.count_limit + 1].count()

    @property
    def capped(self) -> bool:
        return self.count > self.count_limit


def bytewise(expression: BaseExpression) -> BaseExpression:
    """`expression` compared byte by byte: collation "C" on PostgreSQL (SQLite's default already).
    The admin orders companies and people this way, by the `company_name_prefix` and
    `user_email_prefix` indexes, so a prefix search is a range of the index already in order
    (with the database's own collation PostgreSQL cannot turn LIKE 'key%' into a range, and
    walks the order from the start until it finds the prefix)."""
    return Collate(expression, "C") if connection.vendor == "postgresql" else expression


def company_order() -> tuple[OrderBy, str]:
    return bytewise(F("search_name")).asc(), "id"


def person_order() -> tuple[OrderBy, str]:
    return bytewise(Lower("email")).asc(), "id"


def company_ids_by_prefix(term: str, limit: int = COMPANIES_PER_SEARCH) -> list[UUID]:
    """The companies whose name starts with `term` (case and accents ignored), by the
    `company_name_prefix` index."""
    key = search_key(term)
    if not key:
        return []
    return list(
        Company.objects.alias(name_bytes=bytewise(F("search_name")))
        .filter(name_bytes__startswith=key)
        .order_by()
        .values_list("id", flat=True)[:limit]
    )


def companies_by_prefix(queryset: QuerySet, term: str) -> QuerySet:
    """Companies whose name starts with `term`, case and accents ignored."""
    key = search_key(term)
    if not key:
        return queryset
    return queryset.alias(name_bytes=bytewise(F("search_name"))).filter(name_bytes__startswith=key)


def person_ids_by_prefix(term: str, limit: int = BoundedCountPaginator.count_limit) -> list[UUID]:
    """People whose email (in the admin's order) or name starts with `term`, case ignored, at
    most `limit` of each; a term with an "@" is an email only.

    Two range reads of the `user_email_prefix` and `user_name_prefix` indexes rather than one
    query with an OR: ordered by email, PostgreSQL would walk the whole email order filtering
    both prefixes (650 ms at a million people for "user9")."""
    found: list[UUID] = []
    for query in person_prefix_queries(term):
        seen = set(found)
        found += [pk for pk in query[:limit] if pk not in seen]
    return found


def person_prefix_queries(term: str) -> list[QuerySet]:
    """The ids of people by email prefix (in the admin's order), and by name prefix unless the
    term has an "@"."""
    term = term.strip().lower()
    if not term:
        return []
    from companies.models import User

    queries = [
        User.objects.alias(email_bytes=bytewise(Lower("email")))
        .filter(email_bytes__startswith=term)
        .order_by(*person_order())
        .values_list("id", flat=True)
    ]
    if "@" not in term:
        queries.append(
            User.objects.alias(name_lower=Lower("name"))
            .filter(name_lower__startswith=term)
            .order_by()
            .values_list("id", flat=True)
        )
    return queries


def people_by_prefix(queryset: QuerySet, term: str, path: str = "pk") -> QuerySet:
    """People (or rows of people, through `path`) found by `person_ids_by_prefix`."""
    if not term.strip():
        return queryset
    ids = person_ids_by_prefix(term)
    return queryset.filter(**{f"{path}__in": ids}) if ids else queryset.none()


def rows_of_companies(queryset: QuerySet, term: str, fields: Sequence[str]) -> QuerySet:
    """Rows whose company in any of `fields` has a name starting with `term` (one query for the
    companies, then the rows by their company indexes)."""
    if not search_key(term):
        return queryset
    ids = company_ids_by_prefix(term)
    if not ids:
        return queryset.none()
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__in": ids})
    return queryset.filter(condition)


def emails_by_recipient_prefix(queryset: QuerySet, term: str) -> QuerySet:
    """Outbound emails whose recipient address starts with `term`, case ignored, by the
    `email_to_prefix` index."""
    term = term.strip().lower()
    if not term:
        return queryset
    return queryset.alias(to_lower=Lower("to")).filter(to_lower__startswith=term)


@admin.display(description=_("country"))
def country_name(obj) -> str:
    """The row's country by one lookup: the admin's own display of a choices field looks the code
    up in the whole translated list of countries, built anew for every row (1 ms a row)."""
    return obj.country.name


# Django's own label of the row checkbox, translated by Django's catalogue.
ACTION_CHECKBOX_LABEL = "Select this object for an action - {}"


def action_checkbox(model_admin: admin.ModelAdmin, obj) -> str:
    """Django's row checkbox, the same markup without a form widget's template rendering (which
    costs about 1 ms a row). Set as `action_checkbox = action_checkbox` on a ModelAdmin."""
    return format_html(
        '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
        helpers.ACTION_CHECKBOX_NAME,
        str(obj.pk),
        format_html(gettext(ACTION_CHECKBOX_LABEL), str(obj)),
    )


class BigTableAdmin:
    """A ModelAdmin mixin for a big table (DESIGN.md "Operators at scale"): no full count, pages
    of 50, no column sorts and no facet counts; each admin states its indexed order, search and
    related rows."""

    paginator = BoundedCountPaginator
    change_list_template = "admin/bounded_change_list.html"
    action_checkbox = action_checkbox
    list_per_page = 50
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    sortable_by = ()


def searched_ordering(model_admin: admin.ModelAdmin, request) -> tuple:
    """The admin's order, but while a search is active its first key is wrapped (COALESCE(x, x))
    so that no index provides it: PostgreSQL then reads the matches by the search's indexes and
    sorts them (a bounded set: at most 1,000 people or 200 companies stand for a term) instead of
    walking the whole order and filtering, which it picks when it wrongly expects the matches
    spread evenly (a million people: 800 ms for "user9"). Set `get_ordering = searched_ordering`."""
    ordering = tuple(model_admin.ordering or ())
    if not ordering or not request.GET.get(SEARCH_VAR, "").strip():
        return ordering
    first, *rest = ordering
    if isinstance(first, str):
        descending, name = first.startswith("-"), first.lstrip("-")
        expression = Coalesce(F(name), F(name))
        first = expression.desc() if descending else expression.asc()
    else:
        first = OrderBy(Coalesce(first.expression, first.expression), descending=first.descending)
    return (first, *rest)
