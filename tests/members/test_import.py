"""Member import: each row through the services of a single add; bad rows reported, not written."""

import threading
from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from companies.models import User
from licensing.models import LicenseAssignment, Offer
from notifications.models import ActivityRecord, Notification, OutboundEmail
from rainbow_admin.jobs import JobTakenOver, job_batch, job_claim
from rainbow_admin.members import services
from rainbow_admin.models import MemberImport
from telephony.models import Line
from tests.factories import AdminFactory, CompanyFactory, UserFactory
from tests.licensing.factories import SubscriptionFactory
from tests.telephony.factories import CloudPbxFactory, LineFactory

pytestmark = pytest.mark.django_db


def import_file(admin, content, *, send_invitations=True, run=True):
    job = services.member_import_prepare(
        actor=admin,
        company=admin.company,
        file_name="people.csv",
        data=content if isinstance(content, bytes) else content.encode(),
        send_invitations=send_invitations,
    )
    job = services.member_import_start(actor=admin, job=job)
    if run:
        services.member_import_run(import_id=job.pk)
        job.refresh_from_db()
    return job


@pytest.fixture
def world():
    company = CompanyFactory(name="Acme")
    admin = AdminFactory(company=company, name="Anna Admin", language="en")
    other = CompanyFactory(name="Secret Rival GmbH")
    UserFactory(company=other, email="taken@rival.example")
    UserFactory(company=company, email="already@acme.example")
    SubscriptionFactory(company=company, offer=Offer.objects.get(code="business"), quantity=1)
    pbx = CloudPbxFactory(company=company)  # extensions 8000-8999
    LineFactory(pbx=pbx, extension="8002")
    return company, admin


EVERY_KIND = """email,name,role,language,offer,extension
ok1@acme.example,First Good,member,de,business,8001
not-an-email,Bad Email,,,,
ok1@acme.example,Twice In File,,,,
taken@rival.example,Elsewhere,,,,
already@acme.example,Already Here,,,,
ok2@acme.example,Unknown Offer,,,platinum,
ok3@acme.example,No Seat,,,business,
ok4@acme.example,Out Of Range,,,,9001
ok5@acme.example,Taken Extension,,,,8002
ok6@acme.example,Bad Role,boss,,,
ok7@acme.example,Second Good,admin,fr,,
"""


def test_every_kind_of_bad_row_is_reported_by_number_and_field_and_the_good_rows_created(world):
    company, admin = world
    people_before = User.objects.count()
    job = import_file(admin, EVERY_KIND)

    assert job.status == "finished"
    assert (job.total, job.processed, job.created) == (11, 11, 2)
    by_row = {error["row"]: error for error in job.errors}
    assert {row: error["field"] for row, error in by_row.items()} == {
        2: "email",
        3: "email",
        4: "email",
        5: "email",
        6: "offer",
        7: "offer",
        8: "extension",
        9: "extension",
        10: "role",
    }
    assert "valid email" in by_row[2]["message"]
    assert "row 1" in by_row[3]["message"]
    assert by_row[4]["message"] == "Already a member of another company."
    assert "Rival" not in str(job.errors)  # the other company is never named
    assert by_row[5]["message"] == "Already a member of your company."
    assert "platinum" in by_row[6]["message"]
    assert by_row[7]["message"] == "No business seat left."
    assert "outside this PBX's numbering" in by_row[8]["message"]
    assert "already used" in by_row[9]["message"]

    # Only the two good rows were written, with everything a single add gives, and their extras.
    assert User.objects.count() == people_before + 2
    first = User.objects.get(email="ok1@acme.example")
    assert (first.company, first.role, first.language, first.status) == (
        company,
        "member",
        "de",
        "invited",
    )
    assert LicenseAssignment.objects.get(user=first).offer_id == "business"
    assert Line.objects.get(user=first).extension == "8001"
    second = User.objects.get(email="ok7@acme.example")
    assert (second.role, second.language) == ("admin", "fr")
    # A refused row leaves nothing behind: no person, no seat, no line.
    assert not User.objects.filter(email__in=["ok3@acme.example", "ok5@acme.example"]).exists()
    assert set(OutboundEmail.objects.filter(topic="activation").values_list("to", flat=True)) == {
        "ok1@acme.example",
        "ok7@acme.example",
    }
    # One activity entry for the import, with its counts; the importer is told it is done.
    entry = ActivityRecord.objects.get(company=company, verb="member.imported")
    assert (entry.params["created"], entry.params["refused"], entry.params["total"]) == (2, 9, 11)
    notification = Notification.objects.get(recipient=admin)
    assert notification.url == f"/members/imports/{job.pk}/"
    assert notification.params["created"] == 2


