"""A real webhook receiver on loopback, and a real worker allowed to deliver to it."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings
from standardwebhooks.webhooks import Webhook

from tests.conftest import Worker, free_port
from tests.reliability.conftest import broker  # noqa: F401  (the fixture, for outage tests)

# What the worker is started with: loopback allowed, retries after 1 s, 2 s and 3 s.
WORKER_ENV = {
    "WEBHOOK_ALLOW_PRIVATE_URLS": "1",
    "WEBHOOK_RETRY_SCHEDULE": "1,2,3",
    "WEBHOOK_TIMEOUT_SECONDS": "5",
    "WEBHOOK_ATTEMPT_LEASE_SECONDS": "8",
}


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    @property
    def event(self) -> dict:
        return json.loads(self.body)

    def verify(self, secret: str) -> dict:
        """The payload, if ``standardwebhooks`` accepts its signature with ``secret``."""
        return Webhook(secret).verify(self.body, self.headers)


class Receiver:
    """A ``ThreadingHTTPServer`` keeping each POST; ``answers`` are the statuses it gives in
    turn (200 once they run out), ``delay`` seconds it waits before answering."""

    def __init__(self) -> None:
        self.port = free_port()
        self.received: list[Received] = []
        self.answers: list[int] = []
        self.delay = 0.0
        self.answer_body = b"thanks"
        self._lock = threading.Lock()
        self.server: ThreadingHTTPServer | None = None
        self.refused: list[Received] = []
        self.arrived = 0  # requests whose body was read, answered or not yet

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/hooks"

    def start(self) -> None:
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                with receiver._lock:
                    receiver.arrived += 1
                if receiver.delay:
                    time.sleep(receiver.delay)
                with receiver._lock:
                    status = receiver.answers.pop(0) if receiver.answers else 200
                    if 200 <= status < 300:
                        receiver.received.append(
                            Received(self.path, dict(self.headers.items()), body)
                        )
                    else:
                        receiver.refused.append(
                            Received(self.path, dict(self.headers.items()), body)
                        )
                self.send_response(status)
                self.send_header("Content-Length", str(len(receiver.answer_body)))
                self.end_headers()
                self.wfile.write(receiver.answer_body)

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None

    def wait_for(self, count: int, timeout: float = 30) -> list[Received]:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self._lock:
                if len(self.received) >= count:
                    return list(self.received)
            time.sleep(0.05)
        with self._lock:
            got = [r.event["type"] for r in self.received]
        raise AssertionError(f"expected {count} webhooks, got {len(got)}: {got}")

    def types(self) -> list[str]:
        with self._lock:
            return [r.event["type"] for r in self.received]


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    server = Receiver()
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def receiver_down() -> Iterator[Receiver]:
    """A receiver whose port nobody listens on until the test calls ``start()``."""
    server = Receiver()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture
def allow_loopback(settings):
    settings.WEBHOOK_ALLOW_PRIVATE_URLS = True


@pytest.fixture
def webhook_worker(transactional_db, smtp_server, monkeypatch, allow_loopback) -> Iterator[Worker]:
    """A real worker (tests/conftest.py) allowed to deliver to loopback, retrying quickly."""
    from rainbow_admin.celery import app

    for name, value in WORKER_ENV.items():
        monkeypatch.setenv(name, value)
    queue = f"{settings.CELERY_TASK_DEFAULT_QUEUE}-webhooks-{os.getpid()}"
    previous = (app.conf.task_always_eager, app.conf.task_default_queue)
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    worker = Worker(smtp_server.url, queue)
    try:
        worker.start()
        yield worker
    finally:
        worker.kill()
        worker.stop()
        app.conf.task_always_eager, app.conf.task_default_queue = previous


def wait_settled(timeout: float = 30) -> None:
    """Wait until no delivery is pending (the worker has written every outcome)."""
    from webhooks.models import Delivery

    deadline = time.monotonic() + timeout
    while Delivery.objects.filter(status="pending").exists():
        if time.monotonic() > deadline:
            raise AssertionError("deliveries still pending")
        time.sleep(0.05)
