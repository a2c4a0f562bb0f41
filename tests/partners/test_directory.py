"""The reseller/distributor directory: accent- and case-insensitive, ranked, limited, indexed."""

import factory
import pytest
from django.db import connection

from companies.models import Company
from companies.selectors import directory_search
from companies.text import search_key
from tests.factories import CompanyFactory, DistributorFactory, ResellerFactory

pytestmark = pytest.mark.django_db

VOICE_NAMES = factory.Sequence(lambda n: f"Voice Partner {n:02d}")


@pytest.mark.parametrize("text", ["mul", "mül", "MÜL", "Müller", "TELEKOM", "ller tele"])
def test_search_is_case_and_accent_insensitive(api_for, customer_admin, text):
    ResellerFactory(name="Müller Telekom")
    ResellerFactory(name="Northwind Telecom")
    body = api_for(customer_admin).get("/api/v1/resellers/", {"search": text}).json()
    assert [r["name"] for r in body] == ["Müller Telekom"]
    assert set(body[0]) == {"id", "name", "city", "country"}


def test_names_starting_with_the_text_come_first(api_for, customer_admin):
    for name in ("Zamulti Voice", "Amul Telecom", "Multicom Services", "Müller Telekom"):
        ResellerFactory(name=name)
    body = api_for(customer_admin).get("/api/v1/resellers/?search=mul").json()
    assert [r["name"] for r in body] == [
        "Müller Telekom",
        "Multicom Services",
        "Amul Telecom",
        "Zamulti Voice",
    ]


def test_at_most_twenty_results(api_for, customer_admin):
    ResellerFactory.create_batch(25, name=VOICE_NAMES)
    assert len(api_for(customer_admin).get("/api/v1/resellers/?search=voice").json()) == 20


def test_each_directory_lists_only_its_kind_and_never_my_company(api_for, reseller_admin):
    DistributorFactory(name="EuroVoice Distribution")
    ResellerFactory(name="EuroVoice Resale")
    CompanyFactory(name="EuroVoice Customer")
    client = api_for(reseller_admin)
    assert [d["name"] for d in client.get("/api/v1/distributors/?search=euro").json()] == [
        "EuroVoice Distribution"
    ]
    assert [r["name"] for r in client.get("/api/v1/resellers/?search=euro").json()] == [
        "EuroVoice Resale"
    ]
    me = reseller_admin.company.name[:4]
    assert reseller_admin.company.name not in [
        r["name"] for r in client.get(f"/api/v1/resellers/?search={me}").json()
    ]


def test_the_directory_needs_a_signed_in_user(client):
    assert client.get("/api/v1/resellers/?search=a").status_code in (401, 403)


def test_search_has_a_fixed_query_count(api_for, customer_admin, django_assert_max_num_queries):
    client = api_for(customer_admin)
    ResellerFactory(name="Mux")
    client.get("/api/v1/resellers/?search=mu")
    with django_assert_max_num_queries(4) as few:
        client.get("/api/v1/resellers/?search=mu")
    ResellerFactory.create_batch(30, name=VOICE_NAMES)
    with django_assert_max_num_queries(len(few.captured_queries)):
        client.get("/api/v1/resellers/?search=e")


def test_the_search_uses_the_trigram_index_at_scale():
    """20,000 companies: the directory query reads an index of the partner kinds only."""
    words = ["Alpha", "Berlin", "Comm", "Data", "Echo", "Fern", "Giga", "Hansa", "Iris", "Jade"]
    kinds = ["customer"] * 8 + ["reseller", "distributor"]
    companies = []
    for n in range(20_000):
        name = f"{words[n % 10]} {words[(n // 10) % 10]} Firma {n}"
        companies.append(
            Company(name=name, search_name=search_key(name), kind=kinds[n % 10], country="DE")
        )
    Company.objects.bulk_create(companies, batch_size=2000)
    ResellerFactory(name="Müller Telekom")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE companies_company")
    queryset = directory_search(kind="reseller", text="MÜL")
    plan = queryset.explain()
    # An index of the partner kinds: their trigram index, or (kind, search_name) when the
    # planner prefers to filter the few resellers; never a scan of every company.
    assert "Seq Scan" not in plan, plan
    assert "company_partner_search_trgm" in plan or "company_kind_search" in plan, plan
    assert [c.name for c in queryset] == ["Müller Telekom"]


def test_two_companies_of_one_name_are_told_apart_by_city_and_country(
    api_for, customer_admin, client
):
    ResellerFactory(name="Telecom Services", city="Lyon", country="FR")
    ResellerFactory(name="Telecom Services", city="Leeds", country="GB")
    body = api_for(customer_admin).get("/api/v1/resellers/?search=telecom").json()
    assert sorted((r["city"], r["country"]) for r in body) == [("Leeds", "GB"), ("Lyon", "FR")]
    customer_admin.language = "de"
    customer_admin.save()
    client.force_login(customer_admin)
    html = client.get("/partner/directory/?q=telecom&kind=reseller").content.decode()
    assert "Lyon, Frankreich" in html and "Leeds, Vereinigtes Königreich" in html
