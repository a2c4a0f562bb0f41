import pytest
from django.utils import timezone, translation

from companies import services as company_services
from licensing import services
from licensing.models import LicenseAssignment, Subscription
from notifications.models import ActivityRecord, Notification, OutboundEmail
from rainbow_admin.errors import Conflict, InvalidInput, NotAllowed, NotFound
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    OperatorFactory,
    PartnerLinkFactory,
    UserFactory,
)
from tests.licensing.factories import AssignmentFactory, SubscriptionFactory, offer

pytestmark = pytest.mark.django_db


def subscribe(actor, company, **kwargs):
    kwargs.setdefault("offer", "business")
    kwargs.setdefault("quantity", 10)
    return services.subscription_create(actor=actor, company=company, **kwargs)


def holders(subscription):
    return set(subscription.assignments.values_list("user_id", flat=True))


# --- who subscribes ------------------------------------------------------------------------------


def test_partner_with_licensing_scope_subscribes_and_is_recorded_as_reseller(
    company, reseller_admin
):
    subscription = subscribe(reseller_admin, company, purchase_order="PO-42")
    assert subscription.status == "active" and subscription.quantity == 10
    assert subscription.reseller == reseller_admin.company
    assert subscription.subscribed_by == reseller_admin
    assert subscription.purchase_order == "PO-42"
    assert subscription.billing == "monthly"


def test_company_admins_are_told_in_the_portal_and_by_email_in_their_language(
    company, reseller_admin
):
    anna = AdminFactory(company=company, language="de")
    claire = AdminFactory(company=company, language="fr")
    UserFactory(company=company)  # a plain member is not told
    subscribe(reseller_admin, company)
    notes = Notification.objects.filter(recipient__company=company)
    assert {n.recipient for n in notes} == {anna, claire}
    with translation.override("en"):
        assert notes.first().text == "Rita Reseller subscribed 10 Business licenses."
    with translation.override("fr"):
        assert notes.first().text == "Rita Reseller a souscrit 10 licences Business."
    assert notes.first().url == "/licenses/"
    emails = {e.to: e for e in OutboundEmail.objects.filter(topic="subscription")}
    assert set(emails) == {anna.email, claire.email}
    assert "Rita Reseller hat 10 Business-Lizenzen abonniert." in emails[anna.email].body_text
    assert "Rita Reseller a souscrit 10 licences Business." in emails[claire.email].body_text
    assert emails[anna.email].language == "de"


def test_every_subscription_change_is_in_the_activity_log(company, reseller_admin):
    subscription = subscribe(reseller_admin, company)
    services.subscription_change(actor=reseller_admin, subscription_id=subscription.pk, quantity=12)
    services.subscription_change(
        actor=reseller_admin, subscription_id=subscription.pk, purchase_order="PO-9"
    )
    services.subscription_terminate(actor=reseller_admin, subscription_id=subscription.pk)
    verbs = list(
        ActivityRecord.objects.filter(company=company)
        .order_by("created_at")
        .values_list("verb", flat=True)
    )
    assert verbs == [
        "subscription.created",
        "subscription.quantity_changed",
        "subscription.purchase_order_changed",
        "subscription.terminated",
    ]


def test_company_admin_cannot_subscribe_for_its_own_company(company, admin):
    with pytest.raises(NotAllowed):
        subscribe(admin, company)
    assert not Subscription.objects.exists()


def test_partner_without_the_licensing_scope_cannot_subscribe(company):
    link = PartnerLinkFactory(company=company, scope_licensing=False)
    partner_admin = AdminFactory(company=link.partner)
    with pytest.raises(NotAllowed):
        subscribe(partner_admin, company)


def test_another_reseller_does_not_even_see_the_company(company, link):
    stranger = AdminFactory(company=CompanyFactory(kind="reseller"))
    with pytest.raises(NotFound):
        subscribe(stranger, company)


def test_operator_subscribes_without_a_reseller(company):
    subscription = subscribe(OperatorFactory(), company)
    assert subscription.reseller is None


def test_subscriptions_stay_when_the_link_ends_and_the_next_partner_manages_them(
    company, link, reseller_admin
):
    subscription = subscribe(reseller_admin, company)
    link.ended_at = timezone.now()
    link.save()
    with pytest.raises(NotFound):
        services.subscription_change(
            actor=reseller_admin, subscription_id=subscription.pk, quantity=20
        )
    successor = PartnerLinkFactory(company=company)
    next_admin = AdminFactory(company=successor.partner)
    services.subscription_change(actor=next_admin, subscription_id=subscription.pk, quantity=20)
    subscription.refresh_from_db()
    assert subscription.quantity == 20 and subscription.status == "active"


@pytest.mark.parametrize(
    "body, code",
    [
        ({"offer": "platinum"}, "unknown_offer"),
        ({"quantity": 0}, "invalid_quantity"),
        ({"billing": "weekly"}, "invalid_billing"),
        ({"purchase_order": "x" * 65}, "purchase_order_too_long"),
    ],
)
def test_invalid_subscriptions_are_refused(company, reseller_admin, body, code):
    with pytest.raises(InvalidInput) as error:
        subscribe(reseller_admin, company, **body)
    assert error.value.code == code
    assert not Subscription.objects.exists()


