"""Member import and export through the REST API and the pages."""

import csv
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.http import StreamingHttpResponse
from django.test.utils import CaptureQueriesContext

from companies.models import User
from licensing.models import Offer
from rainbow_admin.members import services
from rainbow_admin.models import MemberImport
from tests.factories import AdminFactory, CompanyFactory, UserFactory
from tests.licensing.factories import AssignmentFactory, SubscriptionFactory
from tests.telephony.factories import CloudPbxFactory, LineFactory

pytestmark = pytest.mark.django_db

CSV = "email,name,offer\nnew1@acme.example,New One,\nbad,Bad,\n"


def test_an_admin_starts_an_import_and_polls_it(api_for, admin):
    client = api_for(admin)
    response = client.post(
        f"/api/v1/companies/{admin.company_id}/member-imports/",
        {"content": CSV, "send_invitations": False},
        format="json",
    )
    assert response.status_code == 202, response.content
    body = response.json()
    assert {k: body[k] for k in ("status", "total", "processed", "created", "errors")} == {
        "status": "queued",
        "total": 2,
        "processed": 0,
        "created": 0,
        "errors": [],
    }
    services.member_import_run(import_id=body["id"])
    body = client.get(f"/api/v1/member-imports/{body['id']}/").json()
    assert (body["status"], body["created"], body["processed"]) == ("finished", 1, 2)
    assert body["errors"] == [
        {"row": 2, "field": "email", "message": "Enter a valid email address."}
    ]
    assert body["send_invitations"] is False


@pytest.mark.parametrize(
    ("payload", "code"),
    [
        ({"content": "nope\n1\n"}, "invalid_csv"),
        ({}, "required"),
        ({"content": "email,name\n", "send_invitations": "maybe"}, "invalid"),
    ],
)
def test_a_bad_import_request_answers_400_with_a_code(api_for, admin, payload, code):
    response = api_for(admin).post(
        f"/api/v1/companies/{admin.company_id}/member-imports/", payload, format="json"
    )
    assert response.status_code == 400
    assert response.json()["code"] == code
    assert not MemberImport.objects.exists()


def test_a_member_may_not_import_and_another_company_sees_nothing(api_for, admin, member):
    url = f"/api/v1/companies/{admin.company_id}/member-imports/"
    assert api_for(member).post(url, {"content": CSV}, format="json").status_code == 403
    job = services.member_import_prepare(
        actor=admin, company=admin.company, file_name="a.csv", data=CSV.encode()
    )
    stranger = AdminFactory(company=CompanyFactory())
    assert api_for(stranger).post(url, {"content": CSV}, format="json").status_code == 404
    assert api_for(stranger).get(f"/api/v1/member-imports/{job.pk}/").status_code == 404
    assert api_for(member).get(f"/api/v1/member-imports/{job.pk}/").status_code == 404
    assert (
        api_for(stranger).get(f"/api/v1/companies/{admin.company_id}/members.csv").status_code
        == 404
    )
    assert MemberImport.objects.count() == 1


def read_csv(response) -> list[list[str]]:
    if isinstance(response, StreamingHttpResponse):
        text = b"".join(response.streaming_content).decode()
    else:
        text = response.content.decode()
    return list(csv.reader(io.StringIO(text)))


def people(company, count):
    subscription = SubscriptionFactory(company=company, offer=Offer.objects.get(code="business"))
    pbx = CloudPbxFactory(company=company)
    for n in range(count):
        person = UserFactory(company=company, name=f"Zed {n:03d}", password="!")
        AssignmentFactory(subscription=subscription, user=person)
        LineFactory(pbx=pbx, user=person, extension=f"8{n:03d}")


def test_the_export_lists_every_person_with_licenses_and_extension_in_a_fixed_number_of_queries(
    api_for, admin
):
    company = admin.company
    UserFactory(company=company, name="=HYPERLINK(evil)", email="evil@acme.example")
    people(company, 3)
    client = api_for(admin)
    url = f"/api/v1/companies/{company.pk}/members.csv"
    read_csv(client.get(url))  # the token's first use is stamped once
    with CaptureQueriesContext(connection) as few:
        response = client.get(url)
        assert isinstance(response, StreamingHttpResponse)  # sent as it is read
        rows = read_csv(response)
    assert rows[0] == ["email", "name", "role", "language", "active", "licenses", "extension"]
    assert rows[1] == ["evil@acme.example", "'=HYPERLINK(evil)", "member", "en", "true", "", ""]
    assert rows[-1][1:] == ["Zed 002", "member", "en", "true", "business", "8002"]
    assert len(rows) == 1 + 5
    people(company, 40)
    with CaptureQueriesContext(connection) as many:
        rows = read_csv(client.get(url))
    assert len(rows) == 1 + 45
    assert len(many) == len(few)


