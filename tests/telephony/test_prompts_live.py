"""Voice prompts on a production-like stack: gunicorn with ``DEBUG=0`` and a real secret key,
the prompts storage on the filesystem and, in the second case, in S3 (moto's server mode stands in
for S3 there: a real HTTP endpoint speaking the S3 protocol, reached by django-storages and
boto3 exactly as a bucket would be)."""

from __future__ import annotations

import io
import os
import secrets
import subprocess
import sys
import time
import wave
from collections.abc import Iterator
from pathlib import Path

import boto3
import pytest
import requests
from django.db import connection
from moto.server import ThreadedMotoServer

from companies import services as company_services
from telephony.models import AutoAttendant, WelcomeService
from tests.conftest import free_port
from tests.factories import AdminFactory, PartnerLinkFactory, ResellerFactory, UserFactory
from tests.telephony.factories import CloudPbxFactory

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]


def tone(frames: int, *, rate: int = 8000, level: int = 0) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as audio:
        audio.setnchannels(1)
        audio.setsampwidth(2)
        audio.setframerate(rate)
        audio.writeframes(level.to_bytes(2, "little", signed=True) * frames)
    return buffer.getvalue()


def _database_url() -> str:
    s = connection.settings_dict
    password = f":{s['PASSWORD']}" if s["PASSWORD"] else ""
    return f"postgres://{s['USER']}{password}@{s['HOST']}:{s['PORT'] or 5432}/{s['NAME']}"


class Portal:
    """gunicorn serving the portal with ``DEBUG=0`` on a free loopback port."""

    def __init__(self, env: dict[str, str]) -> None:
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        environment = {
            k: v for k, v in os.environ.items() if k not in ("DJANGO_ALLOW_ASYNC_UNSAFE",)
        }
        environment.update(
            {
                "DEBUG": "0",
                "SECRET_KEY": secrets.token_urlsafe(50),
                "ALLOWED_HOSTS": "127.0.0.1",
                "SITE_URL": self.url,
                "SECURE_SSL_REDIRECT": "0",
                "SECURE_COOKIES": "0",
                "EMAIL_URL": "smtp://127.0.0.1:9",
                "DATABASE_URL": _database_url(),
                **env,
            }
        )
        self.environment = environment
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("gunicorn")),
                "rainbow_admin.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "2",
            ],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        deadline = time.monotonic() + 60
        while True:
            try:
                if requests.get(f"{self.url}/healthz", timeout=10).status_code == 200:
                    break
            except requests.RequestException:
                pass
            if self.process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(self.process.stderr.read().decode())
            time.sleep(0.2)

    def manage(self, *args: str) -> str:
        """A management command run with the portal's environment."""
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.environment,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        return result.stdout

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(timeout=30)


class World:
    """A company with a Cloud PBX, a Welcome Service and an attendant, and everyone who asks:
    its admin and a member, its partner (first without the telephony scope), another company's
    admin."""

    def __init__(self) -> None:
        self.admin = AdminFactory()
        company = self.admin.company
        self.pbx = CloudPbxFactory(company=company)
        self.service = WelcomeService.objects.create(pbx=self.pbx, name="Reception")
        self.attendant = AutoAttendant.objects.create(pbx=self.pbx, name="Main menu")
        self.member = UserFactory(company=company)
        self.partner = AdminFactory(company=ResellerFactory())
        self.link = PartnerLinkFactory(
            company=company, partner=self.partner.company, scope_telephony=False
        )
        self.stranger = AdminFactory()  # another company's admin


class Http:
    """``requests`` with a timeout on every call."""

    def __getattr__(self, method: str):
        return lambda url, **kwargs: requests.request(method, url, timeout=30, **kwargs)


http = Http()


def bearer(user) -> dict[str, str]:
    _token, raw = company_services.api_token_create(user=user, name="live", expires_at=None)
    return {"Authorization": f"Bearer {raw}"}


