import factory

from telephony.models import Line, Pbx
from tests.factories import CompanyFactory, UserFactory


class PbxFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Pbx

    company = factory.SubFactory(CompanyFactory)
    kind = Pbx.Kind.OXO_CONNECT
    name = factory.Sequence(lambda n: f"PBX {n}")
    country = "DE"


class CloudPbxFactory(PbxFactory):
    kind = Pbx.Kind.CLOUD_PBX
    extension_prefix = "8"
    extension_digits = 3
    language = "en"
    time_zone = "Europe/Berlin"


class LineFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Line

    pbx = factory.SubFactory(CloudPbxFactory)
    user = factory.LazyAttribute(lambda o: UserFactory(company=o.pbx.company))
    extension = factory.Sequence(lambda n: f"8{n % 1000:03d}")
