import pytest

from telephony.models import Line, Pbx
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.telephony.factories import CloudPbxFactory, LineFactory, PbxFactory

pytestmark = pytest.mark.django_db


def test_reseller_declares_a_cloud_pbx_from_the_customer_workspace(
    client, company, admin, reseller_admin, link
):
    client.force_login(reseller_admin)
    url = f"/customers/{company.pk}/telephony/"
    page = client.get(url).content.decode()
    assert "Declare a PBX" in page
    response = client.post(
        url,
        {
            "kind": "cloud_pbx",
            "name": "Head office",
            "country": "FR",
            "extension_prefix": "2",
            "extension_digits": "3",
        },
        follow=True,
    )
    pbx = Pbx.objects.get()
    assert response.redirect_chain[-1][0] == f"/customers/{company.pk}/telephony/pbxs/{pbx.pk}/"
    assert "extensions 2000\u20132999" in response.content.decode()


def test_a_bad_declaration_shows_the_error_on_the_form(client, company, reseller_admin, link):
    client.force_login(reseller_admin)
    response = client.post(
        f"/customers/{company.pk}/telephony/",
        {
            "kind": "cloud_pbx",
            "name": "X",
            "country": "DE",
            "extension_prefix": "1",
            "extension_digits": "2",
        },
    )
    assert response.status_code == 200
    assert "emergency number 112" in response.content.decode()
    assert not Pbx.objects.exists()


def test_company_admin_sees_no_declaration_form_but_an_explanation(client, admin):
    client.force_login(admin)
    page = client.get("/telephony/").content.decode()
    assert "Declare a PBX" not in page
    assert "declared by your partner" in page


def test_member_cannot_open_telephony(client, member):
    client.force_login(member)
    assert client.get("/telephony/").status_code == 403


def test_another_reseller_gets_404_on_the_workspace(client, company, cloud):
    stranger = AdminFactory(company=ResellerFactory())
    client.force_login(stranger)
    assert client.get(f"/customers/{company.pk}/telephony/").status_code == 404
    assert client.get(f"/customers/{company.pk}/telephony/pbxs/{cloud.pk}/").status_code == 404


def test_a_pbx_of_another_company_is_404_from_my_section(client, admin):
    other = CloudPbxFactory(company=CompanyFactory())
    client.force_login(admin)
    assert client.get(f"/telephony/pbxs/{other.pk}/").status_code == 404


def test_scope_less_partner_is_told_why(client, company, cloud):
    reseller = AdminFactory(company=ResellerFactory())
    PartnerLinkFactory(company=company, partner=reseller.company, scope_telephony=False)
    client.force_login(reseller)
    response = client.get(f"/customers/{company.pk}/telephony/")
    assert response.status_code == 403
    assert "telephony scope" in response.content.decode()


def test_admin_gives_a_line_on_the_pbx_page(client, admin, member, cloud):
    client.force_login(admin)
    url = f"/telephony/pbxs/{cloud.pk}/"
    response = client.post(
        url, {"action": "line_add", "user": member.pk, "extension": "8042"}, follow=True
    )
    assert "The line was given." in response.content.decode()
    assert Line.objects.get().extension == "8042"


def test_a_refused_line_is_explained_on_the_form(client, admin, member, cloud):
    client.force_login(admin)
    response = client.post(
        f"/telephony/pbxs/{cloud.pk}/",
        {"action": "line_add", "user": member.pk, "extension": "9042"},
    )
    assert "outside this PBX" in response.content.decode()
    assert not Line.objects.exists()


@pytest.mark.parametrize(
    "page", ["devices", "numbers", "hunt-groups", "welcome", "attendants", "emergency"]
)
def test_cloud_pages_of_another_kind_explain_why_they_are_hidden(client, admin, company, page):
    oxo = PbxFactory(company=company)
    client.force_login(admin)
    response = client.get(f"/telephony/pbxs/{oxo.pk}/{page}/")
    assert response.status_code == 409
    assert "exist only on a Cloud PBX" in response.content.decode()


@pytest.mark.parametrize(
    "page", ["", "devices/", "numbers/", "hunt-groups/", "welcome/", "attendants/", "emergency/"]
)
def test_every_cloud_page_opens_on_both_sides(
    client, company, admin, reseller_admin, link, cloud, page
):
    for user, base in (
        (admin, "/telephony/"),
        (reseller_admin, f"/customers/{company.pk}/telephony/"),
    ):
        client.force_login(user)
        response = client.get(f"{base}pbxs/{cloud.pk}/{page}")
        assert response.status_code == 200, (user, page)


def test_dashboard_shows_telephony_at_a_glance(client, admin, cloud):
    LineFactory(pbx=cloud)
    client.force_login(admin)
    page = client.get("/dashboard/").content.decode()
    assert "TELEPHONY" in page and cloud.name in page and "line given" in page


def test_dashboard_counts_lines_and_the_active_members_without_one(client, admin, company, cloud):
    LineFactory(pbx=cloud, user=admin)
    LineFactory(pbx=cloud)
    LineFactory(pbx=PbxFactory(company=company))
    UserFactory(company=company)  # active, no line
    UserFactory(company=company, is_active=False)  # invited or deactivated: not counted
    LineFactory()  # another company's line
    client.force_login(admin)
    page = client.get("/dashboard/").content.decode()
    assert '<p class="figure">3</p>' in page
    assert "1 member without a line" in page