class FileStorage:
    def __init__(self, root: Path) -> None:
        self.root = root

    def env(self) -> dict[str, str]:
        return {"MEDIA_ROOT": str(self.root)}

    def holds(self, name: str) -> bool:
        return (self.root / name).is_file()

    def put(self, name: str, data: bytes) -> None:
        (self.root / name).parent.mkdir(parents=True, exist_ok=True)
        (self.root / name).write_bytes(data)

    def names(self) -> set[str]:
        return {str(p.relative_to(self.root)) for p in self.root.rglob("*.wav")}


class S3Storage:
    """A bucket on moto's server, which stands in for S3 (the same HTTP protocol)."""

    def __init__(self, endpoint: str) -> None:
        self.endpoint, self.bucket = endpoint, "rainbow-prompts"
        self.client = boto3.client(
            "s3",
            endpoint_url=endpoint,
            region_name="us-east-1",
            aws_access_key_id="testing",
            aws_secret_access_key="testing",
        )
        self.client.create_bucket(Bucket=self.bucket)

    def env(self) -> dict[str, str]:
        return {
            "PROMPTS_S3_BUCKET": self.bucket,
            "AWS_S3_ENDPOINT_URL": self.endpoint,
            "AWS_S3_REGION_NAME": "us-east-1",
            "AWS_ACCESS_KEY_ID": "testing",
            "AWS_SECRET_ACCESS_KEY": "testing",
        }

    def holds(self, name: str) -> bool:
        return name in self.names()

    def put(self, name: str, data: bytes) -> None:
        self.client.put_object(Bucket=self.bucket, Key=name, Body=data)

    def names(self) -> set[str]:
        listing = self.client.list_objects_v2(Bucket=self.bucket)
        return {item["Key"] for item in listing.get("Contents", [])}

    def is_private(self, name: str) -> bool:
        grants = self.client.get_object_acl(Bucket=self.bucket, Key=name)["Grants"]
        return not any("AllUsers" in str(g.get("Grantee", {}).get("URI", "")) for g in grants)


@pytest.fixture
def file_storage(tmp_path) -> FileStorage:
    return FileStorage(tmp_path)


@pytest.fixture
def s3_storage() -> Iterator[S3Storage]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port, verbose=False)
    server.start()
    try:
        yield S3Storage(f"http://127.0.0.1:{port}")
    finally:
        server.stop()


def check_prompts_on_gunicorn(storage: FileStorage | S3Storage) -> None:
    world = World()
    portal = Portal(storage.env())
    try:
        _check(portal, world, storage)
    finally:
        portal.stop()


