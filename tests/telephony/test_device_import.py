"""The CSV import of devices through a real Celery worker on Redis."""

import time

import pytest

from telephony.models import Device, DeviceImport
from tests.factories import AdminFactory, CompanyFactory
from tests.telephony.factories import CloudPbxFactory, LineFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]

CSV = """type,identifier,model,extension
ale_desk,00:80:9F:00:00:01,ALE-300,8001
ale_desk,not-a-mac,ALE-300,
dect,035890012345 5,8262 DECT,
dect,035890012345 4,8262 DECT,
sip,00:80:9F:00:00:01,Generic,
sip,00:11:22:33:44:55,Generic,8999
"""


def wait_done(job_id, timeout=30):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = DeviceImport.objects.get(pk=job_id)
        if not job.is_running:
            return job
        time.sleep(0.2)
    raise AssertionError("the import did not finish")


def test_a_file_with_good_and_bad_rows_imports_the_good_and_reports_the_bad(celery_worker, api_for):
    company = CompanyFactory()
    admin = AdminFactory(company=company)
    pbx = CloudPbxFactory(company=company)
    line = LineFactory(pbx=pbx, extension="8001")
    response = api_for(admin).post(
        f"/api/v1/pbxs/{pbx.pk}/device-imports/",
        {"file_name": "phones.csv", "content": CSV},
        format="json",
    )
    assert response.status_code == 201, response.json()
    assert response.json()["total"] == 6
    job = wait_done(response.json()["id"])
    assert job.status == "done"
    assert (job.processed, job.imported) == (6, 2)
    assert [error["row"] for error in job.errors] == [2, 4, 5, 6]
    messages = {error["row"]: error["error"] for error in job.errors}
    assert "not a MAC address" in messages[2]
    assert "not a valid IPEI" in messages[4]
    assert "already on this PBX" in messages[5]
    assert "No line 8999" in messages[6]
    assert Device.objects.get(kind="ale_desk").line == line
    assert Device.objects.filter(kind="dect").count() == 1
    body = api_for(admin).get(f"/api/v1/pbxs/{pbx.pk}/device-imports/{job.pk}/").json()
    assert body["status"] == "done" and len(body["errors"]) == 4


def test_the_import_page_shows_progress_then_the_errors(celery_worker, client):
    company = CompanyFactory()
    admin = AdminFactory(company=company)
    pbx = CloudPbxFactory(company=company)
    LineFactory(pbx=pbx, extension="8001")
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(admin)
    response = client.post(
        f"/telephony/pbxs/{pbx.pk}/devices/",
        {"action": "import", "file": SimpleUploadedFile("phones.csv", CSV.encode(), "text/csv")},
    )
    assert response.status_code == 302
    job = DeviceImport.objects.get()
    assert response["Location"] == f"/telephony/pbxs/{pbx.pk}/devices/imports/{job.pk}/"
    wait_done(job.pk)
    partial = client.get(response["Location"], headers={"HX-Request": "true"}).content.decode()
    assert "<progress" in partial and 'hx-trigger="every 1s"' not in partial
    assert "2 devices imported." in partial
    assert "not a MAC address" in partial
