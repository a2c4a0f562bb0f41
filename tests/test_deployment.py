"""The production configuration: deploy checks, the API schema, the compose file."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PRODUCTION_ENV = {
    "DEBUG": "0",
    "SECRET_KEY": "a-production-like-secret-key-that-is-long-enough-and-random-0123456789",
    "ALLOWED_HOSTS": "admin.example.com",
    "SITE_URL": "https://admin.example.com",
    "EMAIL_URL": "smtp://mail.example.com:587",
    "DATABASE_URL": os.environ.get(
        "DATABASE_URL", "postgres://postgres@127.0.0.1:5432/rainbow_admin"
    ),
}


def _environment() -> dict[str, str]:
    # The browser fixture allows sync DB calls under Playwright's loop; production never does.
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def manage(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**_environment(), **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_has_no_warnings_with_production_settings():
    result = manage("check", "--deploy", "--fail-level", "WARNING", env=PRODUCTION_ENV)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_openapi_schema_validates_without_warnings(tmp_path):
    target = tmp_path / "schema.yaml"
    result = manage("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert result.returncode == 0, result.stdout + result.stderr
    schema = yaml.safe_load(target.read_text())
    assert "/api/v1/companies/{company_id}/members/" in schema["paths"]


def test_compose_file_is_valid():
    assert shutil.which("docker-compose"), (
        "install the Debian package docker-compose (.ci/run does)"
    )
    result = subprocess.run(
        ["docker-compose", "config", "-q"],
        cwd=ROOT,
        env={**os.environ, "SECRET_KEY": PRODUCTION_ENV["SECRET_KEY"]},
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr


def test_api_docs_load_nothing_from_elsewhere(client, db):
    page = client.get("/api/docs/").content.decode()
    assert "swagger-ui" in page
    assert "//cdn" not in page and "https://" not in page
    script = client.get("/api/docs/?script=").content.decode()
    assert "SwaggerUIBundle" in script


@pytest.mark.django_db
def test_the_portal_asks_postgresql_for_no_parallel_plans():
    """Pages run many short queries side by side; parallel workers cost more than they save
    (benchmarks/RESULTS.md), so the connection turns them off."""
    with connection.cursor() as cursor:
        cursor.execute("SHOW max_parallel_workers_per_gather")
        assert cursor.fetchone()[0] == "0"
