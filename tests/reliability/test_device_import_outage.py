"""A device import started while the broker (our own Redis) is down runs once it is back."""

import pytest

from telephony.models import Device, DeviceImport
from telephony.services.devices import REQUEUE_AFTER, device_imports_requeue_stale
from tests.factories import AdminFactory, CompanyFactory
from tests.reliability.conftest import wait_until
from tests.telephony.factories import CloudPbxFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CSV = """type,identifier,model,extension
ale_desk,00:80:9F:00:00:01,ALE-300,
sip,00:11:22:33:44:55,Generic,
"""


def test_an_import_started_while_the_broker_is_down_runs_once_it_is_back(broker, inbox, api_for):
    inbox.start()
    broker.start_worker(inbox.url)
    company = CompanyFactory()
    admin = AdminFactory(company=company)
    pbx = CloudPbxFactory(company=company)

    broker.server.crash()
    response = api_for(admin).post(
        f"/api/v1/pbxs/{pbx.pk}/device-imports/",
        {"file_name": "phones.csv", "content": CSV},
        format="json",
    )
    # The file is accepted and waits: the person sees it queued, nothing is lost.
    assert response.status_code == 201, response.content
    job = DeviceImport.objects.get(pk=response.json()["id"])
    assert job.status == "queued"

    broker.server.start()  # same port, empty
    broker.workers[0]._wait_ready()
    assert device_imports_requeue_stale() == []  # too young: it may still be on its way
    DeviceImport.objects.filter(pk=job.pk).update(created_at=job.created_at - REQUEUE_AFTER)
    assert device_imports_requeue_stale() == [job.pk]

    wait_until(
        lambda: DeviceImport.objects.get(pk=job.pk).status == "done",
        timeout=30,
        what="the import to run",
    )
    broker.wait_idle()
    job.refresh_from_db()
    assert (job.processed, job.imported, job.errors) == (2, 2, [])
    assert Device.objects.filter(pbx=pbx).count() == 2
    # The job running again (as beat does every minute) finds nothing left waiting.
    assert device_imports_requeue_stale() == []
