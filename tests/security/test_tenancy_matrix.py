"""Tenancy matrix: every page and API endpoint taking an id, tried on the victim's objects by
those who must not reach them: never their data, never a change.

Routes come from the URL configuration and the OpenAPI schema (``tenancy_routes``); the victim
world is built once for the module (``tenancy_world``). Each case is one (method, url, actor):
- ``other_admin``: an admin of another customer company;
- ``unlinked_reseller``: an admin of a reseller with no link to the victim;
- ``member``: a plain member of the victim (every admin-only action);
- ``partner``: an admin of the victim's partner whose link lacks the route's scope (licensing or
  telephony; both for routes of neither).
The legitimate holders (the victim's admin, the partner with the scope) are checked on every
readable route, so a broken fixture cannot make the matrix pass by answering 404 to everybody.
"""

from __future__ import annotations

import inspect
import re
import tempfile
from functools import cache

import pytest
from django.db import transaction
from django.test import override_settings
from django.urls import Resolver404, resolve

from partners.models import PartnerLink
from tests.security.tenancy_routes import (
    LICENSING,
    TELEPHONY,
    UNSAFE,
    Route,
    all_routes,
    unmapped,
)
from tests.security.tenancy_world import (
    build_world,
    snapshot,
    snapshot_sql,
    snapshot_tables,
)

ROUTES = all_routes()
ATTACKERS = ("other_admin", "unlinked_reseller", "member", "partner")
# Legitimate access the matrix leaves out of the refusals, per DESIGN.md "Who may do what":
# (kind, template, method) -> actors who may. Everything else is refused to every attacker.
LEGITIMATE = {
    # A company is visible to its members and its partner (whatever the scopes).
    ("api", "/api/v1/companies/{company_id}/", "get"): {"member", "partner"},
    # Subscriptions are seen by the company's people (licensing.selectors.require_licensing_view).
    ("api", "/api/v1/companies/{company_id}/subscriptions/", "get"): {"member"},
    ("api", "/api/v1/subscriptions/{subscription_id}/", "get"): {"member"},
    # The partner's side of the customer: detail and the Contact conversation, with no scope.
    ("api", "/api/v1/customers/{company_id}/", "get"): {"partner"},
    ("api", "/api/v1/customers/{company_id}/messages/", "get"): {"partner"},
    ("api", "/api/v1/customers/{company_id}/messages/", "post"): {"partner"},
    ("page", "/customers/{company_id}/", "get"): {"partner"},
    # The customer's page ignores a POST and shows itself, to the partner who may read it.
    ("page", "/customers/{company_id}/", "post"): {"partner"},
    ("page", "/customers/{company_id}/messages/", "get"): {"partner"},
    ("page", "/customers/{company_id}/messages/", "post"): {"partner"},
    ("page", "/customers/{company_id}/end/", "post"): {"partner"},
    # Voice prompts are heard by the company's members too (telephony.access.may_hear_prompts).
    ("api", "/api/v1/pbxs/{pbx_id}/welcome-services/{item_id}/greetings/{which}/", "get"): {
        "member"
    },
    ("api", "/api/v1/pbxs/{pbx_id}/auto-attendants/{item_id}/prompt/", "get"): {"member"},
}
PAGE_FORM = {
    "name": "Hijacked by the matrix",
    "text": "Hijacked by the matrix",
    "role": "admin",
    "quantity": "9",
    "billing": "monthly",
    "extension": "8555",
    "kind": "sip",
    "identifier": "00:80:9F:5A:7C:42",
    "number": "+49 30 7771299",
    "count": "1",
    "policy": "serial",
    "ring_timeout": "15",
    "softphone_allowed": "",
    "country": "DE",
    "language": "en",
    "email": "hijack@matrix.example",
    "scopes": ["licensing", "telephony"],
    "confirm": "1",
    "which": "closed",
    "weekday": "1",
    "opens": "08:00",
    "closes": "09:00",
    "date": "2026-12-24",
    "menu": "",
    "digit": "5",
    "target": "disconnect",
    "path": "1",
}


