"""The dashboard of each kind of company: a reseller's and a distributor's panels of their job
(requests waiting, customers, seats they manage, recent activity), beside the customer's panels."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from licensing.models import Subscription
from notifications.models import ActivityRecord
from notifications.services import activity_record
from partners.models import Invitation, PartnerLink
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    DistributorFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.licensing.factories import AssignmentFactory, SubscriptionFactory, offer
from tests.partners.factories import InvitationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def northwind(db):
    return ResellerFactory(name="Northwind Telecom")


@pytest.fixture
def james(northwind):
    return AdminFactory(company=northwind, name="James Taylor", language="en")


def dashboard(client, user, language: str = "en") -> str:
    client.force_login(user)
    response = client.get("/dashboard/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def panel(page: str, panel_id: str) -> str:
    """The HTML of one panel of the page."""
    start = page.index(f'id="{panel_id}"')
    return page[start : page.index("</section>", start)]


def seats(reseller, customer, code: str, quantity: int, assigned: int = 0) -> Subscription:
    subscription = SubscriptionFactory(
        company=customer, reseller=reseller, offer=offer(code), quantity=quantity
    )
    for person in UserFactory.create_batch(assigned, company=customer):
        AssignmentFactory(subscription=subscription, user=person)
    return subscription


# --- a reseller -------------------------------------------------------------------------------


def test_a_reseller_sees_the_request_waiting_with_accept_and_decline(client, northwind, james):
    acme = CompanyFactory(name="Acme Bürotechnik GmbH")
    InvitationFactory(from_company=acme, to_company=northwind)
    page = dashboard(client, james)
    assert "RECEIVED REQUESTS" in page and "request waiting for your answer" in page
    assert "Acme Bürotechnik GmbH" in page
    received = panel(page, "received-panel")
    assert received.count('name="next" value="/dashboard/"') == 2  # both come back here
    assert ">Accept<" in received and ">Decline<" in received
    assert "/notifications/received/" in received
    # The customer's texts are not a reseller's.
    assert "A partner (reseller) subscribes licenses" not in page
    assert "No licenses yet: your partner subscribes them" not in page


def test_accepting_from_the_dashboard_makes_a_customer_and_comes_back(client, northwind, james):
    acme = CompanyFactory(name="Acme Bürotechnik GmbH")
    invitation = InvitationFactory(from_company=acme, to_company=northwind)
    dashboard(client, james)
    response = client.post(
        f"/partner/requests/{invitation.pk}/accept/", {"next": "/dashboard/"}, follow=True
    )
    assert response.redirect_chain[-1][0] == "/dashboard/"
    page = response.content.decode()
    assert "now your customer" in page
    assert "No request is waiting for your answer." in page
    assert "customer whose partner you are" in page and "Acme Bürotechnik GmbH" in page
    assert PartnerLink.objects.filter(company=acme, partner=northwind, ended_at=None).exists()


def test_an_expired_or_answered_request_is_not_waiting(client, northwind, james):
    long_ago = timezone.now() - timedelta(days=40)
    InvitationFactory(to_company=northwind, created_at=long_ago, from_company__name="Old Co")
    InvitationFactory(to_company=northwind, status="declined", from_company__name="Gone Co")
    page = dashboard(client, james)
    assert "No request is waiting for your answer." in page
    assert "Old Co" not in page and "Gone Co" not in page


def test_the_panels_count_everything_and_list_the_newest(client, northwind, james):
    now = timezone.now()
    for n in range(7):
        InvitationFactory(
            to_company=northwind,
            from_company__name=f"Asking {n}",
            created_at=now - timedelta(hours=n),
        )
        PartnerLinkFactory(
            partner=northwind, company__name=f"Customer {n}", since=now - timedelta(days=n)
        )
    page = dashboard(client, james)
    assert "requests waiting for your answer" in page
    assert "customers whose partner you are" in page
    assert ">7</p>" in page
    assert "Asking 0" in page and "Asking 4" in page and "Asking 5" not in page
    assert "Customer 0" in page and "Customer 4" in page and "Customer 5" not in page
    assert "All customers" in page


def test_the_seats_a_reseller_manages_per_offer(client, northwind, james):
    contoso = PartnerLinkFactory(partner=northwind, company__name="Contoso Ltd").company
    fabrikam = PartnerLinkFactory(partner=northwind, company__name="Fabrikam").company
    seats(northwind, contoso, "business", 12, assigned=8)
    seats(northwind, fabrikam, "business", 3)
    seats(northwind, contoso, "essential", 1)
    # Not managed now: terminated, subscribed by someone else, or for a former customer.
    terminated = seats(northwind, contoso, "enterprise", 5)
    terminated.status = Subscription.Status.TERMINATED
    terminated.save()
    seats(None, contoso, "attendant", 4)
    former = PartnerLinkFactory(partner=northwind, ended_at=timezone.now()).company
    seats(northwind, former, "attendant", 9)
    page = dashboard(client, james)
    assert "SEATS YOU MANAGE" in page
    assert ">16</p>" in page and "seats subscribed for your customers · 8 assigned" in page
    assert "<strong>Business</strong> · 15 seats, 8 assigned" in page
    assert "<strong>Essential</strong> · 1 seat, 0 assigned" in page
    assert "Enterprise" not in page and "Attendant" not in page


def test_seats_without_the_licensing_scope_are_no_longer_managed(client, northwind, james):
    customer = PartnerLinkFactory(partner=northwind, scope_licensing=False).company
    seats(northwind, customer, "business", 10)
    ended = PartnerLinkFactory(partner=northwind, scopes_until=timezone.now()).company
    seats(northwind, ended, "business", 10)
    page = dashboard(client, james)
    assert "No seats yet" in page and "<strong>Business</strong>" not in page


def test_the_recent_activity_is_the_companys_latest_five(client, northwind, james):
    now = timezone.now()
    for n in range(7):
        record = activity_record(
            company=northwind, actor=james, verb="test", message=f"Thing {n} happened."
        )
        ActivityRecord.objects.filter(pk=record.pk).update(created_at=now - timedelta(hours=n))
    page = dashboard(client, james)
    assert "RECENT ACTIVITY" in page and 'href="/activity/"' in page
    assert "Thing 0 happened." in page and "Thing 4 happened." in page
    assert "Thing 5 happened." not in page


def test_a_reseller_sees_its_open_offers_and_the_offer_action(client, northwind, james):
    InvitationFactory(
        from_company=northwind,
        to_company__name="Dupont Conseil SA",
        to_email="claire@dupont.example",
        direction="offer",
    )
    page = dashboard(client, james)
    # By the address it went to: the company's name is not the reseller's to see before it answers.
    assert "Your open offers" in page and "claire@dupont.example" in page
    assert "expires on" in page and "Dupont Conseil SA" not in page
    assert "Offer to manage a company" in page


def test_a_reseller_keeps_its_own_partner_panel(client, northwind, james):
    page = dashboard(client, james)
    assert "YOUR PARTNER" in page and "not a reseller of a distributor yet" in page
    assert "Define partner" in page and "Become a reseller of this distributor" in page
    # Without a distributor nor licenses or PBXs of its own, the customer's panels stay away.
    assert 'id="licenses-panel"' not in page and 'id="telephony-panel"' not in page
    PartnerLinkFactory(company=northwind, partner=DistributorFactory(name="EuroVoice"))
    page = dashboard(client, james)
    assert "EuroVoice" in page and 'id="licenses-panel"' in page and 'id="telephony-panel"' in page


def test_a_reseller_never_sees_another_resellers_work(client, northwind, james):
    other = ResellerFactory(name="Multicom Services")
    InvitationFactory(to_company=other, from_company__name="Secret Asker")
    other_customer = PartnerLinkFactory(partner=other, company__name="Secret Customer").company
    seats(other, other_customer, "business", 10)
    InvitationFactory(from_company=other, to_company__name="Secret Offeree", direction="offer")
    activity_record(company=other, actor=None, verb="test", message="Secret thing happened.")
    activity_record(
        company=other_customer, actor=None, verb="test", message="Customer thing happened."
    )
    page = dashboard(client, james)
    for secret in (
        "Secret Asker",
        "Secret Customer",
        "Secret Offeree",
        "Secret thing",
        "Customer thing",
        "<strong>Business</strong>",
    ):
        assert secret not in page
    assert "No request is waiting for your answer." in page and "No seats yet" in page


def test_a_member_of_a_reseller_sees_no_requests_nor_buttons(client, northwind):
    InvitationFactory(to_company=northwind, from_company__name="Asking Co")
    PartnerLinkFactory(partner=northwind, company__name="Customer Co")
    activity_record(company=northwind, actor=None, verb="test", message="Something happened.")
    page = dashboard(client, UserFactory(company=northwind))
    for hidden in (
        "RECEIVED REQUESTS",
        "Asking Co",
        ">Accept<",
        "Customer Co",
        "SEATS YOU MANAGE",
        "Something happened.",
        "Define partner",
        "Offer to manage a company",
    ):
        assert hidden not in page
    assert "YOUR PARTNER" in page and "MEMBERS" in page


def test_the_resellers_panels_speak_german(client, northwind):
    InvitationFactory(to_company=northwind)
    customer = PartnerLinkFactory(partner=northwind).company
    seats(northwind, customer, "business", 1)
    page = dashboard(client, AdminFactory(company=northwind, language="de"), "de")
    for word in ("ERHALTENE ANFRAGEN", "Annehmen", "Ablehnen", "IHR PARTNER", "1 Lizenz,"):
        assert word in page, word


# --- a distributor and a customer -------------------------------------------------------------


def test_a_distributor_sees_its_resellers_and_no_partner_of_its_own(client):
    eurovoice = DistributorFactory(name="EuroVoice Distribution")
    daan = AdminFactory(company=eurovoice, name="Daan de Vries")
    PartnerLinkFactory(company=ResellerFactory(name="Northwind Telecom"), partner=eurovoice)
    InvitationFactory(to_company=eurovoice, from_company=ResellerFactory(name="Asking Reseller"))
    page = dashboard(client, daan)
    assert "RESELLERS" in page and "reseller of your company" in page
    assert "Northwind Telecom" in page and "All resellers" in page
    assert "Asking Reseller" in page and ">Accept<" in page
    assert "YOUR PARTNER" not in page and "Define partner" not in page
    assert "Offer to manage a company" not in page
    assert 'id="licenses-panel"' not in page


def test_a_distributor_without_resellers_is_told_where_requests_arrive(client):
    page = dashboard(client, AdminFactory(company=DistributorFactory()))
    assert "No reseller has chosen your company as its distributor yet." in page


def test_a_customers_dashboard_has_no_reseller_panels(client):
    customer = CompanyFactory()
    InvitationFactory(from_company=customer)
    page = dashboard(client, AdminFactory(company=customer))
    for panel in ("received-panel", "customers-panel", "seats-panel", "activity-panel"):
        assert f'id="{panel}"' not in page
    for panel in ("partner-panel", "licenses-panel", "telephony-panel"):
        assert f'id="{panel}"' in page


# --- query counts -----------------------------------------------------------------------------


def _same_queries(client, user, grow, django_assert_num_queries) -> str:
    """The dashboard costs as many queries with 20 rows of everything as with one."""
    client.force_login(user)
    client.get("/dashboard/")
    with CaptureQueriesContext(connection) as small:
        assert client.get("/dashboard/").status_code == 200
    grow(19)
    with django_assert_num_queries(len(small.captured_queries)):
        page = client.get("/dashboard/").content.decode()
    return page


def test_a_resellers_dashboard_costs_fixed_queries(
    client, northwind, james, django_assert_num_queries
):
    def grow(n: int) -> None:
        for _ in range(n):
            customer = PartnerLinkFactory(partner=northwind).company
            seats(northwind, customer, "business", 3, assigned=1)
            InvitationFactory(to_company=northwind)
            InvitationFactory(from_company=northwind, direction="offer")
            activity_record(company=northwind, actor=james, verb="test", message="It happened.")

    grow(1)
    PartnerLinkFactory(company=northwind, partner=DistributorFactory())
    page = _same_queries(client, james, grow, django_assert_num_queries)
    assert ">20</p>" in page and ">60</p>" in page


def test_a_distributors_dashboard_costs_fixed_queries(client, django_assert_num_queries):
    eurovoice = DistributorFactory()
    daan = AdminFactory(company=eurovoice)

    def grow(n: int) -> None:
        for _ in range(n):
            reseller = PartnerLinkFactory(partner=eurovoice, company=ResellerFactory()).company
            seats(eurovoice, reseller, "essential", 2)
            InvitationFactory(to_company=eurovoice, from_company=ResellerFactory())

    grow(1)
    page = _same_queries(client, daan, grow, django_assert_num_queries)
    assert ">20</p>" in page and ">40</p>" in page


def test_a_customers_dashboard_costs_fixed_queries(client, django_assert_num_queries):
    customer = CompanyFactory()
    admin = AdminFactory(company=customer)
    link = PartnerLinkFactory(company=customer)

    def grow(n: int) -> None:
        for _ in range(n):
            seats(link.partner, customer, "business", 2, assigned=1)
            InvitationFactory(from_company=customer, status=Invitation.Status.DECLINED)

    grow(1)
    _same_queries(client, admin, grow, django_assert_num_queries)
