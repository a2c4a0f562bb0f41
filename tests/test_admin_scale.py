"""The operators' Django admin at scale (DESIGN.md "Operators at scale"): every list of a big table
costs a fixed number of queries, never counts the whole table, and finds a company or a person by
the start of a name or an email, through indexes."""

from collections.abc import Callable

import pytest
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext

from companies.models import Company
from notifications.models import ActivityRecord, Notification, OutboundEmail
from rainbow_admin.admin_scale import BoundedCountPaginator, person_prefix_queries
from tests.factories import CompanyFactory, OperatorFactory, PartnerLinkFactory, UserFactory
from tests.licensing.factories import AssignmentFactory, SubscriptionFactory
from tests.partners.factories import InvitationFactory
from tests.telephony.factories import CloudPbxFactory, LineFactory, PbxFactory

pytestmark = pytest.mark.django_db


def _assignment() -> None:
    subscription = SubscriptionFactory()
    AssignmentFactory(subscription=subscription, user=UserFactory(company=subscription.company))


MAKERS: dict[str, Callable[[], object]] = {
    "companies/company": CompanyFactory,
    "companies/user": UserFactory,
    "partners/invitation": InvitationFactory,
    "partners/partnerlink": PartnerLinkFactory,
    "licensing/subscription": SubscriptionFactory,
    "licensing/licenseassignment": _assignment,
    "notifications/outboundemail": lambda: OutboundEmail.objects.create(
        to="someone@example.com", subject="Hello", body_text="Hello"
    ),
    "notifications/notification": lambda: Notification.objects.create(
        recipient=UserFactory(), message="Something happened"
    ),
    "notifications/activityrecord": lambda: ActivityRecord.objects.create(
        company=CompanyFactory(), verb="member.added", message="Someone was added"
    ),
    "telephony/pbx": PbxFactory,
    "telephony/line": LineFactory,
}


@pytest.fixture
def operator_client(client):
    client.force_login(OperatorFactory(is_superuser=True))
    return client


def _list(client, path: str, query: str = "") -> tuple[CaptureQueriesContext, str]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/admin/{path}/{query}")
    assert response.status_code == 200, path
    return queries, response.content.decode()


@pytest.mark.parametrize("path", MAKERS)
def test_a_big_tables_list_costs_the_same_queries_and_never_counts_the_whole_table(
    operator_client, path
):
    make = MAKERS[path]
    for _ in range(2):
        make()
    small, _page = _list(operator_client, path)
    for _ in range(12):
        make()
    big, page = _list(operator_client, path)
    assert len(big) == len(small), "\n".join(q["sql"] for q in big.captured_queries)
    assert 'id="result_list"' in page
    model_admin = admin.site._registry[_model(path)]
    assert model_admin.paginator is BoundedCountPaginator
    assert model_admin.show_full_result_count is False
    counts = [q["sql"] for q in big.captured_queries if q["sql"].startswith("SELECT COUNT(")]
    assert counts, "the list counts its rows, bounded"
    for sql in counts:
        assert "LIMIT 1001" in sql, sql
    # Searching costs a fixed number of queries too, and the filters' facet counts (which
    # would count the whole table once per choice) are never offered.
    searched, _page = _list(operator_client, path, "?q=no-such-thing")
    assert len(searched) <= len(big) + 1
    assert model_admin.show_facets is admin.ShowFacets.NEVER
    assert "_facets" not in page, "no Show counts link"
    faceted, _page = _list(operator_client, path, "?_facets=True")
    assert len(faceted) == len(big)


def _model(path: str):
    from django.apps import apps

    app_label, model_name = path.split("/")
    return apps.get_model(app_label, model_name)