def api_body(route: Route, w) -> dict:
    """A plausible body for an unsafe API request (a real request of the owner would succeed)."""
    resource = re.sub(r"{\w+}/", "", route.template).rstrip("/").rsplit("/", 1)[-1]
    admin_id = str(w.objects["v_admin"].pk)
    bodies = {
        "members": {"email": "new@matrix.example", "name": "Newbie", "role": "admin"},
        "pbxs": {
            "kind": "cloud_pbx",
            "name": "Hijacked",
            "country": "DE",
            "extension_prefix": "5",
            "extension_digits": 3,
        },
        "subscriptions": {"offer": "business", "quantity": 9},
        "assignments": {"users": [admin_id]},
        "messages": {"text": "Hijacked by the matrix"},
        "lines": {"user": admin_id, "extension": "8103"},
        "devices": {"kind": "sip", "identifier": "00:80:9F:5A:7C:40", "model": "Hijacked"},
        "device-imports": {
            "file_name": "x.csv",
            "content": "type,identifier\nsip,00:80:9F:5A:7C:41\n",
        },
        "member-imports": {"content": "email,name\nhijack@matrix.example,Hijack\n"},
        "public-numbers": {"number": "+49 30 7771299", "destination": "member", "target": admin_id},
        "hunt-groups": {"name": "Hijacked", "policy": "serial", "ring_timeout": 20},
        "welcome-services": {"name": "Hijacked"},
        "auto-attendants": {"name": "Hijacked"},
        "emergency-numbers": {"country": "DE", "number": "110", "softphone_allowed": False},
    }
    return {"name": "Hijacked", "quantity": 9, **bodies.get(resource, {})}


@cache
def page_actions(template: str) -> tuple[str, ...]:
    """The ``action`` values a page's view dispatches on, read from its source."""
    url = re.sub(r"{\w+}", "00000000-0000-0000-0000-000000000000", template)
    if "{action}" in template or "{which}" in template:
        return ("",)
    try:
        func = resolve(url).func
    except Resolver404:
        return ("",)
    func = inspect.unwrap(func)
    try:
        source = inspect.getsource(func)
    except (OSError, TypeError):
        return ("",)
    found = set(re.findall(r'action == "(\w+)"', source))
    for group in re.findall(r"action in \(([^)]*)\)", source):
        found |= set(re.findall(r'"(\w+)"', group))
    return ("", *sorted(found))


def fill(route: Route, w, variant: dict[str, str]) -> str:
    url = route.template
    for param, kind in route.kinds().items():
        value = w.ids[kind] if kind else "0"
        url = url.replace("{" + param + "}", value)
    for param, value in variant.items():
        url = url.replace("{" + param + "}", value)
    return url


def is_legitimate(route: Route, method: str, actor: str) -> bool:
    return actor in LEGITIMATE.get((route.kind, route.template, method), set())


def refusal_cases():
    for route in ROUTES:
        try:
            route.kinds()
        except KeyError:
            continue  # failed loudly by test_every_route_with_an_id_is_mapped
        for variant in route.variants():
            shown = route.template
            for param, value in variant.items():
                shown = shown.replace("{" + param + "}", value)
            for method in route.methods:
                actions = page_actions(route.template) if route.kind == "page" else ("",)
                for action in actions if method == "post" else ("",):
                    for actor in ATTACKERS:
                        if is_legitimate(route, method, actor):
                            continue
                        label = f"{method.upper()} {shown}" + (
                            f" action={action}" if action else ""
                        )
                        yield pytest.param(
                            route, variant, method, action, actor, id=f"{label} as {actor}"
                        )


CASES = list(refusal_cases())


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """The victim world, built once and rolled back after the module (its prompt files in a
    folder of their own)."""
    with (
        tempfile.TemporaryDirectory() as media,
        override_settings(MEDIA_ROOT=media),
        django_db_blocker.unblock(),
        transaction.atomic(),
    ):
        with override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"]):
            w = build_world()
        w.snapshot_sql = snapshot_sql(snapshot_tables())
        yield w
        transaction.set_rollback(True)


def narrow_partner_link(w, route: Route) -> None:
    """The partner's link loses the route's scope (both for routes of neither)."""
    fields = {
        LICENSING: {"scope_licensing": False},
        TELEPHONY: {"scope_telephony": False},
        None: {"scope_licensing": False, "scope_telephony": False},
    }[route.scope]
    PartnerLink.objects.filter(pk=w.objects["link"].pk).update(**fields)