def test_profile_shows_the_members_own_line(client, company):
    line = LineFactory(pbx=CloudPbxFactory(company=company), extension="8123")
    client.force_login(line.user)
    assert "Extension 8123" in client.get("/profile/").content.decode()
    client.force_login(UserFactory(company=company))
    assert "You have no phone line" in client.get("/profile/").content.decode()


def test_pbx_page_query_count_is_fixed(client, admin, cloud, django_assert_max_num_queries):
    client.force_login(admin)
    url = f"/telephony/pbxs/{cloud.pk}/"
    LineFactory(pbx=cloud)
    with django_assert_max_num_queries(20) as before:
        client.get(url)
    for _ in range(15):
        LineFactory(pbx=cloud)
    with django_assert_max_num_queries(len(before.captured_queries)):
        client.get(url)


def test_pbxs_declared_by_an_operator_or_a_factory_are_listed_in_french(
    client, company, reseller_admin, link
):
    PbxFactory(company=company, name="Ancienne")
    reseller_admin.language = "fr"
    reseller_admin.save()
    client.force_login(reseller_admin)
    response = client.get(f"/customers/{company.pk}/telephony/", HTTP_ACCEPT_LANGUAGE="fr")
    assert response.status_code == 200
    assert "Déclarer un PBX" in response.content.decode()


def test_index_and_dashboard_query_counts_are_fixed(
    client, company, admin, django_assert_max_num_queries
):
    client.force_login(admin)
    CloudPbxFactory(company=company, extension_prefix="1", extension_digits=4)
    counts = {}
    for url in ("/telephony/", "/dashboard/"):
        with django_assert_max_num_queries(20) as before:
            assert client.get(url).status_code == 200
        counts[url] = len(before.captured_queries)
    for prefix in "234567":
        pbx = CloudPbxFactory(company=company, extension_prefix=prefix, extension_digits=4)
        LineFactory(pbx=pbx, extension=f"{prefix}0001")
        PbxFactory(company=company)
    for url, count in counts.items():
        with django_assert_max_num_queries(count):
            assert client.get(url).status_code == 200


def test_a_waiting_import_page_polls_its_progress(client, admin, cloud):
    from telephony.models import DeviceImport

    job = DeviceImport.objects.create(
        pbx=cloud, created_by=admin, file_name="a.csv", content="x", total=3
    )
    client.force_login(admin)
    page = client.get(f"/telephony/pbxs/{cloud.pk}/devices/imports/{job.pk}/").content.decode()
    assert 'hx-trigger="every 1s"' in page
    assert '<progress max="3" value="0">' in page
    partial = client.get(
        f"/telephony/pbxs/{cloud.pk}/devices/imports/{job.pk}/", headers={"HX-Request": "true"}
    ).content.decode()
    assert partial.lstrip().startswith("<section") and "<html" not in partial


def test_operator_sees_telephony_in_the_django_admin(client, cloud):
    from tests.factories import OperatorFactory

    operator = OperatorFactory(is_superuser=True)
    client.force_login(operator)
    page = client.get("/admin/telephony/pbx/").content.decode()
    assert cloud.name in page


def test_leftover_cloud_pbx_values_never_block_declaring_an_oxo_connect(
    client, company, reseller_admin, link
):
    """Without JavaScript every kind's settings show; only the chosen kind's are checked."""
    client.force_login(reseller_admin)
    url = f"/customers/{company.pk}/telephony/"
    page = client.get(url).content.decode()
    assert 'data-shown-when-field="id_kind" data-shown-when="cloud_pbx"' in page
    assert 'data-shown-when="omnipcx_enterprise oxo_connect"' in page
    response = client.post(
        url,
        {
            "kind": "oxo_connect",
            "name": "Branch",
            "country": "DE",
            "extension_prefix": "abc",
            "extension_digits": "99",
            "sip_domain": "left.over.example",
            "system_id": "OXO-1",
        },
        follow=True,
    )
    pbx = Pbx.objects.get()
    assert (pbx.kind, pbx.system_id, pbx.extension_prefix, pbx.sip_domain) == (
        "oxo_connect",
        "OXO-1",
        "",
        "",
    )
    assert response.redirect_chain[-1][0].endswith(f"/pbxs/{pbx.pk}/")


def test_a_refused_declaration_lists_every_error_at_the_top_linking_to_its_field(
    client, company, reseller_admin, link
):
    client.force_login(reseller_admin)
    page = client.post(
        f"/customers/{company.pk}/telephony/",
        {"kind": "cloud_pbx", "name": "", "country": "DE", "extension_digits": "99"},
    ).content.decode()
    assert Pbx.objects.count() == 0
    summary = page.split('class="error-summary"')[1].split("</div>")[0]
    assert 'href="#id_name"' in summary and 'href="#id_extension_digits"' in summary
    assert "autofocus" in page.split('class="error-summary"')[1][:80]
