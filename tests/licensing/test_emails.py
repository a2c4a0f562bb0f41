"""The company's admins hear of their partner's changes by email, through a real worker and SMTP."""

import pytest

from tests.conftest import SmtpInbox
from tests.factories import AdminFactory, PartnerLinkFactory

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def test_german_admin_receives_the_subscription_email_in_german(
    celery_worker, smtp_server, api_for
):
    link = PartnerLinkFactory(company__name="Acme Bürotechnik GmbH", partner__name="Müller Telekom")
    anna = AdminFactory(company=link.company, language="de", name="Anna")
    reseller_admin = AdminFactory(company=link.partner, name="Jonas")
    response = api_for(reseller_admin).post(
        f"/api/v1/companies/{link.company_id}/subscriptions/",
        {"offer": "business", "quantity": 10},
        format="json",
    )
    assert response.status_code == 201
    [message] = smtp_server.wait_for(1)
    assert message["To"] == anna.email
    assert (
        message["Subject"].strip() == "Ihre Lizenzen bei Acme Bürotechnik GmbH haben sich geändert"
    )
    body = SmtpInbox.text_of(message)
    assert "Jonas hat 10 Business-Lizenzen abonniert." in body
    assert "Ihr Partner Müller Telekom verwaltet die Lizenzen" in body
    assert "/licenses/" in body