def send(actor, route: Route, method: str, url: str, w, action: str = ""):
    if route.kind == "api":
        client = actor.api
        if method == "get":
            return client.get(url)
        if "{which}" in route.template or url.endswith("/prompt/"):
            from django.core.files.uploadedfile import SimpleUploadedFile

            from tests.telephony.test_cloud_pages import wav_bytes

            upload = SimpleUploadedFile("hijack.wav", wav_bytes(), "audio/wav")
            return client.post(url, {"file": upload}, format="multipart")
        return getattr(client, method)(url, api_body(route, w), format="json")
    client = actor.page
    if method == "get":
        return client.get(url)
    form = dict(PAGE_FORM)
    admin_id = str(w.objects["v_admin"].pk)
    form.update(users=[admin_id], user=admin_id, member=admin_id, members=[admin_id])
    if action:
        form["action"] = action
    return client.post(url, form)


def leaked(response, w, actor_key: str, url: str) -> list[str]:
    """The victim's identifying values found in the body (what the actor may know excepted).

    Ids the actor typed in the address are not news to them (pages echo the path, e.g. in the
    language switch's ``next``)."""
    body = body_of(response).decode(errors="replace")
    known = {what for what, value in w.secrets.items() if value in url}
    if actor_key in ("member", "partner"):
        # Insiders know the company (its name is in the refusal they are shown) and its id.
        known |= {"company name", "company id"}
    if actor_key == "member":
        known |= {"member name", "member email", "member id"}
    return [what for what, value in w.secrets.items() if what not in known and value in body]


def body_of(response) -> bytes:
    """The body, read whole also when it is streamed (a CSV export)."""
    if not response.streaming:
        return response.content
    if not hasattr(response, "read_body"):  # a stream is read once: kept for a second reading
        response.read_body = b"".join(response.streaming_content)
    return response.read_body


def test_every_route_with_an_id_is_mapped():
    """A new endpoint with an id fails here until the mapping knows its parameters."""
    assert unmapped(ROUTES) == []


def test_a_new_route_with_an_unknown_id_is_reported():
    new = [
        Route("api", "/api/v1/widgets/{widget_id}/", ("get",)),
        Route("api", "/api/v1/pbxs/{pbx_id}/voicemails/{item_id}/", ("get",)),
    ]
    problems = unmapped(ROUTES + new)
    assert any("widget_id" in p for p in problems)
    assert any("voicemails/{item_id}" in p for p in problems)


def test_the_matrix_covers_pages_and_api_of_every_app():
    templates = {r.template for r in ROUTES}
    for expected in (
        "/api/v1/pbxs/{pbx_id}/hunt-groups/{item_id}/",
        "/api/v1/subscriptions/{subscription_id}/assignments/{user_id}/",
        "/api/v1/invitations/{invitation_id}/accept/",
        "/api/v1/notifications/{notification_id}/read/",
        "/members/{member_id}/role/",
        "/profile/tokens/{token_id}/revoke/",
        "/customers/{company_id}/telephony/pbxs/{pbx_id}/welcome/{service_id}/",
        "/licenses/{subscription_id}/assign/",
    ):
        assert expected in templates
    assert len(CASES) > 500
    # Manage company: its settings change through PATCH, tried by every attacker.
    company = next(r for r in ROUTES if r.template == "/api/v1/companies/{company_id}/")
    assert "patch" in company.methods


@pytest.mark.parametrize(("route", "variant", "method", "action", "actor"), CASES)
def test_nobody_else_sees_or_changes_the_victims_objects(
    world, db, route, variant, method, action, actor
):
    w = world
    if actor == "partner":
        narrow_partner_link(w, route)
    url = fill(route, w, variant)
    unsafe = method in UNSAFE
    before = snapshot(w.snapshot_sql) if unsafe else None
    response = send(w.actors[actor], route, method, url, w, action)
    if unsafe:
        after = snapshot(w.snapshot_sql)
        changed = sorted(t for t in before if before[t] != after[t])
        assert not changed, f"{method.upper()} {url} as {actor} changed {changed}"
    shown = leaked(response, w, actor, url)
    assert not shown, f"{method.upper()} {url} showed {actor} {shown}"
    status = response.status_code
    if route.kind == "api":
        assert status in (403, 404), (status, response.content[:300])
    elif route.is_admin_site:
        assert status == 302 and "/admin/login/" in response["Location"], status
    elif "{token}" in route.template:
        # A capability link with a forged token: the "invalid link" page, nothing of the person.
        assert status in (200, 400, 404), status
        assert b'type="password"' not in response.content, "a forged link offers a password form"
    elif status == 405:
        # A method the page never accepts: the same answer for the victim's own admin.
        assert send(w.actors["victim_admin"], route, method, url, w).status_code == 405
    else:
        # A page refuses with 404 (another tenant's object: its existence is not revealed) or
        # 403 (a member of the company who may see it but not change it); never a redirect to
        # a page of the actor's own with a message, nor a form error about the victim's object.
        location = response.get("Location", "")
        assert status in (403, 404), (status, location, response.content[:300])
        if status == 403:
            assert actor in ("member", "partner"), f"{url} told {actor} it exists (403)"


