import pytest

from licensing.models import LicenseAssignment, Subscription
from notifications.models import Notification
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory, UserFactory
from tests.licensing.factories import AssignmentFactory, SubscriptionFactory, offer

pytestmark = pytest.mark.django_db


def counts_of(html: str, subscription) -> tuple[str, str, str]:
    import re

    row = re.search(rf'id="subscription-{subscription.pk}".*?</tr>', html, re.S).group(0)
    cells = [
        re.search(rf'class="{name}">(\d+)<', row).group(1)
        for name in ("subscribed", "assigned", "available")
    ]
    return tuple(cells)


# --- the company admin's Licenses page -----------------------------------------------------------


def test_licenses_page_shows_subscribed_assigned_and_available(client, company, admin, member):
    subscription = SubscriptionFactory(company=company, quantity=10)
    AssignmentFactory(subscription=subscription, user=member)
    client.force_login(admin)
    html = client.get("/licenses/").content.decode()
    assert counts_of(html, subscription) == ("10", "1", "9")
    assert "Business licenses" in html
    assert member.email in html  # as a holder


def test_licenses_page_is_for_admins_only(client, company, member):
    SubscriptionFactory(company=company)
    client.force_login(member)
    assert client.get("/licenses/").status_code == 403


def test_licenses_page_without_subscriptions_explains_who_subscribes(client, admin):
    client.force_login(admin)
    assert "Ask your partner" in client.get("/licenses/").content.decode()


def test_admin_assigns_two_members_at_once_and_the_counts_change(client, company, admin):
    subscription = SubscriptionFactory(company=company, quantity=10)
    ada, bob = UserFactory(company=company, name="Ada"), UserFactory(company=company, name="Bob")
    client.force_login(admin)
    response = client.post(
        f"/licenses/{subscription.pk}/assign/", {"users": [ada.pk, bob.pk]}, follow=True
    )
    html = response.content.decode()
    assert "2 licenses assigned." in html
    assert counts_of(html, subscription) == ("10", "2", "8")
    assert set(subscription.assignments.values_list("user_id", flat=True)) == {ada.pk, bob.pk}


