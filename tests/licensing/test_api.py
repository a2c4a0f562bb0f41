import pytest
from django.utils import timezone

from licensing.models import LicenseAssignment, Subscription
from tests.factories import (
    AdminFactory,
    OperatorFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.licensing.factories import AssignmentFactory, SubscriptionFactory, offer

pytestmark = pytest.mark.django_db


def subscriptions_url(company):
    return f"/api/v1/companies/{company.pk}/subscriptions/"


def assignments_url(subscription):
    return f"/api/v1/subscriptions/{subscription.pk}/assignments/"


# --- offers --------------------------------------------------------------------------------------


def test_offers_are_a_plain_list_in_the_clients_own_language(api_for):
    # The person's language wins over the request's Accept-Language (DESIGN.md, "Pages").
    response = api_for(UserFactory(language="fr")).get("/api/v1/offers/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    offers = {row["code"]: row for row in response.json()}
    assert list(offers) == ["essential", "business", "enterprise", "attendant"]
    # Offer names are product names, the same in every language (DESIGN.md, "Languages").
    assert [row["name"] for row in offers.values()] == [
        "Essential",
        "Business",
        "Enterprise",
        "Attendant",
    ]
    assert offers["business"]["exclusive"] and offers["enterprise"]["exclusive"]
    assert not offers["essential"]["exclusive"] and not offers["attendant"]["exclusive"]
    assert offers["essential"]["description"].startswith("Gratuite")


def test_offers_need_a_signed_in_client(client):
    assert client.get("/api/v1/offers/").status_code in (401, 403)


# --- subscriptions -------------------------------------------------------------------------------


def test_reseller_subscribes_ten_business_licenses_for_its_customer(
    api_for, company, reseller_admin
):
    response = api_for(reseller_admin).post(
        subscriptions_url(company), {"offer": "business", "quantity": 10}, format="json"
    )
    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["offer"] == "business" and body["quantity"] == 10
    assert body["assigned"] == 0 and body["available"] == 10
    assert body["billing"] == "monthly" and body["status"] == "active"
    assert body["reseller"] == {
        "id": str(reseller_admin.company_id),
        "name": reseller_admin.company.name,
    }


def test_company_admin_cannot_subscribe(api_for, company, admin):
    response = api_for(admin).post(
        subscriptions_url(company), {"offer": "business", "quantity": 10}, format="json"
    )
    assert response.status_code == 403
    assert not Subscription.objects.exists()


def test_partner_without_licensing_scope_cannot_subscribe_or_read(api_for, company):
    link = PartnerLinkFactory(company=company, scope_licensing=False)
    client = api_for(AdminFactory(company=link.partner))
    response = client.post(
        subscriptions_url(company), {"offer": "business", "quantity": 10}, format="json"
    )
    assert response.status_code == 403
    assert response.json()["code"] == "partner_scope_required"
    assert client.get(subscriptions_url(company)).status_code == 403


def test_another_reseller_and_other_companies_get_404(api_for, company, link):
    subscription = SubscriptionFactory(company=company)
    for stranger in (AdminFactory(company=ResellerFactory()), AdminFactory()):
        client = api_for(stranger)
        assert client.get(subscriptions_url(company)).status_code == 404
        assert (
            client.post(
                subscriptions_url(company), {"offer": "business", "quantity": 1}, format="json"
            ).status_code
            == 404
        )
        assert client.get(f"/api/v1/subscriptions/{subscription.pk}/").status_code == 404
        assert (
            client.patch(
                f"/api/v1/subscriptions/{subscription.pk}/", {"quantity": 1}, format="json"
            ).status_code
            == 404
        )
        assert client.delete(f"/api/v1/subscriptions/{subscription.pk}/").status_code == 404
        assert client.get(assignments_url(subscription)).status_code == 404


def test_members_read_subscriptions_but_change_nothing(api_for, company, member):
    subscription = SubscriptionFactory(company=company)
    client = api_for(member)
    listing = client.get(subscriptions_url(company))
    assert listing.status_code == 200
    assert [row["id"] for row in listing.json()["results"]] == [str(subscription.pk)]
    assert set(listing.json()) >= {"results", "next", "previous"}
    assert (
        client.patch(
            f"/api/v1/subscriptions/{subscription.pk}/", {"quantity": 20}, format="json"
        ).status_code
        == 403
    )
    assert client.delete(f"/api/v1/subscriptions/{subscription.pk}/").status_code == 403
    assert (
        client.post(
            assignments_url(subscription), {"users": [str(member.pk)]}, format="json"
        ).status_code
        == 403
    )
    assert client.get(assignments_url(subscription)).status_code == 403
    subscription.refresh_from_db()
    assert subscription.quantity == 10 and not LicenseAssignment.objects.exists()


def test_partner_and_operator_read_the_subscriptions(api_for, company, reseller_admin):
    SubscriptionFactory(company=company)
    for reader in (reseller_admin, OperatorFactory()):
        response = api_for(reader).get(subscriptions_url(company))
        assert response.status_code == 200 and len(response.json()["results"]) == 1


def test_quantity_changes_follow_the_billing_rules(api_for, company, reseller_admin):
    client = api_for(reseller_admin)
    monthly = SubscriptionFactory(company=company, quantity=10)
    annual = SubscriptionFactory(company=company, quantity=10, billing="annual")
    for person in UserFactory.create_batch(4, company=company):
        AssignmentFactory(subscription=monthly, user=person)
    url = "/api/v1/subscriptions/{}/"
    below = client.patch(url.format(monthly.pk), {"quantity": 3}, format="json")
    assert below.status_code == 409 and below.json()["code"] == "below_assigned"
    down = client.patch(url.format(monthly.pk), {"quantity": 4}, format="json")
    assert down.status_code == 200 and down.json()["available"] == 0
    shrink = client.patch(url.format(annual.pk), {"quantity": 9}, format="json")
    assert shrink.status_code == 409 and shrink.json()["code"] == "annual_only_grows"
    grow = client.patch(url.format(annual.pk), {"quantity": 12}, format="json")
    assert grow.status_code == 200 and grow.json()["quantity"] == 12


def test_terminating_answers_409_while_assigned_then_204(api_for, company, reseller_admin, member):
    subscription = SubscriptionFactory(company=company)
    seat = AssignmentFactory(subscription=subscription, user=member)
    client = api_for(reseller_admin)
    url = f"/api/v1/subscriptions/{subscription.pk}/"
    refused = client.delete(url)
    assert refused.status_code == 409 and refused.json()["code"] == "licenses_assigned"
    seat.delete()
    assert client.delete(url).status_code == 204
    assert client.get(url).json()["status"] == "terminated"
    assert client.delete(url).status_code == 409


def test_malformed_ids_and_bodies_are_400(api_for, company, reseller_admin, admin):
    client = api_for(reseller_admin)
    assert client.get("/api/v1/companies/nope/subscriptions/").status_code == 400
    assert client.get("/api/v1/subscriptions/nope/").status_code == 400
    bad = client.post(subscriptions_url(company), {"offer": "gold", "quantity": 3}, format="json")
    assert bad.status_code == 400 and bad.json()["code"] == "unknown_offer"
    assert (
        client.post(subscriptions_url(company), {"offer": "business"}, format="json").status_code
        == 400
    )
    assert client.post(subscriptions_url(company), [1, 2], format="json").status_code == 400
    subscription = SubscriptionFactory(company=company)
    admin_client = api_for(admin)
    assert (
        admin_client.post(
            assignments_url(subscription), {"users": ["x"]}, format="json"
        ).status_code
        == 400
    )
    assert (
        admin_client.post(assignments_url(subscription), {"users": []}, format="json").status_code
        == 400
    )
    assert admin_client.delete(f"{assignments_url(subscription)}nope/").status_code == 400


# --- assignments ---------------------------------------------------------------------------------


def test_company_admin_assigns_many_at_once_and_reads_the_holders(api_for, company, admin):
    subscription = SubscriptionFactory(company=company, quantity=10)
    people = UserFactory.create_batch(3, company=company)
    client = api_for(admin)
    response = client.post(
        assignments_url(subscription), {"users": [str(p.pk) for p in people]}, format="json"
    )
    assert response.status_code == 201 and response.json() == {"assigned": 3}
    listing = client.get(assignments_url(subscription)).json()
    assert {row["user"]["id"] for row in listing["results"]} == {str(p.pk) for p in people}
    detail = client.get(f"/api/v1/subscriptions/{subscription.pk}/").json()
    assert detail["assigned"] == 3 and detail["available"] == 7


def test_bulk_assignment_is_all_or_nothing(api_for, company, admin):
    subscription = SubscriptionFactory(company=company, quantity=2)
    people = UserFactory.create_batch(3, company=company)
    client = api_for(admin)
    too_many = client.post(
        assignments_url(subscription), {"users": [str(p.pk) for p in people]}, format="json"
    )
    assert too_many.status_code == 409 and too_many.json()["code"] == "not_enough_licenses"
    outsider = client.post(
        assignments_url(subscription),
        {"users": [str(people[0].pk), str(UserFactory().pk)]},
        format="json",
    )
    assert outsider.status_code == 400 and outsider.json()["code"] == "not_a_member"
    assert not LicenseAssignment.objects.exists()


def test_exclusive_offers_conflict_through_the_api(api_for, company, admin, member):
    business = SubscriptionFactory(company=company, offer=offer("business"))
    enterprise = SubscriptionFactory(company=company, offer=offer("enterprise"))
    AssignmentFactory(subscription=business, user=member)
    response = api_for(admin).post(
        assignments_url(enterprise), {"users": [str(member.pk)]}, format="json"
    )
    assert response.status_code == 409 and response.json()["code"] == "exclusive_offer"


def test_unassigning_one_member_answers_204_then_404(api_for, company, admin, member):
    subscription = SubscriptionFactory(company=company)
    AssignmentFactory(subscription=subscription, user=member)
    client = api_for(admin)
    url = f"{assignments_url(subscription)}{member.pk}/"
    assert client.delete(url).status_code == 204
    assert client.delete(url).status_code == 404
    assert not LicenseAssignment.objects.exists()


def test_partner_cannot_assign_licenses(api_for, company, reseller_admin, member):
    subscription = SubscriptionFactory(company=company)
    response = api_for(reseller_admin).post(
        assignments_url(subscription), {"users": [str(member.pk)]}, format="json"
    )
    assert response.status_code == 403


def test_company_admin_chooses_the_default_subscription(api_for, company, admin):
    subscription = SubscriptionFactory(company=company)
    response = api_for(admin).post(f"/api/v1/subscriptions/{subscription.pk}/default/")
    assert response.status_code == 200 and response.json()["is_default"] is True


def test_after_the_link_ends_the_old_partner_loses_access_and_the_next_one_gains_it(
    api_for, company, link, reseller_admin
):
    subscription = SubscriptionFactory(company=company, reseller=link.partner)
    link.ended_at = timezone.now()
    link.save()
    url = f"/api/v1/subscriptions/{subscription.pk}/"
    assert api_for(reseller_admin).get(url).status_code == 404
    successor = AdminFactory(company=PartnerLinkFactory(company=company).partner)
    response = api_for(successor).patch(url, {"quantity": 15}, format="json")
    assert response.status_code == 200 and response.json()["quantity"] == 15
    assert response.json()["reseller"]["id"] == str(link.partner_id)


# --- lists cost a fixed number of queries --------------------------------------------------------


def test_subscription_list_query_count_is_fixed(
    api_for, company, admin, django_assert_max_num_queries
):
    client = api_for(admin)
    subscription = SubscriptionFactory(company=company, quantity=500)
    for _ in range(2):
        SubscriptionFactory(company=company, reseller=ResellerFactory())
    with django_assert_max_num_queries(8) as few:
        assert client.get(subscriptions_url(company)).status_code == 200
    for person in UserFactory.create_batch(30, company=company):
        AssignmentFactory(subscription=subscription, user=person)
    for _ in range(10):
        SubscriptionFactory(company=company, reseller=ResellerFactory())
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert client.get(subscriptions_url(company)).status_code == 200


def test_reseller_subscribes_and_the_customer_admin_distributes_through_the_api(
    api_for, company, reseller_admin
):
    admin = AdminFactory(company=company, language="de")
    people = UserFactory.create_batch(10, company=company, password="!")
    reseller = api_for(reseller_admin)
    created = reseller.post(
        subscriptions_url(company),
        {"offer": "business", "quantity": 10, "billing": "annual", "purchase_order": "PO-1"},
        format="json",
    ).json()
    customer = api_for(admin)
    listing = customer.get(subscriptions_url(company)).json()["results"]
    assert [row["id"] for row in listing] == [created["id"]]
    url = f"/api/v1/subscriptions/{created['id']}/assignments/"
    first = customer.post(url, {"users": [str(p.pk) for p in people[:9]]}, format="json")
    assert first.status_code == 201 and first.json() == {"assigned": 9}
    second = customer.post(url, {"users": [str(admin.pk), str(people[9].pk)]}, format="json")
    assert second.status_code == 409  # 11 > 10: nobody more
    third = customer.post(url, {"users": [str(people[9].pk)]}, format="json")
    assert third.status_code == 201
    detail = customer.get(f"/api/v1/subscriptions/{created['id']}/").json()
    assert (detail["assigned"], detail["available"]) == (10, 0)


def test_a_subscription_is_refused_for_its_offer_and_its_quantity_at_once(
    api_for, company, reseller_admin
):
    response = api_for(reseller_admin).post(
        subscriptions_url(company), {"offer": "platinum", "quantity": 0}, format="json"
    )
    assert response.status_code == 400
    body = response.json()
    assert set(body["errors"]) == {"offer", "quantity"}
    assert body["field"] == "offer"
    assert not Subscription.objects.filter(company=company).exists()