# --- the matrix can tell allowed from refused ------------------------------------------------


def owner_of(route: Route) -> str:
    """Who legitimately reads the route: the partner (all scopes) on its customer pages, the
    operator on the admin site, the victim's admin everywhere else."""
    if route.is_admin_site:
        return "operator"
    if route.template.startswith(("/customers/", "/api/v1/customers/")):
        return "partner"
    return "victim_admin"


def legitimate_cases():
    for route in ROUTES:
        if "get" not in route.methods or "{token}" in route.template:
            continue
        if route.is_admin_site and not route.template.endswith("/change/"):
            continue
        if route.is_admin_site and {None, "offer"} & set(route.kinds().values()):
            continue  # auth groups and the offer catalogue: none is the victim's
        try:
            route.kinds()
        except KeyError:
            continue
        for variant in route.variants():
            yield pytest.param(route, variant, id=f"GET {route.template} as {owner_of(route)}")


@pytest.mark.parametrize(("route", "variant"), list(legitimate_cases()))
def test_the_legitimate_holder_reads_the_same_objects(world, db, route, variant):
    """The same ids that everybody else is refused are shown to the one who holds them."""
    w = world
    url = fill(route, w, variant)
    actor = owner_of(route)
    response = send(w.actors[actor], route, "get", url, w)
    if route.kind == "page" and response.status_code == 405:
        assert send(w.actors[actor], route, "post", url, w).status_code != 405
        return  # a form target: its POST is the page
    if route.template.endswith("/open/") and response.status_code == 302:
        # Opening a notification marks it read and goes to its object: that page is read.
        response = w.actors[actor].page.get(response["Location"])
    assert response.status_code == 200, (response.status_code, response.content[:300])
    body = body_of(response).decode(errors="replace")  # prompts are audio
    shown = [what for what, value in w.secrets.items() if value in body and value not in url]
    if route.kind == "api" and not shown:  # a row with nothing distinctive but its id
        last = w.ids[list(route.kinds().values())[-1]]
        shown = [last] if response.json().get("id") == last else []
    assert shown, f"{url} shows its holder nothing of the victim's data"


def test_the_snapshot_sees_a_change_made_by_the_rightful_admin_and_partner(world, db):
    """Without this, a snapshot that never changes would let every refusal pass."""
    w = world
    before = snapshot(w.snapshot_sql)
    response = w.actors["victim_admin"].api.patch(
        f"/api/v1/pbxs/{w.ids['pbx']}/hunt-groups/{w.ids['hunt_group']}/",
        {"name": "Renamed by its admin"},
        format="json",
    )
    assert response.status_code == 200, response.content
    middle = snapshot(w.snapshot_sql)
    assert before["telephony_huntgroup"] != middle["telephony_huntgroup"]
    response = w.actors["partner"].api.patch(
        f"/api/v1/subscriptions/{w.ids['subscription']}/", {"quantity": 7}, format="json"
    )
    assert response.status_code == 200, response.content
    after = snapshot(w.snapshot_sql)
    assert middle["licensing_subscription"] != after["licensing_subscription"]
    response = w.actors["victim_admin"].page.post(
        f"/members/{w.ids['member']}/role/", {"role": "admin"}
    )
    assert response.status_code in (200, 302)
    assert snapshot(w.snapshot_sql)["companies_user"] != after["companies_user"]


def test_the_partner_acts_within_the_scopes_its_link_holds(world, db):
    """The same partner is refused only where the matrix narrowed its link."""
    w = world
    pbx = f"/api/v1/pbxs/{w.ids['pbx']}/"
    subscription = f"/api/v1/subscriptions/{w.ids['subscription']}/"
    partner = w.actors["partner"].api
    assert partner.get(pbx).status_code == 200
    assert partner.get(subscription).status_code == 200
    narrow_partner_link(w, Route("api", pbx, ("get",)))
    assert partner.get(pbx).status_code == 403
    assert partner.get(subscription).status_code == 200