# --- quantity and termination ------------------------------------------------------------------


def test_monthly_plan_goes_down_to_what_is_assigned_but_not_below(company, reseller_admin):
    subscription = subscribe(reseller_admin, company, quantity=10)
    for person in UserFactory.create_batch(3, company=company):
        AssignmentFactory(subscription=subscription, user=person)
    services.subscription_change(actor=reseller_admin, subscription_id=subscription.pk, quantity=3)
    with pytest.raises(Conflict) as error:
        services.subscription_change(
            actor=reseller_admin, subscription_id=subscription.pk, quantity=2
        )
    assert error.value.code == "below_assigned"
    subscription.refresh_from_db()
    assert subscription.quantity == 3


def test_annual_plan_only_goes_up(company, reseller_admin):
    subscription = subscribe(reseller_admin, company, quantity=10, billing="annual")
    services.subscription_change(actor=reseller_admin, subscription_id=subscription.pk, quantity=15)
    with pytest.raises(Conflict) as error:
        services.subscription_change(
            actor=reseller_admin, subscription_id=subscription.pk, quantity=14
        )
    assert error.value.code == "annual_only_grows"
    subscription.refresh_from_db()
    assert subscription.quantity == 15


def test_terminating_is_refused_while_licenses_are_assigned(company, reseller_admin):
    subscription = subscribe(reseller_admin, company)
    AssignmentFactory(subscription=subscription, user=UserFactory(company=company))
    with pytest.raises(Conflict) as error:
        services.subscription_terminate(actor=reseller_admin, subscription_id=subscription.pk)
    assert error.value.code == "licenses_assigned"
    subscription.refresh_from_db()
    assert subscription.status == "active"


def test_terminated_subscription_can_no_longer_change_or_receive_members(
    company, admin, reseller_admin
):
    subscription = subscribe(reseller_admin, company)
    services.subscription_terminate(actor=reseller_admin, subscription_id=subscription.pk)
    subscription.refresh_from_db()
    assert subscription.status == "terminated" and subscription.terminated_at
    for attempt in (
        lambda: services.subscription_terminate(
            actor=reseller_admin, subscription_id=subscription.pk
        ),
        lambda: services.subscription_change(
            actor=reseller_admin, subscription_id=subscription.pk, quantity=20
        ),
        lambda: services.assignments_add(
            actor=admin, subscription_id=subscription.pk, user_ids=[admin.pk]
        ),
    ):
        with pytest.raises(Conflict):
            attempt()


# --- assignments -------------------------------------------------------------------------------


def test_admin_assigns_several_members_at_once(company, admin):
    subscription = SubscriptionFactory(company=company, quantity=3)
    people = UserFactory.create_batch(3, company=company)
    rows = services.assignments_add(
        actor=admin, subscription_id=subscription.pk, user_ids=[p.pk for p in people]
    )
    assert len(rows) == 3
    assert holders(subscription) == {p.pk for p in people}


def test_bulk_assignment_past_the_quantity_assigns_nobody(company, admin):
    subscription = SubscriptionFactory(company=company, quantity=3)
    AssignmentFactory(subscription=subscription, user=UserFactory(company=company))
    people = UserFactory.create_batch(3, company=company)
    with pytest.raises(Conflict) as error:
        services.assignments_add(
            actor=admin, subscription_id=subscription.pk, user_ids=[p.pk for p in people]
        )
    assert error.value.code == "not_enough_licenses"
    assert subscription.assignments.count() == 1


def test_bulk_assignment_with_a_non_member_assigns_nobody(company, admin):
    subscription = SubscriptionFactory(company=company)
    member = UserFactory(company=company)
    outsider = UserFactory()
    with pytest.raises(InvalidInput) as error:
        services.assignments_add(
            actor=admin, subscription_id=subscription.pk, user_ids=[member.pk, outsider.pk]
        )
    assert error.value.code == "not_a_member"
    assert not LicenseAssignment.objects.exists()


def test_a_deactivated_member_cannot_receive_a_license(company, admin):
    subscription = SubscriptionFactory(company=company)
    gone = UserFactory(company=company, is_active=False)
    with pytest.raises(InvalidInput):
        services.assignments_add(actor=admin, subscription_id=subscription.pk, user_ids=[gone.pk])


def test_a_member_holds_at_most_one_of_business_and_enterprise(company, admin, member):
    business = SubscriptionFactory(company=company, offer=offer("business"))
    enterprise = SubscriptionFactory(company=company, offer=offer("enterprise"))
    other = UserFactory(company=company)
    services.assignments_add(actor=admin, subscription_id=business.pk, user_ids=[member.pk])
    with pytest.raises(Conflict) as error:
        services.assignments_add(
            actor=admin, subscription_id=enterprise.pk, user_ids=[other.pk, member.pk]
        )
    assert error.value.code == "exclusive_offer"
    assert enterprise.assignments.count() == 0


