import factory
from django.utils import timezone

from companies.models import Company, User

PASSWORD = "correct-horse-battery-staple"


class CompanyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Company

    name = factory.Sequence(lambda n: f"Company {n}")
    kind = Company.Kind.CUSTOMER
    country = "DE"


class ResellerFactory(CompanyFactory):
    name = factory.Sequence(lambda n: f"Reseller {n}")
    kind = Company.Kind.RESELLER


class DistributorFactory(CompanyFactory):
    name = factory.Sequence(lambda n: f"Distributor {n}")
    kind = Company.Kind.DISTRIBUTOR


class UserFactory(factory.django.DjangoModelFactory):
    """An active member; ``role="admin"`` for an admin. Everyone's password is ``PASSWORD``."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.com")
    name = factory.Sequence(lambda n: f"Person {n}")
    company = factory.SubFactory(CompanyFactory)
    role = User.Role.MEMBER
    language = User.Language.EN
    is_active = True
    activated_at = factory.LazyFunction(timezone.now)
    password = factory.django.Password(PASSWORD)


class AdminFactory(UserFactory):
    role = User.Role.ADMIN


class OperatorFactory(UserFactory):
    company = None
    is_staff = True


class PartnerLinkFactory(factory.django.DjangoModelFactory):
    """An active link: ``partner`` (a reseller) acts for ``company`` with both scopes."""

    class Meta:
        model = "partners.PartnerLink"

    company = factory.SubFactory(CompanyFactory)
    partner = factory.SubFactory(ResellerFactory)
    scope_licensing = True
    scope_telephony = True
