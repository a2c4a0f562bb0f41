import factory

from licensing.models import LicenseAssignment, Offer, Subscription
from tests.factories import CompanyFactory


class SubscriptionFactory(factory.django.DjangoModelFactory):
    """An active monthly subscription of 10 Business licenses (offers come from the migration)."""

    class Meta:
        model = Subscription

    company = factory.SubFactory(CompanyFactory)
    offer = factory.LazyFunction(lambda: Offer.objects.get(code="business"))
    quantity = 10
    billing = Subscription.Billing.MONTHLY


class AssignmentFactory(factory.django.DjangoModelFactory):
    """A seat of ``subscription`` held by ``user`` (set both)."""

    class Meta:
        model = LicenseAssignment

    offer = factory.LazyAttribute(lambda o: o.subscription.offer)
    exclusive = factory.LazyAttribute(lambda o: o.subscription.offer.exclusive)


def offer(code: str) -> Offer:
    return Offer.objects.get(code=code)
