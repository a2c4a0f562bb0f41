"""A REST client developer's flow through the generated client (clients/python/), on the demo
data (``seed_demo``): sign in, the company and its partner, licences, then a Cloud PBX's lines,
devices, numbers, hunt groups, Welcome Service and Automated Attendant; the operator too.

Checked by ``mypy --strict`` (tests/api/test_client.py): a client written against the generated
models needs no cast, no ``Any`` and no wrapper to be typed.
"""

from __future__ import annotations

import datetime
from typing import TypeVar
from uuid import UUID

from rainbow_admin_client import AuthenticatedClient, Client
from rainbow_admin_client.api.companies import (
    v1_auth_token_create,
    v1_companies_members_list,
    v1_companies_retrieve,
    v1_me_retrieve,
)
from rainbow_admin_client.api.licensing import (
    v1_companies_subscriptions_list,
    v1_offers_list,
    v1_subscriptions_assignments_list,
)
from rainbow_admin_client.api.partners import v1_partner_retrieve
from rainbow_admin_client.api.telephony import (
    v1_companies_pbxs_create,
    v1_companies_pbxs_list,
    v1_pbxs_auto_attendants_create,
    v1_pbxs_auto_attendants_list,
    v1_pbxs_devices_create,
    v1_pbxs_devices_list,
    v1_pbxs_devices_partial_update,
    v1_pbxs_hunt_groups_create,
    v1_pbxs_hunt_groups_list,
    v1_pbxs_lines_create,
    v1_pbxs_lines_list,
    v1_pbxs_public_numbers_create,
    v1_pbxs_public_numbers_list,
    v1_pbxs_public_numbers_partial_update,
    v1_pbxs_welcome_services_create,
    v1_pbxs_welcome_services_list,
    v1_pbxs_welcome_services_partial_update,
)
from rainbow_admin_client.models import (
    AttendantActionEnum,
    AttendantCreateRequest,
    AttendantKeyInputRequest,
    DestinationEnum,
    DeviceInputRequest,
    DeviceKindEnum,
    DevicePatchRequest,
    Error,
    HuntGroupInputRequest,
    LineInputRequest,
    NumbersInputRequest,
    OpeningHoursRequest,
    PatchedNumberPatchRequest,
    PatchedWelcomeServiceInputRequest,
    Pbx,
    PbxInputRequest,
    PbxKindEnum,
    PolicyEnum,
    TokenInputRequest,
    ValidationErrors,
    WelcomeServiceCreateRequest,
)

T = TypeVar("T")


def ok(answer: T | Error | None) -> T:
    """The answer of a success, or a failure naming the error."""
    if answer is None or isinstance(answer, Error):
        raise AssertionError(f"expected a success, got {answer!r}")
    return answer


def sign_in(base_url: str, email: str, password: str) -> AuthenticatedClient:
    anonymous = Client(base_url=base_url, raise_on_unexpected_status=True)
    token = ok(
        v1_auth_token_create.sync(
            client=anonymous, body=TokenInputRequest(email=email, password=password)
        )
    )
    assert token.expires_at > datetime.datetime.now(datetime.UTC)
    return AuthenticatedClient(
        base_url=base_url, token=token.token, raise_on_unexpected_status=True
    )


def cloud_pbx(client: AuthenticatedClient, partner: AuthenticatedClient, company: UUID) -> Pbx:
    """The company's Cloud PBX; its partner declares one if there is none."""
    pbxs = ok(v1_companies_pbxs_list.sync(company, client=client)).results
    for pbx in pbxs:
        if pbx.kind is PbxKindEnum.CLOUD_PBX:
            return pbx
    body = PbxInputRequest(
        kind=PbxKindEnum.CLOUD_PBX,
        name="Cloud PBX",
        country="GB",
        extension_prefix="8",
        extension_digits=3,
    )
    return ok(v1_companies_pbxs_create.sync(company, client=partner, body=body))


