"""Security review (issue 18): each finding of the secrets / fail-closed / low parts, with the
review's request where it gave one. Each of these failed before the fix."""

import io
import json
import os
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.contrib.auth.tokens import default_token_generator
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from companies.models import ApiToken
from companies.services import api_token_create
from notifications.models import Notification
from partners.models import Invitation
from partners.services import invitations as invitation_services
from tests.factories import PASSWORD, AdminFactory, CompanyFactory, ResellerFactory

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def _token(client, email, password=PASSWORD):
    response = client.post(
        "/api/v1/auth/token/",
        json.dumps({"email": email, "password": password}),
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    return response


def _bearer(raw):
    return {"HTTP_AUTHORIZATION": f"Bearer {raw}"}


# --- API tokens outlive the password --------------------------------------------------------


def test_a_token_made_before_a_password_change_stops_working_and_the_person_is_told(client, admin):
    raw = _token(client, admin.email).json()["token"]
    assert client.get("/api/v1/me/", **_bearer(raw)).status_code == 200
    client.force_login(admin)
    response = client.post(
        "/profile/",
        {
            "form": "password",
            "old_password": PASSWORD,
            "new_password1": "a-New-password-2026",
            "new_password2": "a-New-password-2026",
        },
    )
    assert response.status_code == 302
    client.logout()
    assert client.get("/api/v1/me/", **_bearer(raw)).status_code == 401
    [notice] = Notification.objects.filter(recipient=admin)
    assert "API tokens (1) were revoked" in notice.text


def test_a_token_made_before_a_password_reset_stops_working(client, admin):
    raw = _token(client, admin.email).json()["token"]
    uid = urlsafe_base64_encode(force_bytes(admin.pk))
    link = f"/accounts/reset/{uid}/{default_token_generator.make_token(admin)}/"
    form = client.get(link, follow=True)
    response = client.post(
        form.redirect_chain[-1][0],
        {"new_password1": "a-New-password-2026", "new_password2": "a-New-password-2026"},
    )
    assert response.status_code == 302
    assert client.get("/api/v1/me/", **_bearer(raw)).status_code == 401
    assert Notification.objects.filter(recipient=admin).count() == 1


def test_no_token_is_made_without_expiry_nor_beyond_the_longest_lifetime(client, admin, settings):
    token, _raw = api_token_create(user=admin, name="script", expires_at=None)
    assert token.expires_at - timezone.now() <= settings.API_TOKEN_MAX_TTL
    assert token.expires_at - timezone.now() > settings.API_TOKEN_MAX_TTL - timedelta(minutes=1)

    client.force_login(admin)
    too_far = (timezone.now() + timedelta(days=200)).date().isoformat()
    page = client.post("/profile/", {"form": "token", "name": "far", "expires_at": too_far})
    assert "90 days at most" in page.content.decode()
    assert not ApiToken.objects.filter(name="far").exists()

    # A lowered maximum applies to tokens made before.
    settings.API_TOKEN_MAX_TTL = timedelta(days=1)
    ApiToken.objects.filter(pk=token.pk).update(created_at=timezone.now() - timedelta(days=2))
    token.refresh_from_db()
    assert not token.is_usable()


def test_api_sign_ins_keep_at_most_the_allowed_number_of_usable_tokens(client, admin, settings):
    settings.API_TOKEN_MAX_ACTIVE = 3
    raws = [_token(client, admin.email).json()["token"] for _ in range(5)]
    usable = [t for t in ApiToken.objects.filter(user=admin) if t.is_usable()]
    assert len(usable) == 3
    # The oldest were revoked to make room; the newest work.
    assert client.get("/api/v1/me/", **_bearer(raws[0])).status_code == 401
    assert client.get("/api/v1/me/", **_bearer(raws[1])).status_code == 401
    assert client.get("/api/v1/me/", **_bearer(raws[-1])).status_code == 200


def test_tokens_from_the_api_sign_in_are_listed_on_the_profile(client, admin):
    raw = _token(client, admin.email).json()["token"]
    client.force_login(admin)
    page = client.get("/profile/").content.decode()
    assert f"ra_{raw.split('_')[1]}_…" in page
    assert "API sign-in" in page


# --- fails open -----------------------------------------------------------------------------


def _settings_in_subprocess(env: dict[str, str], code: str) -> subprocess.CompletedProcess:
    base = {
        k: v
        for k, v in os.environ.items()
        if k not in ("DEBUG", "SECRET_KEY", "EMAIL_URL", "PROXY_SETS_X_FORWARDED_PROTO")
    }
    return subprocess.run(
        [
            sys.executable,
            "-c",
            f"import django; django.setup(); from django.conf import settings; {code}",
        ],
        cwd=ROOT,
        env={**base, "DJANGO_SETTINGS_MODULE": "rainbow_admin.settings", **env},
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_debug_is_off_unless_asked_for_and_without_a_real_secret_key_the_portal_refuses_to_start():
    for env in (
        {},
        {"SECRET_KEY": "short"},
        {"DEBUG": "0", "SECRET_KEY": "change-me-in-production-to-a-long-random-string"},
    ):
        result = _settings_in_subprocess(env, "print(settings.DEBUG)")
        assert result.returncode != 0
        assert "ImproperlyConfigured" in result.stderr and "SECRET_KEY" in result.stderr
    key = "k" * 50
    result = _settings_in_subprocess({"SECRET_KEY": key}, "print(settings.DEBUG)")
    assert result.stdout.strip() == "False", result.stderr
    result = _settings_in_subprocess({"DEBUG": "1"}, "print(settings.DEBUG)")
    assert result.stdout.strip() == "True", result.stderr


def test_x_forwarded_proto_is_trusted_only_when_a_proxy_is_declared():
    env = {"SECRET_KEY": "k" * 50}
    code = "print(getattr(settings, 'SECURE_PROXY_SSL_HEADER', None))"
    assert _settings_in_subprocess(env, code).stdout.strip() == "None"
    declared = {**env, "PROXY_SETS_X_FORWARDED_PROTO": "1"}
    assert "HTTP_X_FORWARDED_PROTO" in _settings_in_subprocess(declared, code).stdout


def test_compose_has_no_default_secret_and_publishes_on_loopback_only():
    base = {k: v for k, v in os.environ.items() if k != "SECRET_KEY"}
    refused = subprocess.run(
        ["docker-compose", "config", "-q"], cwd=ROOT, env=base, capture_output=True, text=True
    )
    assert refused.returncode != 0 and "SECRET_KEY" in refused.stderr
    config = subprocess.run(
        ["docker-compose", "config"],
        cwd=ROOT,
        env={**base, "SECRET_KEY": "k" * 50},
        capture_output=True,
        text=True,
    ).stdout
    assert "127.0.0.1:8000:8000" in config and "127.0.0.1:8025:8025" in config
    assert "0.0.0.0:8000:8000" not in config and "- 8025:8025" not in config


# --- low findings ---------------------------------------------------------------------------


def test_signed_in_answers_and_new_tokens_are_not_stored(client, admin):
    response = _token(client, admin.email)
    assert "no-store" in response["Cache-Control"]
    assert (
        "no-store"
        in client.get("/api/v1/me/", **_bearer(response.json()["token"]))["Cache-Control"]
    )
    client.force_login(admin)
    assert "no-store" in client.get("/profile/")["Cache-Control"]
    assert "no-store" in client.get("/")["Cache-Control"]


def test_a_session_ends_when_idle_and_after_its_absolute_limit(client, admin, settings):
    client.force_login(admin)
    assert client.get("/profile/").status_code == 200
    assert client.session.get_expiry_age() == 30 * 60
    session = client.session
    session["signed_in_at"] = int(time.time()) - 13 * 3600  # companies.middleware.SIGNED_IN_AT
    session.save()
    response = client.get("/profile/")
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_a_password_of_eleven_characters_is_refused(client, admin):
    client.force_login(admin)
    page = client.post(
        "/profile/",
        {
            "form": "password",
            "old_password": PASSWORD,
            "new_password1": "Zq7-kLm2pW9",
            "new_password2": "Zq7-kLm2pW9",
        },
    )
    assert page.status_code == 200
    assert "at least 12 characters" in page.content.decode()


def test_a_reset_link_lives_one_hour(admin):
    generator = default_token_generator
    now = generator._num_seconds(generator._now())
    fresh = generator._make_token_with_timestamp(admin, now - 59 * 60, generator.secret)
    stale = generator._make_token_with_timestamp(admin, now - 61 * 60, generator.secret)
    assert generator.check_token(admin, fresh)
    assert not generator.check_token(admin, stale)


def test_a_csv_field_over_131072_characters_is_invalid_csv_not_a_500(api_for, company, admin):
    from tests.telephony.factories import CloudPbxFactory

    pbx = CloudPbxFactory(company=company)
    content = 'type,identifier\nsip,"' + "A" * 131_073 + '"\n'
    response = api_for(admin).post(
        f"/api/v1/pbxs/{pbx.pk}/device-imports/",
        {"file_name": "long.csv", "content": content},
        format="json",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "invalid_csv"


def test_a_csv_file_with_a_field_over_131072_characters_is_refused_on_the_devices_page(
    client, company, admin
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tests.telephony.factories import CloudPbxFactory

    pbx = CloudPbxFactory(company=company)
    client.force_login(admin)
    content = b'type,identifier\nsip,"' + b"A" * 131_073 + b'"\n'
    page = client.post(
        f"/telephony/pbxs/{pbx.pk}/devices/",
        {"action": "import", "file": SimpleUploadedFile("long.csv", content, "text/csv")},
    )
    assert page.status_code == 200
    assert "not a readable CSV file" in page.content.decode()


@pytest.mark.parametrize(
    ("page", "data"),
    [
        ("devices", {"action": "assign", "device": "not-a-uuid"}),
        ("devices", {"action": "remove", "device": "1"}),
        ("numbers", {"action": "route", "number": "x"}),
        ("emergency", {"action": "update", "row": "'"}),
        ("lines", {"action": "line_free", "line": "nope"}),
    ],
)
def test_a_malformed_id_posted_to_a_cloud_pbx_page_is_not_found(client, admin, company, page, data):
    from tests.telephony.factories import CloudPbxFactory

    pbx = CloudPbxFactory(company=company)
    client.force_login(admin)
    url = f"/telephony/pbxs/{pbx.pk}/{page}/" if page != "lines" else f"/telephony/pbxs/{pbx.pk}/"
    response = client.post(url, data)
    assert response.status_code == 404


def test_a_malformed_line_id_for_a_device_is_not_a_500(client, admin, company):
    from tests.telephony.factories import CloudPbxFactory

    pbx = CloudPbxFactory(company=company)
    device = api_for_device(admin, pbx)
    client.force_login(admin)
    response = client.post(
        f"/telephony/pbxs/{pbx.pk}/devices/",
        {"action": "assign", "device": str(device), "line": "not-a-uuid"},
    )
    assert response.status_code in (302, 404)


def api_for_device(admin, pbx):
    from telephony.services.devices import device_add

    return device_add(
        actor=admin, pbx=pbx, kind="sip", identifier="00:11:22:33:44:55", model="X"
    ).pk


class _CountingBody(io.RawIOBase):
    """A 30 MB multipart body (the device import form with a file) that counts what the server
    reads of it."""

    HEAD = (
        b"--BOUNDARY\r\n"
        b'Content-Disposition: form-data; name="action"\r\n\r\nimport\r\n'
        b"--BOUNDARY\r\n"
        b'Content-Disposition: form-data; name="file"; filename="big.csv"\r\n'
        b"Content-Type: text/csv\r\n\r\n"
    )

    def __init__(self, size: int) -> None:
        self.size, self.read_bytes = size, 0

    def read(self, n=-1):
        n = self.size - self.read_bytes if n is None or n < 0 else n
        start, end = self.read_bytes, min(self.read_bytes + n, self.size)
        self.read_bytes = end
        head = self.HEAD[start:end]
        return head + b"x" * (end - start - len(head))

    def readline(self, *args):
        return self.read(args[0] if args else 8192)


def test_a_30_mb_upload_is_refused_before_it_is_read(client, admin, company):
    from tests.telephony.factories import CloudPbxFactory

    pbx = CloudPbxFactory(company=company)
    client.force_login(admin)
    size = 30 * 1024 * 1024
    body = _CountingBody(size)
    environ = {
        "REQUEST_METHOD": "POST",
        "PATH_INFO": f"/telephony/pbxs/{pbx.pk}/devices/",
        "SERVER_NAME": "testserver",
        "SERVER_PORT": "80",
        "wsgi.url_scheme": "http",
        "wsgi.input": body,
        "CONTENT_TYPE": "multipart/form-data; boundary=BOUNDARY",
        "CONTENT_LENGTH": str(size),
        "HTTP_COOKIE": f"sessionid={client.cookies['sessionid'].value}; csrftoken={'a' * 32}",
        "HTTP_X_CSRFTOKEN": "a" * 32,
    }
    status = {}

    def start_response(line, headers, exc_info=None):
        status["line"] = line

    # As Django's test client does: the request must not close the test's database connection.
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        page = b"".join(WSGIHandler()(environ, start_response)).decode()
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)
    assert status["line"].startswith("400")
    assert body.read_bytes < 1024 * 1024
    assert "A file you sent may be larger than allowed." in page


def test_the_api_refuses_an_upload_over_the_limit_with_file_too_large(
    api_for, admin, company, settings
):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from telephony.models import AutoAttendant
    from tests.telephony.factories import CloudPbxFactory

    pbx = CloudPbxFactory(company=company)
    attendant = AutoAttendant.objects.create(pbx=pbx, name="Main")
    settings.UPLOAD_MAX_BYTES = 1024
    response = api_for(admin).post(
        f"/api/v1/pbxs/{pbx.pk}/auto-attendants/{attendant.pk}/prompt/",
        {"file": SimpleUploadedFile("big.wav", b"x" * 4096)},
        format="multipart",
    )
    assert response.status_code == 400
    assert response.json()["code"] == "file_too_large"


def test_the_landing_page_keeps_its_token_out_of_the_sign_in_link(client):
    customer_admin = AdminFactory(company=CompanyFactory())
    reseller = ResellerFactory()
    target_admin = AdminFactory(company=reseller)
    invitation_services.invitation_send(
        actor=customer_admin, to_company_id=reseller.pk, message="Hello"
    )
    raw = _raw_token_of(Invitation.objects.get(to_company=reseller))
    page = client.get(f"/partner/open/{raw}/").content.decode()
    assert raw not in page.split("/accounts/login/", 1)[1].split('"', 1)[0]
    assert "/accounts/login/?next=/partner/open/" in page
    client.force_login(target_admin)
    resumed = client.get("/partner/open/")
    assert resumed.status_code == 200
    assert "Accept" in resumed.content.decode()


def _raw_token_of(invitation):
    import re

    from notifications.models import OutboundEmail

    email = OutboundEmail.objects.get(topic="invitation", object_id=invitation.pk)
    return re.search(r"/partner/open/([^/\s]+)/", email.body_text).group(1)


def test_no_malformed_id_posted_to_any_cloud_pbx_page_is_a_500(client, admin, company):
    """Every id a Cloud PBX page reads from POST data, malformed: never a 500."""
    from telephony.models import AutoAttendant, EmergencyNumber, HuntGroup, WelcomeService
    from tests.telephony.factories import CloudPbxFactory, LineFactory

    pbx = CloudPbxFactory(company=company)
    LineFactory(pbx=pbx, user=admin, extension="8001")
    device = api_for_device(admin, pbx)
    group = HuntGroup.objects.create(pbx=pbx, name="Sales", extension="8100", policy="parallel")
    service = WelcomeService.objects.create(pbx=pbx, name="Hello")
    attendant = AutoAttendant.objects.create(pbx=pbx, name="Main")
    row = EmergencyNumber.objects.create(pbx=pbx, number="112", description="EU")
    base = f"/telephony/pbxs/{pbx.pk}/"
    bad = "not-a-uuid'"
    posts = [
        ("", {"action": "line_free", "line": bad}),
        ("devices/", {"action": "assign", "device": bad}),
        ("devices/", {"action": "assign", "device": str(device), "line": bad}),
        ("devices/", {"action": "remove", "device": bad}),
        ("numbers/", {"action": "route", "number": bad}),
        ("numbers/", {"action": "main", "number": bad}),
        ("numbers/", {"action": "remove", "number": bad}),
        ("emergency/", {"action": "update", "row": bad}),
        ("emergency/", {"action": "update", "row": str(row.pk), "hunt_group": bad}),
        ("emergency/", {"action": "remove", "row": bad}),
        ("hunt-groups/", {"action": "remove", "group": bad}),
        (f"hunt-groups/{group.pk}/", {"name": "Sales", "policy": "parallel", "members": bad}),
        (f"welcome/{service.pk}/", {"action": "remove_hours", "row": bad}),
        (f"welcome/{service.pk}/", {"action": "remove_exception", "row": bad}),
        (f"welcome/{service.pk}/", {"action": "destinations", "open": f"hunt_group:{bad}"}),
        (f"welcome/{service.pk}/", {"action": "destinations", "public_number": bad}),
        (f"attendants/{attendant.pk}/", {"action": "key", "digit": "1", "target": f"member:{bad}"}),
        (f"attendants/{attendant.pk}/", {"action": "settings", "public_number": bad}),
    ]
    client.force_login(admin)
    for path, data in posts:
        response = client.post(base + path, data)
        assert response.status_code in (200, 302, 404), (path, data, response.status_code)
