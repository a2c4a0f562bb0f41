"""Robustness of the REST API: schemathesis generates requests from the OpenAPI schema served at
``/api/schema/`` and sends them in-process through the WSGI application, for three actors holding
real bearer tokens: a customer company's admin, the admin of its reseller (a linked partner with
both scopes), an ordinary member and the operator (who has no company).

For every operation and actor, each generated case must get an answer that is not a server error,
whose status code, content type and body are the ones the schema declares. A seeded world (a
partner link, a subscription with a seat, a Cloud PBX with lines, numbers, a hunt group, a Welcome
Service, an Automated Attendant, a device and an import, invitations both ways, messages,
notifications, and another tenant's objects) gives the path parameters real ids for most cases, so
the requests reach the code behind the 400s and 404s. Each case runs in a savepoint rolled back
afterwards, so one case's writes cannot change the next one's world.

Deterministic: Hypothesis derandomized, no example database. The numbers of cases per actor are
printed at the end of the run (see ``conftest.py``).
"""

from __future__ import annotations

import io
import itertools
from typing import Any

import hypothesis
import pytest
import schemathesis
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from hypothesis import strategies as st
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from companies import services as company_services
from licensing.services import assignments as assignment_services
from licensing.services import subscriptions as subscription_services
from notifications.models import Notification
from partners.services import messages as message_services
from rainbow_admin.members import services as member_import_services
from rainbow_admin.wsgi import application
from telephony.models import HuntGroup, Line, Pbx, PublicNumber, WelcomeService
from telephony.services import devices as device_services
from telephony.services import features
from tests.factories import (
    AdminFactory,
    CompanyFactory,
    OperatorFactory,
    PartnerLinkFactory,
    ResellerFactory,
    UserFactory,
)
from tests.licensing.factories import SubscriptionFactory
from tests.partners.factories import InvitationFactory
from tests.robustness.conftest import STATS
from tests.telephony.factories import CloudPbxFactory, PbxFactory
from tests.telephony.test_cloud_pages import wav_bytes

ACTORS = ("admin", "reseller", "member", "operator")
ACTOR_DESCRIPTIONS = {
    "admin": "Anna Admin, administrator of the customer Acme",
    "reseller": "Rita Reseller, administrator of Acme's partner, both scopes",
    "member": "Mia Member, ordinary member of Acme",
    "operator": "Olivia Operator, the platform's operator, of no company",
}
EXAMPLES_PER_OPERATION = 15
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]

schema = schemathesis.openapi.from_wsgi("/api/schema/", application)

# Ids of the seeded world, read when a case's path parameters are drawn (the world is rebuilt for
# each test; the strategy picks by position, so the choice is the same on every run).
WORLD: dict[str, list[str]] = {}

# Which collection an ``item_id`` belongs to, by the path segment before it.
ITEM_KEYS = {
    "auto-attendants": "auto_attendant",
    "device-imports": "device_import",
    "devices": "device",
    "emergency-numbers": "emergency_number",
    "hunt-groups": "hunt_group",
    "member-imports": "member_import",
    "public-numbers": "public_number",
    "welcome-services": "welcome_service",
}


def _world_key(path: str, name: str) -> str:
    if name != "item_id":
        return name
    segments = path.strip("/").split("/")
    return ITEM_KEYS[segments[segments.index("{item_id}") - 1]]


@schema.hook
def flatmap_path_parameters(context, path_parameters: dict[str, Any]):
    """Three cases in four take real ids of the world (ours, the partner's, another tenant's);
    the rest keep what was generated (random UUIDs, or malformed values in negative cases)."""
    if not isinstance(path_parameters, dict):
        return st.just(path_parameters)
    path = context.operation.path
    names = [name for name in path_parameters if name != "which"]
    if not names:
        return st.just(path_parameters)

    def with_real_ids(picks: tuple[int, ...]) -> dict[str, Any]:
        values = dict(path_parameters)
        for name, pick in zip(names, picks, strict=True):
            ids = WORLD.get(_world_key(path, name)) or [values[name]]
            values[name] = ids[pick % len(ids)]
        return values

    real = st.tuples(*(st.integers(0, 7) for _ in names)).map(with_real_ids)
    return st.one_of(st.just(path_parameters), real, real, real)