def run(base_url: str, admin: str, partner_admin: str, operator: str, password: str) -> None:
    client = sign_in(base_url, admin, password)
    partner = sign_in(base_url, partner_admin, password)

    # Who am I, my company, its people and its partner.
    me = ok(v1_me_retrieve.sync(client=client))
    assert me.company is not None and not me.is_operator
    company = ok(v1_companies_retrieve.sync(me.company.id, client=client))
    assert company.name == me.company.name and company.kind.value == "customer"
    people = ok(v1_companies_members_list.sync(company.id, client=client))
    assert me.id in {person.id for person in people.results}
    link = ok(v1_partner_retrieve.sync(client=client))
    assert link.partner is not None and link.since is not None
    assert {scope.value for scope in link.scopes} >= {"licensing", "telephony"}

    # Licences: the offers, the company's subscriptions and who holds them.
    offers = ok(v1_offers_list.sync(client=client))
    assert {offer.code for offer in offers} >= {"essential", "business"}
    subscriptions = ok(v1_companies_subscriptions_list.sync(company.id, client=client))
    assert subscriptions.results, "the demo company subscribes licences"
    for subscription in subscriptions.results:
        assert subscription.status.value == "active"
        assert subscription.available == subscription.quantity - subscription.assigned
        holders = ok(v1_subscriptions_assignments_list.sync(subscription.id, client=client))
        assert holders.count == subscription.assigned

    # A Cloud PBX: my line (added if I have none).
    pbx = cloud_pbx(client, partner, company.id)
    lines = ok(v1_pbxs_lines_list.sync(pbx.id, client=client)).results
    mine = next((line for line in lines if line.user == me.id), None)
    if mine is None:
        body = LineInputRequest(user=me.id, extension="8900")
        mine = ok(v1_pbxs_lines_create.sync(pbx.id, client=client, body=body))

    # A refused body is an Error naming its field, with each field's messages typed.
    refused = v1_pbxs_lines_create.sync(
        pbx.id, client=client, body=LineInputRequest(user=me.id, extension="8" * 11)
    )
    assert isinstance(refused, Error) and refused.field == "extension"
    assert isinstance(refused.errors, ValidationErrors)
    messages = refused.errors["extension"]
    assert isinstance(messages, list) and all(isinstance(text, str) for text in messages)

    # A device, given my line: it names me.
    device = ok(
        v1_pbxs_devices_create.sync(
            pbx.id,
            client=client,
            body=DeviceInputRequest(kind=DeviceKindEnum.SIP, identifier="00:1A:2B:3C:4D:5E"),
        )
    )
    assert device.line is None and device.member is None
    device = ok(
        v1_pbxs_devices_partial_update.sync(
            pbx.id, device.id, client=client, body=DevicePatchRequest(line=mine.id)
        )
    )
    assert device.member == me.id and device.kind is DeviceKindEnum.SIP
    devices = ok(v1_pbxs_devices_list.sync(pbx.id, client=client))
    assert device.id in {row.id for row in devices.results}

    # Two numbers; the first routed to me: what is read back can be sent back as it is.
    added = ok(
        v1_pbxs_public_numbers_create.sync(
            pbx.id, client=client, body=NumbersInputRequest(number="+442079460100", count=2)
        )
    )
    assert added.count == 2 and len(added.results) == 2
    first, second = added.results
    routed = ok(
        v1_pbxs_public_numbers_partial_update.sync(
            pbx.id,
            first.id,
            client=client,
            body=PatchedNumberPatchRequest(destination=DestinationEnum.MEMBER, target=me.id),
        )
    )
    assert routed.destination is DestinationEnum.MEMBER
    assert routed.target is not None and routed.target.id == me.id
    again = ok(
        v1_pbxs_public_numbers_partial_update.sync(
            pbx.id,
            first.id,
            client=client,
            body=PatchedNumberPatchRequest(destination=routed.destination, target=routed.target.id),
        )
    )
    assert again.target is not None and again.target.id == me.id
    numbers = ok(v1_pbxs_public_numbers_list.sync(pbx.id, client=client, page_size=200))
    assert {first.id, second.id} <= {row.id for row in numbers.results}

    # A hunt group of me.
    group = ok(
        v1_pbxs_hunt_groups_create.sync(
            pbx.id,
            client=client,
            body=HuntGroupInputRequest(
                name="Support", policy=PolicyEnum.SERIAL, extension="8950", members=[me.id]
            ),
        )
    )
    assert group.members == [me.id] and group.policy is PolicyEnum.SERIAL
    groups = ok(v1_pbxs_hunt_groups_list.sync(pbx.id, client=client))
    assert group.id in {row.id for row in groups.results}

    # A Welcome Service on the second number: open to me, closed to the hunt group.
    service = ok(
        v1_pbxs_welcome_services_create.sync(
            pbx.id,
            client=client,
            body=WelcomeServiceCreateRequest(
                name="Front desk",
                public_number=second.number,
                open_member=me.id,
                closed_hunt_group=group.id,
                hours=[
                    OpeningHoursRequest(weekday=day, opens="08:00", closes="18:00")
                    for day in range(5)
                ],
            ),
        )
    )
    assert service.public_number == second.number
    assert (service.open_member, service.closed_hunt_group) == (me.id, group.id)
    assert service.open_destination == f"member:{me.id}"
    assert [(hours.weekday, hours.opens, hours.closes) for hours in service.hours] == [
        (day, "08:00", "18:00") for day in range(5)
    ]
    service = ok(
        v1_pbxs_welcome_services_partial_update.sync(
            pbx.id,
            service.id,
            client=client,
            body=PatchedWelcomeServiceInputRequest(name="Reception desk"),
        )
    )
    assert service.name == "Reception desk"
    services = ok(v1_pbxs_welcome_services_list.sync(pbx.id, client=client))
    assert service.id in {row.id for row in services.results}

    # An Automated Attendant.
    attendant = ok(
        v1_pbxs_auto_attendants_create.sync(
            pbx.id,
            client=client,
            body=AttendantCreateRequest(
                name="Main menu",
                keys=[
                    AttendantKeyInputRequest(
                        digit="1", action=AttendantActionEnum.MEMBER, member=me.id
                    ),
                    AttendantKeyInputRequest(
                        digit="2", action=AttendantActionEnum.HUNT_GROUP, hunt_group=group.id
                    ),
                ],
            ),
        )
    )
    assert attendant.name == "Main menu" and not attendant.prompt
    assert {(key.digit, key.action, key.member, key.hunt_group) for key in attendant.keys} == {
        ("1", AttendantActionEnum.MEMBER, me.id, None),
        ("2", AttendantActionEnum.HUNT_GROUP, None, group.id),
    }
    attendants = ok(v1_pbxs_auto_attendants_list.sync(pbx.id, client=client))
    assert attendant.id in {row.id for row in attendants.results}

    # The operator has no company: "my partner" is a declared 404, an Error, not a surprise.
    operator_client = sign_in(base_url, operator, password)
    answer = v1_partner_retrieve.sync(client=operator_client)
    assert isinstance(answer, Error) and answer.code == "not_found"