def test_attendant_goes_with_business(company, admin, member):
    business = SubscriptionFactory(company=company, offer=offer("business"))
    attendant = SubscriptionFactory(company=company, offer=offer("attendant"))
    services.assignments_add(actor=admin, subscription_id=business.pk, user_ids=[member.pk])
    services.assignments_add(actor=admin, subscription_id=attendant.pk, user_ids=[member.pk])
    assert {a.offer_id for a in member.license_assignments.all()} == {"business", "attendant"}


def test_a_member_holds_one_license_of_an_offer_even_across_subscriptions(company, admin, member):
    first = SubscriptionFactory(company=company, offer=offer("attendant"))
    second = SubscriptionFactory(company=company, offer=offer("attendant"))
    services.assignments_add(actor=admin, subscription_id=first.pk, user_ids=[member.pk])
    with pytest.raises(Conflict):
        services.assignments_add(actor=admin, subscription_id=second.pk, user_ids=[member.pk])


def test_assigning_a_member_twice_to_the_same_subscription_changes_nothing(company, admin, member):
    subscription = SubscriptionFactory(company=company, quantity=1)
    services.assignments_add(actor=admin, subscription_id=subscription.pk, user_ids=[member.pk])
    rows = services.assignments_add(
        actor=admin, subscription_id=subscription.pk, user_ids=[member.pk]
    )
    assert rows == [] and subscription.assignments.count() == 1


def test_members_partners_and_strangers_cannot_assign(company, member, reseller_admin):
    subscription = SubscriptionFactory(company=company)
    with pytest.raises(NotAllowed):
        services.assignments_add(
            actor=member, subscription_id=subscription.pk, user_ids=[member.pk]
        )
    with pytest.raises(NotAllowed):
        services.assignments_add(
            actor=reseller_admin, subscription_id=subscription.pk, user_ids=[member.pk]
        )
    with pytest.raises(NotFound):
        services.assignments_add(
            actor=AdminFactory(), subscription_id=subscription.pk, user_ids=[member.pk]
        )
    assert not LicenseAssignment.objects.exists()


def test_unassigning_frees_the_seats(company, admin):
    subscription = SubscriptionFactory(company=company, quantity=2)
    people = UserFactory.create_batch(2, company=company)
    services.assignments_add(
        actor=admin, subscription_id=subscription.pk, user_ids=[p.pk for p in people]
    )
    assert (
        services.assignments_remove(
            actor=admin, subscription_id=subscription.pk, user_ids=[people[0].pk]
        )
        == 1
    )
    assert holders(subscription) == {people[1].pk}
    with pytest.raises(NotFound):
        services.assignments_remove(
            actor=admin, subscription_id=subscription.pk, user_ids=[people[0].pk]
        )


# --- default subscription and member lifecycle ---------------------------------------------------


def test_the_first_essential_subscription_becomes_the_default(company, reseller_admin):
    essential = subscribe(reseller_admin, company, offer="essential", quantity=5)
    second = subscribe(reseller_admin, company, offer="essential", quantity=5)
    business = subscribe(reseller_admin, company, offer="business")
    assert essential.is_default and not second.is_default and not business.is_default


def test_new_members_get_a_seat_of_the_default_subscription_while_seats_remain(company, admin):
    default = SubscriptionFactory(company=company, offer=offer("essential"), quantity=2)
    services.subscription_make_default(actor=admin, subscription_id=default.pk)
    added = [
        company_services.member_add(
            actor=admin, company=company, email=f"new{i}@example.com", name=f"New {i}"
        )
        for i in range(3)
    ]
    assert holders(default) == {added[0].pk, added[1].pk}
    assert not added[2].license_assignments.exists()


def test_choosing_another_default_moves_the_default(company, admin):
    first = SubscriptionFactory(company=company, offer=offer("essential"), is_default=True)
    business = SubscriptionFactory(company=company, offer=offer("business"))
    services.subscription_make_default(actor=admin, subscription_id=business.pk)
    first.refresh_from_db()
    business.refresh_from_db()
    assert business.is_default and not first.is_default
    newcomer = company_services.member_add(
        actor=admin, company=company, email="newcomer@example.com", name="Newcomer"
    )
    assert holders(business) == {newcomer.pk}


def test_deactivating_a_member_frees_all_their_seats(company, admin, member):
    business = SubscriptionFactory(company=company, offer=offer("business"))
    attendant = SubscriptionFactory(company=company, offer=offer("attendant"))
    services.assignments_add(actor=admin, subscription_id=business.pk, user_ids=[member.pk])
    services.assignments_add(actor=admin, subscription_id=attendant.pk, user_ids=[member.pk])
    company_services.member_deactivate(actor=admin, company=company, member_id=member.pk)
    assert not LicenseAssignment.objects.filter(user=member).exists()
    assert ActivityRecord.objects.filter(company=company, verb="license.freed").exists()