def test_htmx_assignment_swaps_the_panel_and_the_summary(client, company, admin, member):
    subscription = SubscriptionFactory(company=company, quantity=3)
    client.force_login(admin)
    response = client.post(
        f"/licenses/{subscription.pk}/assign/", {"users": [member.pk]}, HTTP_HX_REQUEST="true"
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert 'id="licenses-summary" hx-swap-oob="true"' in html
    assert 'id="license-panel"' in html and "<html" not in html
    assert "1 license assigned." in html
    assert counts_of(html, subscription) == ("3", "1", "2")


def test_assigning_past_the_quantity_shows_why_and_changes_nothing(client, company, admin):
    subscription = SubscriptionFactory(company=company, quantity=1)
    people = UserFactory.create_batch(2, company=company)
    client.force_login(admin)
    response = client.post(
        f"/licenses/{subscription.pk}/assign/",
        {"users": [p.pk for p in people]},
        HTTP_HX_REQUEST="true",
    )
    assert "Not enough licenses: 1 available, 2 selected." in response.content.decode()
    assert not LicenseAssignment.objects.exists()


def test_admin_takes_licenses_back(client, company, admin, member):
    subscription = SubscriptionFactory(company=company)
    AssignmentFactory(subscription=subscription, user=member)
    client.force_login(admin)
    response = client.post(
        f"/licenses/{subscription.pk}/unassign/", {"users": [member.pk]}, follow=True
    )
    assert "1 license freed." in response.content.decode()
    assert not LicenseAssignment.objects.exists()


def test_member_search_lists_matching_members_without_the_offer(client, company, admin):
    subscription = SubscriptionFactory(company=company)
    holder = UserFactory(company=company, name="Alice Holder")
    AssignmentFactory(subscription=subscription, user=holder)
    UserFactory(company=company, name="Alina Free")
    UserFactory(company=company, name="Bruno Free")
    UserFactory(name="Alien Stranger")
    client.force_login(admin)
    html = client.get(f"/licenses/{subscription.pk}/candidates/", {"q": "ali"}).content.decode()
    assert "Alina Free" in html
    assert "Bruno Free" not in html and "Alice Holder" not in html and "Alien Stranger" not in html


def test_member_search_leaves_out_holders_of_another_exclusive_offer(client, company, admin):
    enterprise = SubscriptionFactory(company=company, offer=offer("enterprise"))
    business = SubscriptionFactory(company=company, offer=offer("business"))
    AssignmentFactory(subscription=business, user=UserFactory(company=company, name="Has Business"))
    UserFactory(company=company, name="Has Nothing")
    client.force_login(admin)
    html = client.get(f"/licenses/{enterprise.pk}/candidates/").content.decode()
    assert "Has Nothing" in html and "Has Business" not in html


def test_another_companys_subscription_is_not_found_on_the_pages(client, admin):
    foreign = SubscriptionFactory()
    client.force_login(admin)
    assert client.get(f"/licenses/{foreign.pk}/candidates/").status_code == 404
    assert client.post(f"/licenses/{foreign.pk}/assign/", {"users": [admin.pk]}).status_code == 404
    assert client.post(f"/licenses/{foreign.pk}/default/").status_code == 404


def test_a_customers_subscription_is_not_found_on_the_pages_of_a_partner_without_the_scope(
    client, company
):
    """The partner may see the customer but not its subscriptions: 404, not a server error."""
    subscription = SubscriptionFactory(company=company)
    partner_admin = AdminFactory(company=ResellerFactory())
    PartnerLinkFactory(company=company, partner=partner_admin.company, scope_licensing=False)
    client.force_login(partner_admin)
    assert client.get(f"/licenses/{subscription.pk}/candidates/").status_code == 404
    response = client.post(f"/licenses/{subscription.pk}/assign/", {"users": [partner_admin.pk]})
    assert response.status_code == 404
    assert client.post(f"/licenses/{subscription.pk}/unassign/").status_code == 404
    assert client.post(f"/licenses/{subscription.pk}/default/").status_code == 404
    assert not LicenseAssignment.objects.exists()


def test_admin_chooses_the_default_subscription(client, company, admin):
    subscription = SubscriptionFactory(company=company, offer=offer("essential"))
    client.force_login(admin)
    response = client.post(f"/licenses/{subscription.pk}/default/", follow=True)
    assert "New members now get a Essential license" in response.content.decode()
    subscription.refresh_from_db()
    assert subscription.is_default


def test_licenses_page_query_count_is_fixed_whatever_the_number_of_members(
    client, company, admin, django_assert_max_num_queries
):
    business = SubscriptionFactory(company=company, quantity=500)
    SubscriptionFactory(company=company, offer=offer("attendant"), quantity=500)
    client.force_login(admin)
    with django_assert_max_num_queries(20) as few:
        assert client.get("/licenses/").status_code == 200
    for person in UserFactory.create_batch(40, company=company, password="!"):
        AssignmentFactory(subscription=business, user=person)
    UserFactory.create_batch(40, company=company, password="!")
    SubscriptionFactory(company=company, offer=offer("essential"), quantity=5)
    with django_assert_max_num_queries(len(few.captured_queries)):
        html = client.get("/licenses/").content.decode()
    assert counts_of(html, business) == ("500", "40", "460")


# --- the reseller's Subscriptions page of a customer ---------------------------------------------


def test_reseller_subscribes_for_its_customer_on_the_page(client, company, reseller_admin):
    client.force_login(reseller_admin)
    url = f"/customers/{company.pk}/subscriptions/"
    response = client.post(
        url,
        {"offer": "business", "quantity": 10, "billing": "monthly", "purchase_order": "PO-7"},
        follow=True,
    )
    html = response.content.decode()
    assert "10 Business licenses subscribed for" in html
    subscription = Subscription.objects.get(company=company)
    assert counts_of(html, subscription) == ("10", "0", "10")
    assert Notification.objects.filter(recipient__company=company).count() == 0  # no admin yet


def test_reseller_changes_the_quantity_and_sees_the_refusals(client, company, reseller_admin):
    subscription = SubscriptionFactory(company=company, quantity=10, billing="annual")
    client.force_login(reseller_admin)
    base = f"/customers/{company.pk}/subscriptions/{subscription.pk}"
    refused = client.post(f"{base}/quantity/", {"quantity": 5}, follow=True)
    assert "An annual plan can only grow" in refused.content.decode()
    grown = client.post(f"{base}/quantity/", {"quantity": 12}, follow=True)
    assert "now has 12 licenses" in grown.content.decode()
    subscription.refresh_from_db()
    assert subscription.quantity == 12


def test_reseller_terminates_only_when_nothing_is_assigned(client, company, reseller_admin, member):
    subscription = SubscriptionFactory(company=company)
    seat = AssignmentFactory(subscription=subscription, user=member)
    client.force_login(reseller_admin)
    url = f"/customers/{company.pk}/subscriptions/{subscription.pk}/terminate/"
    assert "must free them first" in client.post(url, follow=True).content.decode()
    seat.delete()
    assert "was terminated" in client.post(url, follow=True).content.decode()
    subscription.refresh_from_db()
    assert subscription.status == "terminated"


def test_customer_subscriptions_page_is_refused_to_others(client, company, admin):
    url = f"/customers/{company.pk}/subscriptions/"
    client.force_login(admin)  # the customer's own admin cannot buy
    assert client.get(url).status_code == 403
    no_scope = PartnerLinkFactory(scope_licensing=False)
    client.force_login(AdminFactory(company=no_scope.partner))
    assert client.get(f"/customers/{no_scope.company_id}/subscriptions/").status_code == 403
    client.force_login(AdminFactory(company=ResellerFactory()))
    assert client.get(url).status_code == 404
    assert (
        client.post(url, {"offer": "business", "quantity": 1, "billing": "monthly"}).status_code
        == 404
    )
    assert not Subscription.objects.exists()


def test_reseller_members_and_former_partners_cannot_open_the_customer_page(client, company, link):
    url = f"/customers/{company.pk}/subscriptions/"
    client.force_login(UserFactory(company=link.partner))  # a plain member of the reseller
    assert client.get(url).status_code == 403
    former = AdminFactory(company=link.partner)
    link.ended_at = link.since
    link.save()
    client.force_login(former)
    assert client.get(url).status_code == 404


def test_a_subscription_of_another_customer_is_not_found_from_this_customers_page(
    client, company, reseller_admin
):
    other = PartnerLinkFactory(partner=reseller_admin.company).company
    subscription = SubscriptionFactory(company=other)
    client.force_login(reseller_admin)
    url = f"/customers/{company.pk}/subscriptions/{subscription.pk}/terminate/"
    assert client.post(url).status_code == 404


def test_customer_subscriptions_query_count_is_fixed(
    client, company, reseller_admin, django_assert_max_num_queries
):
    first = SubscriptionFactory(company=company, reseller=reseller_admin.company)
    client.force_login(reseller_admin)
    url = f"/customers/{company.pk}/subscriptions/"
    with django_assert_max_num_queries(20) as few:
        assert client.get(url).status_code == 200
    for person in UserFactory.create_batch(30, company=company, password="!"):
        AssignmentFactory(subscription=first, user=person)
    for code in ("essential", "attendant", "enterprise"):
        SubscriptionFactory(company=company, offer=offer(code), reseller=ResellerFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(url).status_code == 200


# --- profile and dashboard -----------------------------------------------------------------------


def test_member_sees_own_licenses_on_the_profile(client, company, member):
    AssignmentFactory(subscription=SubscriptionFactory(company=company), user=member)
    client.force_login(member)
    html = client.get("/profile/").content.decode()
    assert "My licenses" in html and "Business" in html


def test_member_without_license_is_told_who_distributes_them(client, member):
    client.force_login(member)
    assert "You hold no license yet." in client.get("/profile/").content.decode()


def test_dashboard_shows_licenses_at_a_glance_in_german(client, company):
    anna = AdminFactory(company=company, language="de")
    subscription = SubscriptionFactory(company=company, quantity=10)
    for person in UserFactory.create_batch(2, company=company, password="!"):
        AssignmentFactory(subscription=subscription, user=person)
    client.force_login(anna)
    html = client.get("/dashboard/").content.decode()
    assert "LIZENZEN" in html and "2 von 10 zugewiesen, 8 verfügbar" in html
    assert "Lizenzen verteilen" in html


def test_licenses_page_lists_holders_by_pages_of_fifty(client, company, admin):
    subscription = SubscriptionFactory(company=company, quantity=80)
    holders = UserFactory.create_batch(60, company=company)
    for user in holders:
        AssignmentFactory(subscription=subscription, user=user)
    client.force_login(admin)
    first = client.get(f"/licenses/?subscription={subscription.pk}").content.decode()
    holders_list = first.split('id="holders"', 1)[1].split("</ul>", 1)[0]
    assert holders_list.count('type="checkbox"') == 50
    assert "Page 1 of 2 (60 members)" in first
    second = client.get(
        f"/licenses/?subscription={subscription.pk}&holders_page=2"
    ).content.decode()
    assert "Page 2 of 2 (60 members)" in second
    shown = {user.email for user in holders if user.email in first or user.email in second}
    assert shown == {user.email for user in holders}