def _check(portal: Portal, world: World, storage: FileStorage | S3Storage) -> None:
    admin = bearer(world.admin)
    api = f"{portal.url}/api/v1/pbxs/{world.pbx.pk}"
    greeting = f"{api}/welcome-services/{world.service.pk}/greetings/open/"
    first, second = tone(1600, level=100), tone(2400, level=-200)  # 0.2 s and 0.3 s

    # Nothing yet: the object says null, the address 404.
    service = http.get(f"{api}/welcome-services/{world.service.pk}/", headers=admin).json()
    assert service["greeting_open_url"] is None and service["greeting_open"] is False
    assert http.get(greeting, headers=admin).status_code == 404

    # Upload, then fetch the same bytes back.
    answer = http.post(greeting, headers=admin, files={"file": ("hello.wav", first)})
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["greeting_open"] is True and body["greeting_open_duration"] == 0.2
    assert portal.url + body["greeting_open_url"] == greeting
    first_name = WelcomeService.objects.get().greeting_open.name
    assert storage.holds(first_name)
    if isinstance(storage, S3Storage):  # never readable straight from the bucket
        assert storage.is_private(first_name)
    fetched = http.get(greeting, headers=admin)
    assert fetched.status_code == 200
    assert fetched.content == first
    assert fetched.headers["Content-Type"] == "audio/wav"
    assert fetched.headers["Accept-Ranges"] == "bytes"
    cache = fetched.headers["Cache-Control"]
    assert "private" in cache and "no-store" not in cache and "public" not in cache
    etag = fetched.headers["ETag"]

    # A range answers 206 with exactly that slice; past the end 416; a known copy 304.
    part = http.get(greeting, headers={**admin, "Range": "bytes=44-1043"})
    assert part.status_code == 206
    assert part.content == first[44:1044]
    assert part.headers["Content-Range"] == f"bytes 44-1043/{len(first)}"
    assert part.headers["Content-Type"] == "audio/wav"
    tail = http.get(greeting, headers={**admin, "Range": "bytes=-10"})
    assert tail.status_code == 206 and tail.content == first[-10:]
    past = http.get(greeting, headers={**admin, "Range": f"bytes={len(first)}-"})
    assert past.status_code == 416
    assert past.headers["Content-Range"] == f"bytes */{len(first)}"
    assert past.json()["code"] == "range_not_satisfiable"
    same = http.get(greeting, headers={**admin, "If-None-Match": etag})
    assert same.status_code == 304 and same.content == b""

    # Who may hear it: the company's members and its partner once it holds the telephony scope;
    # another company's admin and the partner without the scope get 404.
    assert http.get(greeting, headers=bearer(world.stranger)).status_code == 404
    partner = bearer(world.partner)
    refused = http.get(greeting, headers=partner)
    assert refused.status_code == 404 and refused.json()["code"] == "not_found"
    assert http.get(greeting, headers=bearer(world.member)).content == first
    world.link.scope_telephony = True
    world.link.save(update_fields=["scope_telephony"])
    assert http.get(greeting, headers=partner).content == first

    # A replaced greeting: the new bytes are served, the old file is gone from the storage.
    answer = http.post(greeting, headers=partner, files={"file": ("new.wav", second)})
    assert answer.status_code == 200, answer.text
    assert answer.json()["greeting_open_duration"] == 0.3
    second_name = WelcomeService.objects.get().greeting_open.name
    assert second_name != first_name
    assert not storage.holds(first_name)
    assert storage.holds(second_name)
    again = http.get(greeting, headers=admin)
    assert again.content == second and again.headers["ETag"] != etag
    assert http.get(greeting, headers={**admin, "If-None-Match": etag}).status_code == 200

    # A file that does not decode is refused and changes nothing.
    cut = second[:-100]  # the header announces 100 bytes more audio than there is
    refused = http.post(greeting, headers=admin, files={"file": ("cut.wav", cut)})
    assert refused.status_code == 400
    assert refused.json()["code"] == "invalid_audio"
    assert http.get(greeting, headers=admin).content == second

    # The attendant's prompt, the same way.
    prompt = f"{api}/auto-attendants/{world.attendant.pk}/prompt/"
    assert http.post(prompt, headers=admin, files={"file": ("m.wav", first)}).ok
    assert http.get(prompt, headers=bearer(world.member)).content == first
    assert http.get(prompt, headers=bearer(world.stranger)).status_code == 404
    prompt_name = AutoAttendant.objects.get().prompt.name

    # Removing the Welcome Service and the attendant removes their files.
    assert (
        http.delete(f"{api}/welcome-services/{world.service.pk}/", headers=admin).status_code == 204
    )
    assert (
        http.delete(f"{api}/auto-attendants/{world.attendant.pk}/", headers=admin).status_code
        == 204
    )
    assert not storage.holds(second_name) and not storage.holds(prompt_name)
    assert storage.names() == set()

    # A file no row names (a rolled-back upload): listed by the orphan command, then removed.
    orphan = f"telephony/prompts/{world.pbx.pk}/lost.wav"
    storage.put(orphan, first)
    listed = portal.manage("prompt_orphans", "--min-age-minutes", "0")
    assert orphan in listed and "dry run" in listed and storage.holds(orphan)
    portal.manage("prompt_orphans", "--min-age-minutes", "0", "--delete")
    assert storage.names() == set()


def test_prompts_on_gunicorn_without_debug_on_the_filesystem(file_storage):
    check_prompts_on_gunicorn(file_storage)


def test_prompts_on_gunicorn_without_debug_in_s3(s3_storage):
    """moto's server mode stands in for S3 here: the portal's django-storages and boto3 speak
    HTTP to it as to a bucket; the files are private objects the portal reads and serves."""
    check_prompts_on_gunicorn(s3_storage)
