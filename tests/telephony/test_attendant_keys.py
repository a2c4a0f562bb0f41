"""Setting an Automated Attendant key that is already used asks before it replaces it."""

import pytest

from telephony.models import AttendantKey, AutoAttendant
from tests.factories import UserFactory
from tests.telephony.factories import LineFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def setup(client, admin, cloud):
    client.force_login(admin)
    oliver = LineFactory(pbx=cloud, user=UserFactory(company=cloud.company, name="Oliver Smith"))
    mia = LineFactory(pbx=cloud, user=UserFactory(company=cloud.company, name="Mia Jones"))
    attendant = AutoAttendant.objects.create(pbx=cloud, name="Main")
    url = f"/telephony/pbxs/{cloud.pk}/attendants/{attendant.pk}/"
    client.post(
        url, {"action": "key", "menu": "", "digit": "1", "target": f"member:{oliver.user_id}"}
    )
    return client, url, attendant, oliver, mia


def test_a_used_key_is_not_overwritten_but_the_page_says_what_it_does_now(setup):
    client, url, attendant, oliver, mia = setup
    page = client.post(
        url, {"action": "key", "menu": "", "digit": "1", "target": f"member:{mia.user_id}"}
    ).content.decode()
    key = AttendantKey.objects.get(attendant=attendant)
    assert key.line == oliver  # unchanged
    panel = page.split('id="key-replace"')[1].split("</section>")[0]
    assert "Key 1 of the main menu already leads to Oliver Smith" in panel
    assert "Mia Jones" in panel
    assert 'name="replace" value="1"' in panel and ">Replace</button>" in panel


def test_replace_sets_the_key(setup):
    client, url, attendant, _oliver, mia = setup
    response = client.post(
        url,
        {
            "action": "key",
            "menu": "",
            "digit": "1",
            "target": f"member:{mia.user_id}",
            "replace": "1",
        },
    )
    assert response.status_code == 302
    assert AttendantKey.objects.get(attendant=attendant).line == mia


def test_a_free_key_is_set_without_a_question(setup):
    client, url, attendant, _oliver, mia = setup
    response = client.post(
        url, {"action": "key", "menu": "", "digit": "2", "target": f"member:{mia.user_id}"}
    )
    assert response.status_code == 302
    assert AttendantKey.objects.filter(attendant=attendant).count() == 2


def test_the_question_reads_in_german(setup, admin):
    client, url, _attendant, _oliver, mia = setup
    admin.language = "de"
    admin.save()
    page = client.post(
        url, {"action": "key", "menu": "", "digit": "1", "target": f"member:{mia.user_id}"}
    ).content.decode()
    panel = page.split('id="key-replace"')[1].split("</section>")[0]
    assert "Oliver Smith" in panel and "Replace it" not in panel


def test_a_sub_menu_with_keys_is_not_offered_for_replacing(setup):
    client, url, attendant, oliver, mia = setup
    client.post(url, {"action": "key", "menu": "", "digit": "2", "target": "menu"})
    client.post(
        url, {"action": "key", "menu": "2", "digit": "1", "target": f"member:{oliver.user_id}"}
    )
    page = client.post(
        url, {"action": "key", "menu": "", "digit": "2", "target": f"member:{mia.user_id}"}
    ).content.decode()
    panel = page.split('id="key-replace"')[1].split("</section>")[0]
    # The rules would refuse it (the sub-menu's keys would be left behind): no Replace to press.
    assert "The keys of that sub-menu must be removed first." in panel
    assert ">Replace</button>" not in panel and "Keep the key as it is" in panel
    assert AttendantKey.objects.filter(attendant=attendant).count() == 3
