"""Activation links outlive a reset link's hour (an added member may open the email days later),
and still die after ACTIVATION_TIMEOUT."""

from datetime import datetime, timedelta

import pytest
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from companies.tokens import ActivationTokenGenerator
from tests.factories import UserFactory


class _At(ActivationTokenGenerator):
    def __init__(self, now: datetime) -> None:
        super().__init__()
        self.now = now

    def _now(self) -> datetime:
        return self.now


@pytest.mark.django_db
def test_an_activation_link_still_opens_three_days_later_but_not_after_its_lifetime(
    client, settings
):
    settings.ACTIVATION_TIMEOUT = 7 * 24 * 60 * 60
    person = UserFactory(is_active=False, activated_at=None)
    person.set_unusable_password()
    person.save()
    made = datetime.now() - timedelta(days=3)
    token = _At(made).make_token(person)
    uid = urlsafe_base64_encode(force_bytes(person.pk))

    assert client.get(f"/accounts/activate/{uid}/{token}/").status_code == 200

    expired = _At(datetime.now() - timedelta(days=8)).make_token(person)
    assert client.get(f"/accounts/activate/{uid}/{expired}/").status_code == 400