@pytest.fixture(scope="module", autouse=True)
def _connection_kept_across_wsgi_requests():
    """Requests go through the WSGI handler, which closes the database connection at the end of
    each request; Django's test client stops that, and so do we, so cases see the test's data."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _ids(objects: Any) -> list[str]:
    return [str(obj.pk) for obj in objects]


@pytest.fixture
def world(db, settings, tmp_path) -> dict[str, str]:
    """A customer linked to its reseller with both scopes, and everything around it; returns the
    bearer token of each actor."""
    settings.MEDIA_ROOT = str(tmp_path)  # uploaded greetings and prompts land here
    customer = CompanyFactory(name="Acme Bürotechnik GmbH")
    admin = AdminFactory(company=customer, name="Anna Admin")
    member = UserFactory(company=customer, name="Mia Member")
    UserFactory(company=customer, name="Max Member")
    reseller = ResellerFactory(name="Müller Telekom")
    reseller_admin = AdminFactory(company=reseller, name="Rita Reseller")
    PartnerLinkFactory(company=customer, partner=reseller)
    stranger = CompanyFactory(name="Elsewhere SARL", country="FR")
    AdminFactory(company=stranger)

    call_command("seed_telephony", stdout=io.StringIO())
    cloud = Pbx.objects.get(company=customer)
    oxo = PbxFactory(company=customer, name="Branch office")
    foreign_cloud = CloudPbxFactory(company=stranger)
    lines = list(Line.objects.filter(pbx=cloud).order_by("extension"))
    device = device_services.device_add(
        actor=admin, pbx=cloud, kind="ale_desk", identifier="00-80-9f-12-34-56", line_id=None
    )
    device_import = device_services.device_import_start(
        actor=admin,
        pbx=cloud,
        file_name="devices.csv",
        data=b"type,identifier\nsip,00:11:22:33:44:55\n",
    )
    member_import = member_import_services.member_import_prepare(
        actor=admin,
        company=customer,
        file_name="people.csv",
        data=b"email,name\nnew@acme.example,Neu Zugang\n",
    )
    attendant = features.auto_attendant_create(
        actor=admin,
        pbx=cloud,
        data={
            "name": "Main menu",
            "keys": [{"menu": "", "digit": "1", "action": "member", "member": str(member.pk)}],
        },
    )
    # Voice prompts to fetch (whole, in ranges, revalidated).
    features.attendant_prompt_upload(
        actor=admin, attendant=attendant, upload=SimpleUploadedFile("m.wav", wav_bytes())
    )
    for service in WelcomeService.objects.filter(pbx=cloud):
        features.welcome_greeting_upload(
            actor=admin,
            service=service,
            which="open",
            upload=SimpleUploadedFile("o.wav", wav_bytes()),
        )

    subscription = subscription_services.subscription_create(
        actor=reseller_admin, company=customer, offer="business", quantity=5
    )
    assignment_services.assignments_add(
        actor=admin, subscription_id=subscription.pk, user_ids=[member.pk]
    )
    foreign_subscription = SubscriptionFactory(company=stranger)

    issued = InvitationFactory(from_company=customer, to_company=ResellerFactory())
    received = InvitationFactory(from_company=CompanyFactory(), to_company=reseller)
    message_services.partner_message_post(actor=admin, company=customer, text="Hello partner")
    from webhooks import services as webhook_services

    hooks = [
        webhook_services.endpoint_create(actor=who, url=url, events=["*"])
        for who, url in (
            (admin, "https://hooks.customer.example/in"),
            (reseller_admin, "https://hooks.reseller.example/in"),
        )
    ]
    pings = [webhook_services.endpoint_ping(actor=admin, endpoint_id=hooks[0].pk)]

    WORLD.clear()
    WORLD.update(
        company_id=_ids([customer, reseller, stranger]),
        invitation_id=_ids([issued, received]),
        notification_id=_ids(Notification.objects.order_by("recipient__email", "created_at")[:8]),
        pbx_id=_ids([cloud, cloud, oxo, foreign_cloud]),
        line_id=_ids(lines),
        subscription_id=_ids([subscription, subscription, foreign_subscription]),
        user_id=_ids([member, admin, reseller_admin]),
        device=_ids([device]),
        device_import=_ids([device_import]),
        member_import=_ids([member_import]),
        auto_attendant=_ids([attendant]),
        emergency_number=_ids(cloud.emergency_numbers.order_by("number")),
        hunt_group=_ids(HuntGroup.objects.filter(pbx=cloud)),
        public_number=_ids(PublicNumber.objects.filter(pbx=cloud).order_by("number")),
        welcome_service=_ids(WelcomeService.objects.filter(pbx=cloud)),
        webhook_id=_ids(hooks),
        delivery_id=_ids(pings),
    )
    assert all(WORLD.values()), WORLD
    tokens = {}
    operator = OperatorFactory(name="Olivia Operator")
    actors = {"admin": admin, "reseller": reseller_admin, "member": member, "operator": operator}
    for actor, user in actors.items():
        _token, raw = company_services.api_token_create(user=user, name="fuzz", expires_at=None)
        tokens[actor] = raw
    yield tokens
    WORLD.clear()


@schema.parametrize()
@hypothesis.settings(
    max_examples=EXAMPLES_PER_OPERATION,
    derandomize=True,
    database=None,
    deadline=None,
    suppress_health_check=list(hypothesis.HealthCheck),
)
def test_every_answer_is_declared_and_none_is_a_server_error(case, world):
    """Each generated case is sent once by each actor, each time on the same world."""
    operation = case.operation.label
    for actor in ACTORS:
        headers = {"Authorization": f"Bearer {world[actor]}"}
        cache.clear()  # sign-in failures and throttles are counted there
        with transaction.atomic():
            response = case.call(headers=headers)
            transaction.set_rollback(True)
        STATS.record(actor, operation, response.status_code)
        try:
            case.validate_response(response, checks=CHECKS, headers=headers)
        except Exception as error:
            error.add_note(f"Sent by the {actor} ({ACTOR_DESCRIPTIONS[actor]}).")
            raise


def test_the_world_is_seeded_before_cases_are_drawn(world):
    """The hook above reads ``WORLD``: a seeded world gives every path parameter real ids."""
    keys = {
        _world_key(operation.path, parameter.name)
        for result in schema.get_all_operations()
        for operation in [result.ok()]
        for parameter in operation.path_parameters
        if parameter.name != "which"
    }
    assert keys <= set(WORLD), keys - set(WORLD)
    assert len(list(itertools.chain(*WORLD.values()))) > 20
