"""Shared fixtures: API clients, a real SMTP server, a real Celery worker, a browser."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from email import message_from_bytes, policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from rest_framework.test import APIClient

from companies import services as company_services
from tests.factories import AdminFactory, CompanyFactory, UserFactory

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True, scope="session")
def _on_postgresql(django_db_setup, django_db_blocker) -> None:
    """The suite is about real services: refuse to run it on the embedded SQLite default."""
    with django_db_blocker.unblock():
        if connection.vendor != "postgresql":
            pytest.exit(
                "Tests run on PostgreSQL: use scripts/test, or `source scripts/test-env` first.", 2
            )


def pytest_configure(config) -> None:
    """Every API answer of the session is checked against the OpenAPI schema (tests/contract.py)."""
    settings.MIDDLEWARE = ["tests.contract.ContractMiddleware", *settings.MIDDLEWARE]


@pytest.fixture(autouse=True)
def _answers_keep_the_contract() -> Iterator[None]:
    """A test fails when an answer it received contradicts the schema (status, shape, nulls)."""
    from tests.contract import take_violations

    take_violations()
    yield
    violations = take_violations()
    assert not violations, "Answers the OpenAPI schema does not allow:\n" + "\n".join(violations)


@pytest.fixture(autouse=True)
def _fast_passwords_and_english(settings) -> None:
    """A fast hasher (factories hash a password per user) and English before each test."""
    from django.utils import translation

    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    translation.activate("en")


@pytest.fixture(autouse=True)
def _empty_cache() -> None:
    """Each test starts with an empty cache (sign-in failures are counted there)."""
    from django.core.cache import cache

    cache.clear()


@pytest.fixture
def company(db):
    return CompanyFactory()


@pytest.fixture
def admin(company):
    return AdminFactory(company=company)


@pytest.fixture
def member(company):
    return UserFactory(company=company)


def api_client_for(user) -> APIClient:
    """An API client holding a real bearer token of ``user``."""
    _token, raw = company_services.api_token_create(user=user, name="tests", expires_at=None)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Bearer {raw}")
    return client


@pytest.fixture
def api_for():
    return api_client_for


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class SmtpInbox:
    """A real SMTP server on loopback (aiosmtpd) that keeps what it receives."""

    def __init__(self) -> None:
        from aiosmtpd.controller import Controller

        self.messages: list[EmailMessage] = []
        self._lock = threading.Lock()
        self.port = free_port()
        self.controller = Controller(self, hostname="127.0.0.1", port=self.port)
        # True: answer the end of the data with "451 Try again later"; a reply text: with it.
        self.refuse: bool | str = False
        self.refused: list[EmailMessage] = []  # the messages answered with a refusal

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        if self.refuse:
            with self._lock:
                self.refused.append(message)
            return "451 Try again later" if self.refuse is True else self.refuse
        with self._lock:
            self.messages.append(message)
        return "250 OK"

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def wait_for(self, count: int, timeout: float = 30) -> list[EmailMessage]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.messages) >= count:
                    return list(self.messages)
            time.sleep(0.1)
        with self._lock:
            raise AssertionError(f"expected {count} emails, got {len(self.messages)}")

    @staticmethod
    def text_of(message: EmailMessage) -> str:
        return message.get_body(preferencelist=("plain",)).get_content()


@pytest.fixture
def smtp_server() -> Iterator[SmtpInbox]:
    inbox = SmtpInbox()
    inbox.controller.start()
    try:
        yield inbox
    finally:
        inbox.controller.stop()


class Worker:
    """A real ``celery -A rainbow_admin worker`` on Redis, working on the test database."""

    def __init__(self, smtp_url: str, queue: str) -> None:
        self.smtp_url = smtp_url
        self.queue = queue
        self.process: subprocess.Popen | None = None

    def start(self) -> None:
        db = settings.DATABASES["default"]
        env = {
            **os.environ,
            "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
            "CELERY_TASK_ALWAYS_EAGER": "0",
            "EMAIL_URL": self.smtp_url,
            "CELERY_QUEUE": self.queue,
            "OUTBOX_RETRY_BASE_SECONDS": "1",
        }
        self.log_path = Path(tempfile.gettempdir()) / f"rainbow-worker-{self.queue}.log"
        self.log = open(self.log_path, "ab")  # noqa: SIM115
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "celery",
                "-A",
                "rainbow_admin",
                "worker",
                "--pool=solo",
                "--without-gossip",
                "--without-mingle",
                "--without-heartbeat",
                "-Q",
                self.queue,
                "--loglevel=INFO",
            ],
            cwd=ROOT,
            env=env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_ready()

    def _wait_ready(self, timeout: float = 60) -> None:
        from rainbow_admin.celery import app

        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the Celery worker stopped at start; see {self.log_path}")
            replies = app.control.ping(timeout=0.5)
            if replies:
                return
        raise RuntimeError("the Celery worker did not start in time")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        if getattr(self, "log", None) is not None:
            self.log.close()

    def kill(self) -> None:
        """Kill the worker at once (SIGKILL), as a crash would."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture
def celery_worker(transactional_db, smtp_server) -> Iterator[Worker]:
    """A real worker: tasks go through Redis and the worker sends to ``smtp_server``.

    Uses ``transactional_db`` so the worker sees committed rows.
    """
    from rainbow_admin.celery import app

    queue = f"{settings.CELERY_TASK_DEFAULT_QUEUE}-{os.getpid()}"
    previous = (app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    worker = Worker(smtp_server.url, queue)
    try:
        worker.start()
        yield worker
    finally:
        worker.stop()
        app.conf.task_always_eager, app.conf.task_default_queue = previous


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium, headless, driven by Playwright (no browser download)."""
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"  # Playwright's sync API runs an event loop
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=os.environ.get("CHROMIUM", "/usr/bin/chromium"),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15000)
    errors: list[str] = []
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    page.console_errors = errors
    yield page
    context.close()


def sign_in(page, email: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", email)
    page.fill("input[name=password]", password)
    page.click("form.card button[type=submit]")
    page.wait_for_load_state()