def test_a_list_past_the_bound_pages_up_to_the_bound(operator_client, monkeypatch):
    monkeypatch.setattr(BoundedCountPaginator, "count_limit", 5)
    monkeypatch.setattr(admin.site._registry[Company], "list_per_page", 3)
    CompanyFactory.create_batch(8)
    changelist = operator_client.get("/admin/companies/company/").context["cl"]
    assert (changelist.result_count, changelist.paginator.num_pages) == (6, 2)
    assert changelist.paginator.capped
    assert len(changelist.result_list) == 3
    page = operator_client.get("/admin/companies/company/").content.decode()
    assert "More than 5 rows: only the first pages are shown." in page
    monkeypatch.setattr(BoundedCountPaginator, "count_limit", 50)
    assert "More than" not in operator_client.get("/admin/companies/company/").content.decode()
    monkeypatch.setattr(BoundedCountPaginator, "count_limit", 5)
    second = operator_client.get("/admin/companies/company/?p=2").context["cl"]
    assert len(second.result_list) == 3
    assert operator_client.get("/admin/companies/company/?p=3").status_code == 302


def test_the_operator_finds_a_company_by_the_start_of_its_name(operator_client):
    CompanyFactory(name="Müller Telekom GmbH")
    CompanyFactory(name="Telekom Müller AG")
    _queries, page = _list(operator_client, "companies/company", "?q=MULLER")
    assert "Müller Telekom GmbH" in page
    assert "Telekom Müller AG" not in page
    _queries, page = _list(operator_client, "companies/company", "?q=telekom")
    assert "Telekom Müller AG" in page and "Müller Telekom GmbH" not in page
    # Found rows keep the list's order (by name) while a search sorts them.
    CompanyFactory(name="Müller Alpha")
    _queries, page = _list(operator_client, "companies/company", "?q=mull")
    assert page.index("Müller Alpha") < page.index("Müller Telekom GmbH")


def test_the_operator_finds_a_person_by_the_start_of_an_email_or_a_name(operator_client):
    UserFactory(name="Anna Schmidt", email="a.schmidt@example.com")
    UserFactory(name="Bert Anna", email="bert@example.com")
    _queries, page = _list(operator_client, "companies/user", "?q=A.SCHMIDT@EXA")
    assert "a.schmidt@example.com" in page and "bert@example.com" not in page
    _queries, page = _list(operator_client, "companies/user", "?q=anna")
    assert "a.schmidt@example.com" in page and "bert@example.com" not in page
    # An email term is an email only, and a term is a prefix, not a pattern.
    _queries, page = _list(operator_client, "companies/user", "?q=a%25")
    assert "a.schmidt@example.com" not in page


def test_rows_are_found_by_their_companys_or_persons_name(operator_client):
    sender = CompanyFactory(name="Alpha Shipping")
    received = InvitationFactory(to_company__name="Alphorn Reseller")
    sent = InvitationFactory(from_company=sender)
    other = InvitationFactory()
    _queries, page = _list(operator_client, "partners/invitation", "?q=alph")
    for invitation in (received, sent):
        assert f"/admin/partners/invitation/{invitation.pk}/change/" in page
    assert f"/admin/partners/invitation/{other.pk}/change/" not in page

    pbx = CloudPbxFactory()
    zoe = UserFactory(company=pbx.company, name="Zoe Line", email="zoe@example.com")
    line = LineFactory(pbx=pbx, user=zoe)
    other_line = LineFactory()
    _queries, page = _list(operator_client, "telephony/line", "?q=zoe")
    assert f"/admin/telephony/line/{line.pk}/change/" in page
    assert f"/admin/telephony/line/{other_line.pk}/change/" not in page

    OutboundEmail.objects.create(to="Carla@Example.com", subject="For Carla", body_text="x")
    OutboundEmail.objects.create(to="dan@example.com", subject="For Dan", body_text="x")
    _queries, page = _list(operator_client, "notifications/outboundemail", "?q=carla@")
    assert "For Carla" in page and "For Dan" not in page


def test_the_company_autocomplete_finds_by_prefix_without_a_full_count(operator_client):
    CompanyFactory(name="Zebra Networks")
    CompanyFactory(name="Networks Zebra")
    with CaptureQueriesContext(connection) as queries:
        response = operator_client.get(
            "/admin/autocomplete/",
            {
                "term": "zeb",
                "app_label": "companies",
                "model_name": "user",
                "field_name": "company",
            },
        )
    assert response.status_code == 200
    assert [row["text"] for row in response.json()["results"]] == ["Zebra Networks"]
    for sql in (q["sql"] for q in queries.captured_queries if q["sql"].startswith("SELECT COUNT(")):
        assert "LIMIT 1001" in sql, sql