def test_a_spreadsheet_file_with_semicolons_and_a_bom_keeps_umlauts_and_accents(world):
    _company, admin = world
    content = "\ufeffEmail;Name;Language\r\njuergen@acme.example;Jürgen Müller;de\r\n"
    content += "helene@acme.example;Hélène Lefèvre-Çava;fr\r\n"
    job = import_file(admin, content.encode("utf-8"))
    assert (job.created, job.errors) == (2, [])
    assert User.objects.get(email="juergen@acme.example").name == "Jürgen Müller"
    assert User.objects.get(email="helene@acme.example").name == "Hélène Lefèvre-Çava"


def test_a_tab_separated_file_is_read_too(world):
    _company, admin = world
    job = import_file(admin, "email\tname\ntab@acme.example\tTab Person\n")
    assert (job.created, job.errors) == (1, [])


def test_without_invitations_no_activation_email_goes_out(world):
    _company, admin = world
    job = import_file(admin, "email,name\nquiet@acme.example,Quiet\n", send_invitations=False)
    assert job.created == 1
    assert not OutboundEmail.objects.filter(to="quiet@acme.example").exists()


def test_the_default_subscription_gives_each_new_person_a_seat_as_a_single_add_does(world):
    company, admin = world
    default = SubscriptionFactory(
        company=company, offer=Offer.objects.get(code="essential"), quantity=5, is_default=True
    )
    job = import_file(admin, "email,name\nd1@acme.example,D One\nd2@acme.example,D Two\n")
    assert job.created == 2
    assert LicenseAssignment.objects.filter(subscription=default).count() == 2


@pytest.mark.parametrize(
    ("content", "code"),
    [
        ("mail,name\na@b.example,A\n", "invalid_csv"),
        ("email,name\n", "invalid_csv"),
        (b"email,name\n\xff\xfe,A\n", "invalid_csv"),
        ("email,name\n" + "x@y.example,X\n" * 10_001, "too_many_rows"),
    ],
)
def test_a_file_that_cannot_be_imported_is_refused_whole(world, content, code):
    _company, admin = world
    from rainbow_admin.errors import InvalidInput

    with pytest.raises(InvalidInput) as refused:
        services.member_import_prepare(
            actor=admin,
            company=admin.company,
            file_name="x.csv",
            data=content if isinstance(content, bytes) else content.encode(),
        )
    assert refused.value.code == code
    assert not MemberImport.objects.exists()


def test_the_preview_shows_the_first_rows_and_the_problems_and_writes_nobody(world):
    _company, admin = world
    people = User.objects.count()
    job = services.member_import_prepare(
        actor=admin, company=admin.company, file_name="people.csv", data=EVERY_KIND.encode()
    )
    preview = services.member_import_preview(job=job)
    assert [row["email"] for row in preview["rows"]][:2] == ["ok1@acme.example", "not-an-email"]
    assert len(preview["rows"]) == 10
    assert [problem["row"] for problem in preview["problems"]] == [2, 3, 4, 5, 6, 10]
    assert preview["valid"] == 5
    assert job.status == "draft"
    assert User.objects.count() == people


def test_a_started_import_cannot_be_started_twice(world):
    _company, admin = world
    job = import_file(admin, "email,name\na1@acme.example,A\n", run=False)
    from rainbow_admin.errors import Conflict

    with pytest.raises(Conflict):
        services.member_import_start(actor=admin, job=job)


def test_the_result_file_says_what_became_of_every_row_and_escapes_formulas(world):
    _company, admin = world
    job = import_file(admin, "email,name\nr1@acme.example,=cmd|calc\nnope,Bad\n")
    lines = "".join(services.member_import_result_lines(job=job)).splitlines()
    assert lines[0] == "row,email,name,role,language,offer,extension,result,field,message"
    assert lines[1].startswith("1,r1@acme.example,'=cmd|calc,") and ",created,," in lines[1]
    assert lines[2].startswith("2,nope,Bad,") and ",refused,email,Enter a valid email" in lines[2]


# --- resuming ---------------------------------------------------------------------------------


def rows(count, offer=""):
    body = "".join(f"p{n}@acme.example,Person {n},,,{offer},\n" for n in range(count))
    return "email,name,role,language,offer,extension\n" + body


