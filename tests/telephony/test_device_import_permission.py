"""A device import stops when its starter loses the right to import (run in the test's process:
the worker's own path is tested in test_device_import.py)."""

import pytest

from partners.models import PartnerLink
from telephony.models import Device, DeviceImport
from telephony.services import devices
from tests.factories import AdminFactory, CompanyFactory, PartnerLinkFactory
from tests.telephony.factories import CloudPbxFactory

pytestmark = pytest.mark.django_db

CSV = """type,identifier,model,extension
ale_desk,00:80:9F:00:00:01,ALE-300,
ale_desk,00:80:9F:00:00:02,ALE-300,
ale_desk,00:80:9F:00:00:03,ALE-300,
"""


@pytest.fixture
def started():
    company = CompanyFactory()
    link = PartnerLinkFactory(company=company)
    partner_admin = AdminFactory(company=link.partner)
    pbx = CloudPbxFactory(company=company)
    job = devices.device_import_start(
        actor=partner_admin, pbx=pbx, file_name="phones.csv", data=CSV.encode()
    )
    return link, job


def withdraw(link):
    PartnerLink.objects.filter(pk=link.pk).update(scope_telephony=False)


def test_an_import_whose_starter_lost_the_scope_before_the_run_fails_and_adds_nothing(started):
    link, job = started
    withdraw(link)
    devices.device_import_run(import_id=job.pk)
    job = DeviceImport.objects.get(pk=job.pk)
    assert job.status == DeviceImport.Status.FAILED
    assert job.processed == 0 and job.imported == 0
    assert "telephony scope" in job.errors[-1]["error"]
    assert not Device.objects.exists()


def test_an_import_stops_at_the_next_batch_when_the_scope_is_withdrawn(started, monkeypatch):
    link, job = started
    monkeypatch.setattr(devices, "PROGRESS_EVERY", 1)
    added = devices._add

    def add_then_withdraw(*args, **kwargs):
        device = added(*args, **kwargs)
        withdraw(link)
        return device

    monkeypatch.setattr(devices, "_add", add_then_withdraw)
    devices.device_import_run(import_id=job.pk)
    job = DeviceImport.objects.get(pk=job.pk)
    assert job.status == DeviceImport.Status.FAILED
    assert (job.processed, job.imported) == (1, 1)
    assert list(Device.objects.values_list("identifier", flat=True)) == ["00809F000001"]
    assert "telephony scope" in job.errors[-1]["error"]
