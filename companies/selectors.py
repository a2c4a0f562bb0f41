"""Reads of companies and people, scoped to the actor."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Case, Count, IntegerField, Q, QuerySet, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _

from companies.models import ApiToken, Company, User
from companies.text import search_key
from rainbow_admin.errors import InvalidInput, NotAllowed, NotFound
from rainbow_admin.permissions import is_operator, require_manage, require_view
from rainbow_admin.rate_limits import rate_limit_hit

DIRECTORY_LIMIT = 20
DIRECTORY_MIN_LENGTH = 2


def company_get(*, actor: User, company_id) -> Company:
    """A company the actor may see (404 otherwise)."""
    try:
        company = Company.objects.get(pk=company_id)
    except (Company.DoesNotExist, ValueError, ValidationError):
        raise NotFound(_("Not found."), code="not_found") from None
    require_view(actor, company)
    return company


def members_list(*, actor: User, company: Company) -> QuerySet[User]:
    """The people of a company, for its admins and operators; ``active_admins`` (the company's
    count, the same on every row) lets the page not offer what the rules refuse: deactivating the
    last active admin."""
    require_manage(actor, company)
    admins = (
        User.objects.filter(company=company, role=User.Role.ADMIN, is_active=True)
        .values("company")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return (
        User.objects.filter(company=company)
        .annotate(active_admins=Coalesce(Subquery(admins), 0))
        .order_by("name", "email")
    )


def members_summary(*, company: Company) -> dict[str, int]:
    """The dashboard's members panel: active people, admins and people awaiting activation."""
    return User.objects.filter(company=company).aggregate(
        active=Count("pk", filter=Q(is_active=True)),
        admins=Count("pk", filter=Q(is_active=True, role=User.Role.ADMIN)),
        invited=Count("pk", filter=Q(is_active=False, activated_at__isnull=True)),
    )


def company_admins(*, company_id) -> QuerySet[User]:
    """Active admins of a company: who is told about its partner and its requests."""
    return User.objects.filter(company_id=company_id, role=User.Role.ADMIN, is_active=True)


def api_tokens_list(*, user: User) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user).order_by("-created_at")


def directory_search(*, kind: str, text: str, exclude_id=None) -> QuerySet[Company]:
    """At most 20 companies of ``kind`` whose name contains ``text``, names starting with it first.

    Case- and accent-insensitive: the search runs on ``search_name``, the name lower-cased and
    stripped of accents, backed on PostgreSQL by a trigram index on the partner kinds (the only
    kinds searched: a request goes to a reseller or a distributor).
    """
    key = search_key(text or "")
    queryset = Company.objects.filter(kind=kind)
    if exclude_id is not None:
        queryset = queryset.exclude(pk=exclude_id)
    if key:
        queryset = queryset.filter(search_name__contains=key).annotate(
            rank=Case(
                When(search_name__startswith=key, then=Value(0)),
                default=Value(1),
                output_field=IntegerField(),
            )
        )
        queryset = queryset.order_by("rank", "search_name", "id")
    else:
        queryset = queryset.order_by("search_name", "id")
    return queryset.only("id", "name", "city", "country", "kind")[:DIRECTORY_LIMIT]


def directory_search_for(*, actor: User, kind: str, text: str) -> QuerySet[Company]:
    """The directory as the page and the API offer it: to company admins (who pick a partner) and
    operators, for at least ``DIRECTORY_MIN_LENGTH`` characters, at most
    ``DIRECTORY_SEARCHES_PER_PERSON_PER_MINUTE`` searches a minute per person (HTTP 429)."""
    if not (is_operator(actor) or actor.is_company_admin):
        raise NotAllowed(
            _("Only company administrators can search the directory."), code="admin_required"
        )
    text = (text or "")[:150].strip()
    if len(search_key(text)) < DIRECTORY_MIN_LENGTH:
        raise InvalidInput(
            _("Type at least %(count)s characters to search.") % {"count": DIRECTORY_MIN_LENGTH},
            code="search_too_short",
            field="search",
        )
    rate_limit_hit(
        action="directory-search",
        key=str(actor.pk),
        limit=settings.DIRECTORY_SEARCHES_PER_PERSON_PER_MINUTE,
        window=settings.RATE_LIMIT_MINUTE,
        message=_("Too many searches; try again in %(wait)s."),
    )
    return directory_search(kind=kind, text=text, exclude_id=actor.company_id)
