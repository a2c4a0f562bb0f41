"""The rows a PBX's page acts on are named by a posted id (``PbxPage.row_field``): a malformed
one is not found, as an unknown one is, and nothing changes."""

import uuid

import pytest

from telephony.models import Device, EmergencyNumber, HuntGroup, PublicNumber
from tests.telephony.factories import LineFactory

pytestmark = pytest.mark.django_db

ROW_ACTIONS = [
    ("devices/", "device", "remove"),
    ("devices/", "device", "assign"),
    ("numbers/", "number", "route"),
    ("numbers/", "number", "remove"),
    ("emergency/", "row", "update"),
    ("emergency/", "row", "remove"),
    ("hunt-groups/", "group", "remove"),
    ("", "line", "line_free"),
]


@pytest.fixture
def filled(client, admin, cloud):
    client.force_login(admin)
    line = LineFactory(pbx=cloud)
    Device.objects.create(pbx=cloud, kind="ale_desk", identifier="00809F123456", line=line)
    PublicNumber.objects.create(pbx=cloud, number="+33123456700")
    EmergencyNumber.objects.create(pbx=cloud, country="FR", number="112")
    HuntGroup.objects.create(pbx=cloud, name="Sales", policy="parallel", ring_timeout=20)
    return cloud


def counts() -> list[int]:
    return [model.objects.count() for model in (Device, PublicNumber, EmergencyNumber, HuntGroup)]


@pytest.mark.parametrize("value", ["not-a-uuid", "", str(uuid.uuid4())])
@pytest.mark.parametrize(("page", "field", "action"), ROW_ACTIONS)
def test_a_row_action_on_a_malformed_or_unknown_id_is_not_found(
    client, filled, page, field, action, value
):
    before = counts()
    response = client.post(f"/telephony/pbxs/{filled.pk}/{page}", {"action": action, field: value})
    assert response.status_code == 404
    assert counts() == before


def test_a_row_action_on_a_real_id_still_acts(client, filled):
    device = Device.objects.get()
    response = client.post(
        f"/telephony/pbxs/{filled.pk}/devices/", {"action": "remove", "device": str(device.pk)}
    )
    assert response.status_code == 302
    assert not Device.objects.exists()
