"""The typed Python client (clients/python/): generated from the schema by ``scripts/client``, up
to date with the API, and a strictly typed flow through it works against a live server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import attrs
import pytest
from django.core.management import call_command

from tests.conftest import ROOT

CLIENT = ROOT / "clients" / "python"
FLOW = ROOT / "tests" / "api" / "client_flow.py"


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_committed_client_is_what_scripts_client_generates(tmp_path):
    """A schema change fails here until ``scripts/client`` is run and its output committed."""
    subprocess.run([str(ROOT / "scripts" / "client"), str(tmp_path)], check=True, timeout=300)
    fresh = {"openapi.json": (tmp_path / "openapi.json").read_bytes()}
    fresh |= {
        f"rainbow_admin_client/{k}": v for k, v in _tree(tmp_path / "rainbow_admin_client").items()
    }
    committed = {"openapi.json": (CLIENT / "openapi.json").read_bytes()}
    committed |= {
        f"rainbow_admin_client/{k}": v for k, v in _tree(CLIENT / "rainbow_admin_client").items()
    }
    stale = sorted(
        name for name in fresh.keys() | committed.keys() if fresh.get(name) != committed.get(name)
    )
    assert not stale, f"clients/python is stale (run scripts/client and commit): {stale[:20]}"


def test_the_flow_through_the_client_passes_mypy_strict():
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--no-incremental", str(FLOW)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
        env={**os.environ, "MYPYPATH": str(CLIENT)},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Success: no issues found" in result.stdout


@pytest.fixture
def client_flow():
    sys.path.insert(0, str(CLIENT))
    try:
        from tests.api import client_flow

        yield client_flow
    finally:
        sys.path.remove(str(CLIENT))


def _annotations_with_any(cls: type) -> list[str]:
    """The fields of a generated model typed with ``Any`` (annotations are strings there), and
    the extra keys of an object with named fields (an open object); a map by design
    (``ValidationErrors``: field name to messages) has typed values and no named field."""
    fields = attrs.fields(cls)
    return [
        f"{cls.__name__}.{field.name}: {field.type}"
        for field in fields
        if "Any" in str(field.type) or (field.name == "additional_properties" and len(fields) > 1)
    ]


def test_the_flow_runs_through_the_client_against_a_live_server(
    live_server, transactional_db, client_flow
):
    """Every answer of the flow is also checked against the schema by the contract checks
    (tests/contract.py), as every API answer of the suite."""
    from rainbow_admin.management.commands.seed_demo import DEMO_PASSWORD, OPERATOR_EMAIL

    call_command("seed_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    client_flow.run(
        live_server.url,
        admin="emma.admin@contoso.example",
        partner_admin="james.admin@northwind.example",
        operator=OPERATOR_EMAIL,
        password=DEMO_PASSWORD,
    )
    from rainbow_admin_client import models

    used = [
        getattr(models, name)
        for name in dir(client_flow)
        if isinstance(getattr(models, name, None), type) and attrs.has(getattr(models, name))
    ]
    answers = [models.Me, models.Company, models.PartnerLink, models.Subscription, models.Pbx]
    answers += [models.Line, models.Device, models.PublicNumber, models.HuntGroup]
    answers += [models.WelcomeService, models.OpeningHours, models.Attendant, models.AttendantKey]
    answers += [models.Error, models.ValidationErrors]
    answers += [models.DeviceImport, models.DeviceImportError]
    assert len(used) >= 10
    assert [bad for cls in {*used, *answers} for bad in _annotations_with_any(cls)] == []