PLANS = [
    ("companies/company", "muller", "company_name_prefix"),
    ("companies/user", "", "user_email_prefix"),
    ("companies/company", "", "company_name_prefix"),
    ("partners/invitation", "", "invitation_created"),
    ("partners/partnerlink", "", "partnerlink_since"),
    ("licensing/subscription", "", "subscription_created"),
    ("licensing/licenseassignment", "", "assignment_assigned"),
    ("notifications/outboundemail", "", "email_created"),
    ("notifications/outboundemail", "carla@", "email_to_prefix"),
    ("notifications/notification", "", "notification_created"),
    ("notifications/activityrecord", "", "activity_created"),
    ("telephony/pbx", "", "pbx_name_order"),
    ("telephony/line", "", "line_extension_unique"),
]


@pytest.mark.parametrize(("path", "term", "index"), PLANS)
def test_each_list_and_search_reads_an_index_not_the_whole_table(rf, path, term, index):
    """With sequential scans priced out, the page's query is planned on the index named (a
    missing index or a query that cannot use it would leave a Seq Scan or a full Sort)."""
    model = _model(path)
    model_admin = admin.site._registry[model]
    request = rf.get(f"/admin/{path}/")
    queryset = model_admin.get_queryset(request).order_by(*model_admin.get_ordering(request))
    if term:
        queryset, _duplicates = model_admin.get_search_results(request, queryset, term)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    plan = queryset[:100].explain()
    assert index in plan, plan
    assert f"Seq Scan on {model._meta.db_table}" not in plan, plan
    if term:  # the prefix is a range of the index, not a filter over a walk of it
        ranges = [line for line in plan.splitlines() if "Index Cond" in line and ">=" in line]
        assert ranges, plan


def test_rows_keep_their_action_checkbox_and_country_name(operator_client):
    company = CompanyFactory(name="Checkbox GmbH", country="DE")
    _queries, page = _list(operator_client, "companies/company")
    checkbox = (
        f'<input type="checkbox" name="_selected_action" value="{company.pk}" '
        'class="action-select" aria-label="Select this object for an action - Checkbox GmbH">'
    )
    assert checkbox in page
    assert '<td class="field-country_name">Germany</td>' in page
    response = operator_client.post(
        "/admin/companies/company/",
        {"action": "delete_selected", "_selected_action": [str(company.pk)]},
    )
    assert response.status_code == 200
    assert "<title>Delete multiple objects" in response.content.decode()
    assert "Checkbox GmbH" in response.content.decode()


def test_a_pbxs_page_lists_its_lines_with_a_fixed_number_of_queries(operator_client):
    pbx = CloudPbxFactory()
    LineFactory(pbx=pbx)
    path = f"/admin/telephony/pbx/{pbx.pk}/change/"
    operator_client.get(path)  # caches filled once (content types)
    with CaptureQueriesContext(connection) as few:
        assert operator_client.get(path).status_code == 200
    for _ in range(5):
        LineFactory(pbx=pbx)
    with CaptureQueriesContext(connection) as more:
        page = operator_client.get(path).content.decode()
    assert len(more) == len(few)
    for line in pbx.lines.select_related("user"):
        assert line.user.email in page


@pytest.mark.parametrize(
    ("term", "indexes"),
    [("anna", ["user_email_prefix", "user_name_prefix"]), ("a.schmidt@", ["user_email_prefix"])],
)
def test_people_are_found_by_ranges_of_the_prefix_indexes(term, indexes):
    """A person's search reads a range of each prefix index (no walk of the email order
    filtering an OR of both prefixes)."""
    queries = person_prefix_queries(term)
    assert len(queries) == len(indexes)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
    for query, index in zip(queries, indexes, strict=True):
        plan = query[:1000].explain()
        assert index in plan, plan
        assert [line for line in plan.splitlines() if "Index Cond" in line and ">=" in line], plan