def test_an_import_whose_worker_died_resumes_after_its_last_batch_without_doubling(world, settings):
    _company, admin = world
    job = import_file(admin, rows(250), run=False)
    # A first worker claims the job, commits one batch of 100 rows, and dies.
    first = job_claim(MemberImport, job.pk)
    with job_batch(first, counters=("created",)) as batch:
        for n in range(100):
            services._import_row(first, None, admin, {"email": f"p{n}@acme.example", "name": "X"})
        batch.created, batch.processed = 100, 100
    assert services.member_imports_recover() == []  # its heartbeat is fresh: it is alive
    MemberImport.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - timedelta(seconds=settings.IMPORT_STALE_SECONDS + 1)
    )
    # Beat queues it again (task_send: in this eager suite the next run happens at once).
    assert services.member_imports_recover() == [job.pk]
    job.refresh_from_db()
    assert (job.status, job.processed, job.created, job.errors) == ("finished", 250, 250, [])
    assert job.attempts == 2
    assert User.objects.filter(email__regex=r"^p[0-9]+@acme", company=admin.company).count() == 250
    # The first worker, back from the dead, cannot write a batch any more.
    with pytest.raises(JobTakenOver), job_batch(first, counters=("created",)):
        pass


def test_an_import_that_died_too_often_shows_failed_with_what_it_did(world, settings):
    _company, admin = world
    job = import_file(admin, rows(150), run=False)
    claimed = job_claim(MemberImport, job.pk)
    with job_batch(claimed, counters=("created",)) as batch:
        batch.created, batch.processed = 100, 100
    MemberImport.objects.filter(pk=job.pk).update(
        attempts=settings.IMPORT_MAX_ATTEMPTS,
        heartbeat_at=timezone.now() - timedelta(seconds=settings.IMPORT_STALE_SECONDS + 1),
    )
    assert services.member_imports_recover() == []
    job.refresh_from_db()
    assert (job.status, job.processed, job.created) == ("failed", 100, 100)
    assert job.finished_at is not None
    entry = ActivityRecord.objects.get(verb="member.import_failed")
    assert (entry.params["processed"], entry.params["total"]) == (100, 150)
    assert Notification.objects.filter(recipient=admin).count() == 1


def test_an_import_left_waiting_by_a_lost_broker_message_is_queued_again(world, settings):
    _company, admin = world
    job = import_file(admin, rows(3), run=False)
    assert services.member_imports_recover() == []
    MemberImport.objects.filter(pk=job.pk).update(
        heartbeat_at=timezone.now() - timedelta(seconds=settings.IMPORT_STALE_SECONDS + 1)
    )
    assert services.member_imports_recover() == [job.pk]


# --- two imports at once ----------------------------------------------------------------------


@pytest.mark.django_db(transaction=True)
def test_two_imports_at_once_competing_for_the_last_ten_seats_get_exactly_ten():
    company = CompanyFactory()
    admin = AdminFactory(company=company)
    subscription = SubscriptionFactory(company=company, quantity=12)
    holders = [UserFactory(company=company, password="!") for _ in range(2)]
    from licensing.services import assignments_add

    assignments_add(actor=admin, subscription_id=subscription.pk, user_ids=[u.pk for u in holders])
    jobs = []
    for prefix in ("a", "b"):
        body = "".join(f"{prefix}{n}@acme.example,P {n},,,business,\n" for n in range(15))
        job = services.member_import_prepare(
            actor=admin,
            company=company,
            file_name=f"{prefix}.csv",
            data=("email,name,role,language,offer,extension\n" + body).encode(),
        )
        MemberImport.objects.filter(pk=job.pk).update(status="queued")
        jobs.append(job)
    start = threading.Barrier(2)
    failures: list[BaseException] = []

    def run(job_id) -> None:
        try:
            start.wait()
            services.member_import_run(import_id=job_id)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(job.pk,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)

    assert failures == []
    assert LicenseAssignment.objects.filter(subscription=subscription).count() == 12
    done = list(MemberImport.objects.filter(pk__in=[j.pk for j in jobs]))
    assert [job.status for job in done] == ["finished", "finished"]
    assert sum(job.created for job in done) == 10
    assert sum(len(job.errors) for job in done) == 20
    assert {e["message"] for job in done for e in job.errors} == {"No business seat left."}
    # Refused rows left nobody behind: the 10 created are exactly the 10 seated.
    imported = User.objects.filter(company=company, email__endswith="@acme.example")
    assert imported.count() == 10
    assert LicenseAssignment.objects.filter(user__in=imported).count() == 10


def test_a_line_goes_to_a_person_awaiting_activation_but_never_to_a_deactivated_one(world):
    company, admin = world
    from rainbow_admin.errors import InvalidInput
    from telephony.models import Pbx
    from telephony.services.pbx import line_create

    pbx = Pbx.objects.get(company=company)
    invited = UserFactory(company=company, is_active=False, activated_at=None)
    gone = UserFactory(company=company, is_active=False, activated_at=timezone.now())
    assert line_create(actor=admin, pbx=pbx, user_id=invited.pk, extension="8010").user == invited
    with pytest.raises(InvalidInput) as refused:
        line_create(actor=admin, pbx=pbx, user_id=gone.pk, extension="8011")
    assert refused.value.code == "not_a_member"
