"""A worker killed (SIGKILL) in the middle of a member or device import.

The import's batches are committed with its progress (``rainbow_admin.jobs``): the dead worker loses
the batch it was in, beat notices the silent heartbeat and hands the import to the next worker,
which resumes after the last committed batch; nobody is added twice. After too many attempts the
import shows failed, with what it did.

To kill the worker inside a batch, at a known point, the test holds a row lock the batch needs and
kills the worker while it waits: for a member import the default subscription's (each new person's
default seat takes it, so the person of that row is written but not committed), for a device import
the PBX's (taken as the batch begins, after the job's own row).
"""

from contextlib import contextmanager
from datetime import timedelta

import pytest
from django.db import connection, transaction
from django.utils import timezone

from companies.models import User
from licensing.models import LicenseAssignment, Offer, Subscription
from notifications.models import OutboundEmail
from rainbow_admin.members import services
from rainbow_admin.models import MemberImport
from telephony.models import Device, DeviceImport, Pbx
from telephony.services.devices import device_import_start, device_imports_requeue_stale
from tests.factories import AdminFactory, CompanyFactory
from tests.licensing.factories import SubscriptionFactory
from tests.reliability.conftest import wait_until
from tests.telephony.factories import CloudPbxFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

PEOPLE = 600
DEVICES = 600


def worker_blocked() -> bool:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM pg_stat_activity "
            "WHERE datname = current_database() AND wait_event_type = 'Lock'"
        )
        return cursor.fetchone()[0] > 0


@contextmanager
def held(queryset):
    """Hold the row lock of ``queryset``'s row until the block ends."""
    with transaction.atomic():
        queryset.select_for_update().get()
        yield


def kill_mid_batch(broker, model, job_id, lock) -> None:
    """Once a batch is committed, block the worker inside the next one and kill it there."""
    wait_until(lambda: model.objects.get(pk=job_id).processed > 0, timeout=60, what="a first batch")
    with held(lock):
        wait_until(worker_blocked, timeout=30, what="the worker to wait for the lock")
        broker.workers[-1].kill()
    job = model.objects.get(pk=job_id)
    assert job.status == "running" and 0 < job.processed < job.total


def silence(model, job_id) -> None:
    """As if the heartbeat had been silent for longer than beat waits."""
    model.objects.filter(pk=job_id).update(heartbeat_at=timezone.now() - timedelta(hours=1))


def member_import(admin, count):
    body = "".join(f"p{n}@acme.example,Person {n}\n" for n in range(count))
    with transaction.atomic():
        job = services.member_import_prepare(
            actor=admin,
            company=admin.company,
            file_name="people.csv",
            data=("email,name\n" + body).encode(),
        )
        return services.member_import_start(actor=admin, job=job)


@pytest.fixture
def acme():
    company = CompanyFactory(name="Acme")
    admin = AdminFactory(company=company)
    seats = SubscriptionFactory(
        company=company,
        offer=Offer.objects.get(code="essential"),
        quantity=PEOPLE,
        is_default=True,
    )
    return admin, seats


def test_a_member_import_whose_worker_is_killed_finishes_on_the_next_worker_without_doubling(
    broker, inbox, acme
):
    admin, seats = acme
    inbox.start()
    broker.start_worker(inbox.url)
    job = member_import(admin, PEOPLE)
    kill_mid_batch(broker, MemberImport, job.pk, Subscription.objects.filter(pk=seats.pk))

    broker.start_worker(inbox.url)
    assert services.member_imports_recover() == []  # the heartbeat is still fresh
    silence(MemberImport, job.pk)
    assert services.member_imports_recover() == [job.pk]
    wait_until(
        lambda: MemberImport.objects.get(pk=job.pk).status == "finished",
        timeout=180,
        what="the import to finish on the second worker",
    )
    job.refresh_from_db()
    assert (job.processed, job.created, job.errors, job.attempts) == (PEOPLE, PEOPLE, [], 2)
    imported = User.objects.filter(company=admin.company, email__endswith="@acme.example")
    assert imported.count() == PEOPLE
    assert LicenseAssignment.objects.filter(subscription=seats).count() == PEOPLE
    emails = list(OutboundEmail.objects.filter(topic="activation").values_list("to", flat=True))
    assert len(emails) == len(set(emails)) == PEOPLE


def test_a_member_import_killed_too_often_shows_failed_with_what_it_did(
    broker, inbox, acme, settings
):
    admin, seats = acme
    settings.IMPORT_MAX_ATTEMPTS = 1
    inbox.start()
    broker.start_worker(inbox.url)
    job = member_import(admin, PEOPLE)
    kill_mid_batch(broker, MemberImport, job.pk, Subscription.objects.filter(pk=seats.pk))
    silence(MemberImport, job.pk)
    assert services.member_imports_recover() == []
    job.refresh_from_db()
    assert job.status == "failed"
    assert 0 < job.created == job.processed < PEOPLE
    assert User.objects.filter(email__endswith="@acme.example").count() == job.created


def device_file(count: int) -> str:
    rows = "".join(
        f"sip,02:00:00:{n // 65536:02X}:{n // 256 % 256:02X}:{n % 256:02X},\n" for n in range(count)
    )
    return "type,identifier,model\n" + rows


def test_a_device_import_whose_worker_is_killed_resumes_or_fails_instead_of_running_for_ever(
    broker, inbox, settings
):
    company = CompanyFactory()
    admin = AdminFactory(company=company)
    pbx = CloudPbxFactory(company=company)
    inbox.start()
    broker.start_worker(inbox.url)
    with transaction.atomic():
        job = device_import_start(
            actor=admin, pbx=pbx, file_name="phones.csv", data=device_file(DEVICES).encode()
        )
    kill_mid_batch(broker, DeviceImport, job.pk, Pbx.objects.filter(pk=pbx.pk))

    broker.start_worker(inbox.url)
    silence(DeviceImport, job.pk)
    assert device_imports_requeue_stale() == [job.pk]
    wait_until(
        lambda: DeviceImport.objects.get(pk=job.pk).status == "done",
        timeout=180,
        what="the device import to finish on the second worker",
    )
    job.refresh_from_db()
    assert (job.processed, job.imported, job.errors, job.attempts) == (DEVICES, DEVICES, [], 2)
    assert Device.objects.filter(pbx=pbx).count() == DEVICES

    # Killed again and out of attempts: it shows failed, with the rows it did.
    settings.IMPORT_MAX_ATTEMPTS = 1
    with transaction.atomic():
        second = device_import_start(
            actor=admin,
            pbx=pbx,
            file_name="more.csv",
            data=device_file(DEVICES).replace("sip,02:", "sip,06:").encode(),
        )
    kill_mid_batch(broker, DeviceImport, second.pk, Pbx.objects.filter(pk=pbx.pk))
    silence(DeviceImport, second.pk)
    assert device_imports_requeue_stale() == []
    second.refresh_from_db()
    assert second.status == "failed"
    assert 0 < second.imported == second.processed < DEVICES
    assert "stopped after" in second.errors[-1]["error"]
    assert Device.objects.filter(pbx=pbx).count() == DEVICES + second.imported
