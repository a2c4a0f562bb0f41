import pytest
from django.core.management import call_command

from telephony.models import Line, Pbx, WelcomeService
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_demo_telephony_is_declared_once_for_linked_customers(company, admin):
    UserFactory(company=company)
    PartnerLinkFactory(company=company, partner=AdminFactory(company=ResellerFactory()).company)
    call_command("seed_telephony")
    call_command("seed_telephony")
    pbx = Pbx.objects.get()
    assert pbx.kind == "cloud_pbx" and pbx.declared_by.company == pbx.declared_by_company
    assert Line.objects.filter(pbx=pbx).count() == 2
    service = WelcomeService.objects.get()
    assert service.numbers.get().number == "+49301234500"