def test_the_members_page_offers_the_import_and_the_export(client, admin):
    client.force_login(admin)
    page = client.get("/members/").content.decode()
    assert 'href="/members/import/"' in page
    assert f'href="/api/v1/companies/{admin.company_id}/members.csv"' in page
    response = client.get(f"/api/v1/companies/{admin.company_id}/members.csv")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert 'filename="members.csv"' in response["Content-Disposition"]


def test_uploading_on_the_page_shows_a_preview_then_starting_queues_the_import(client, admin):
    client.force_login(admin)
    upload = SimpleUploadedFile("people.csv", "\ufeffemail;name\nä@acme.example;Jörg\n".encode())
    response = client.post("/members/import/", {"file": upload, "send_invitations": "on"})
    assert response.status_code == 302
    job = MemberImport.objects.get()
    assert response["Location"] == f"/members/imports/{job.pk}/"
    page = client.get(response["Location"]).content.decode()
    assert "Jörg" in page and "Import the valid rows" in page
    assert "Enter a valid email address." in page  # ä@… is refused by the email rules
    assert not User.objects.filter(name="Jörg").exists()

    assert client.post(response["Location"]).status_code == 302
    job.refresh_from_db()
    assert job.status == "queued"
    services.member_import_run(import_id=job.pk)
    partial = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "<progress" in partial and 'hx-trigger="every 1s"' not in partial
    assert "0 people added." in partial and "1 row refused." in partial
    result = client.get(f"/members/imports/{job.pk}/result.csv")
    assert read_csv(result)[1][-3:] == ["refused", "email", "Enter a valid email address."]


def test_a_file_the_page_cannot_read_is_explained_on_the_form(client, admin):
    client.force_login(admin)
    upload = SimpleUploadedFile("people.csv", b"given,family\nA,B\n")
    response = client.post("/members/import/", {"file": upload})
    assert response.status_code == 200
    assert (
        "The first line of the file must name the columns email, name, separated by commas, "
        "semicolons or tabs; the columns email, name are missing."
    ) in response.content.decode()
    assert not MemberImport.objects.exists()


def test_the_pages_of_an_import_are_not_found_for_another_company(client, admin):
    job = services.member_import_prepare(
        actor=admin, company=admin.company, file_name="a.csv", data=CSV.encode()
    )
    client.force_login(AdminFactory(company=CompanyFactory()))
    assert client.get(f"/members/imports/{job.pk}/").status_code == 404
    assert client.post(f"/members/imports/{job.pk}/").status_code == 404
    assert client.get(f"/members/imports/{job.pk}/result.csv").status_code == 404
    job.refresh_from_db()
    assert job.status == "draft"


def test_names_and_file_names_from_the_file_are_escaped_in_the_preview(client, admin):
    client.force_login(admin)
    markup = '<script>alert("x")</script>'
    upload = SimpleUploadedFile(f"{markup}.csv", f"email,name\nx@acme.example,{markup}\n".encode())
    response = client.post("/members/import/", {"file": upload}, follow=True)
    page = response.content.decode()
    assert markup not in page
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in page


@pytest.mark.django_db(transaction=True)
def test_the_export_of_two_thousand_people_takes_the_memory_of_a_hundred():
    import tracemalloc

    company = CompanyFactory()
    admin = AdminFactory(company=company)

    def add(count: int, start: int) -> None:
        User.objects.bulk_create(
            User(email=f"m{n}@acme.example", name=f"Member {n}", company=company, password="!")
            for n in range(start, start + count)
        )

    def peak() -> int:
        tracemalloc.start()
        lines = services.members_export_lines(actor=admin, company=company)
        count = sum(1 for _line in lines)
        size = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        assert count == User.objects.filter(company=company).count() + 1
        return size

    add(99, 0)
    peak()  # warm: first use of the query machinery
    small = peak()
    add(1900, 99)
    large = peak()
    assert large < small * 1.3, (small, large)
