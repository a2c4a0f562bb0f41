"""Email subjects are one line of plain text that fits the outbox, whatever the names."""

import pytest

from companies import services
from notifications.models import OutboundEmail
from tests.factories import AdminFactory, CompanyFactory, PartnerLinkFactory, ResellerFactory

pytestmark = pytest.mark.django_db


def test_a_name_with_an_ampersand_is_shown_as_typed_in_the_subject():
    company = CompanyFactory(name="Smith & Sons <Berlin>")
    founder = AdminFactory(company=company)
    services.member_add(actor=founder, company=company, email="new@example.com", name="New")
    email = OutboundEmail.objects.get(to="new@example.com")
    assert email.subject == "Activate your account at Smith & Sons <Berlin>"
    assert "Smith &amp; Sons &lt;Berlin&gt;" in email.body_html


def test_long_names_make_a_shortened_subject_not_a_failed_declaration(api_for):
    customer = CompanyFactory(name="C" * 150)
    AdminFactory(company=customer, email="boss@customer.example")
    partner = ResellerFactory(name="R" * 150)
    PartnerLinkFactory(company=customer, partner=partner)
    response = api_for(AdminFactory(company=partner)).post(
        f"/api/v1/companies/{customer.pk}/pbxs/",
        {"kind": "oxo_connect", "name": "P" * 100, "country": "DE"},
        format="json",
    )
    assert response.status_code == 201, response.content
    email = OutboundEmail.objects.get(to="boss@customer.example")
    assert len(email.subject) == 255 and email.subject.endswith("…")
    assert email.subject.startswith("R" * 150 + " declared the PBX")
    assert "C" * 150 in email.body_text
