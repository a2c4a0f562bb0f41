"""Fault injection on real services: a Redis broker of our own, real workers, a real SMTP server.

The machine's shared Redis is never stopped: each test starts its own ``redis-server`` on a free
port, points the test process's Celery app and its workers at it, and stops or kills it at will.
"""

from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from email import message_from_bytes, policy
from pathlib import Path

import pytest
import redis
from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP

from tests.conftest import SmtpInbox, Worker, free_port


def wait_until(condition: Callable[[], object], *, timeout: float, what: str) -> object:
    """Poll ``condition`` every 50 ms until it is truthy; fail with ``what`` at the deadline."""
    deadline = time.monotonic() + timeout
    while True:
        result = condition()
        if result:
            return result
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        time.sleep(0.05)


class RedisServer:
    """A ``redis-server`` subprocess of this test, on a free loopback port, without persistence."""

    def __init__(self) -> None:
        self.port = free_port()
        self.process: subprocess.Popen | None = None
        self.log_path = Path(tempfile.gettempdir()) / f"rainbow-redis-{self.port}.log"

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> None:
        with open(self.log_path, "ab") as log:
            self.process = subprocess.Popen(
                [
                    "redis-server",
                    "--port",
                    str(self.port),
                    "--bind",
                    "127.0.0.1",
                    "--save",
                    "",
                    "--appendonly",
                    "no",
                    "--daemonize",
                    "no",
                ],
                stdout=log,
                stderr=subprocess.STDOUT,
            )
        wait_until(self._answers, timeout=10, what=f"redis-server on port {self.port}")

    def _answers(self) -> bool:
        if self.process.poll() is not None:
            raise RuntimeError(f"redis-server stopped at start; see {self.log_path}")
        try:
            return self.client().ping()
        except redis.ConnectionError:
            return False

    def client(self) -> redis.Redis:
        return redis.Redis(port=self.port, socket_connect_timeout=1, socket_timeout=2)

    def crash(self) -> None:
        """Kill the broker at once (SIGKILL): everything it held is gone, like a lost host."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def unacked(self) -> set[bytes]:
        """Delivery tags of the messages handed to a worker and not acknowledged yet."""
        return set(self.client().hkeys("unacked"))

    def pending(self, queue: str, orphans: frozenset[bytes] = frozenset()) -> int:
        """Messages waiting in ``queue`` plus those held by a worker, except ``orphans``."""
        return self.client().llen(queue) + len(self.unacked() - orphans)


def forget_broker_connections() -> None:
    """Close every pooled broker connection and forget the pools, so the next publish connects
    to the URL configured then. (Closing only the app's pool is not enough: kombu keeps it in a
    registry by URL and would hand the closed pool back when the app returns to that URL.)"""
    from kombu import pools

    from rainbow_admin.celery import app

    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


@pytest.fixture
def broker(transactional_db) -> Iterator[Broker]:
    """Our own Redis broker; the test process publishes to it for the duration of the test."""
    from rainbow_admin.celery import app

    server = RedisServer()
    server.start()
    queue = f"reliability-{os.getpid()}-{server.port}"
    previous = (app.conf.broker_url, app.conf.task_always_eager, app.conf.task_default_queue)
    forget_broker_connections()
    app.conf.broker_url = server.url
    app.conf.task_always_eager = False
    app.conf.task_default_queue = queue
    broker = Broker(server=server, queue=queue)
    try:
        yield broker
    finally:
        for worker in broker.workers:
            worker.kill()
            worker.stop()
        forget_broker_connections()
        app.conf.broker_url, app.conf.task_always_eager, app.conf.task_default_queue = previous
        server.crash()


@contextmanager
def environment(**values: str) -> Iterator[None]:
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@dataclass
class Broker:
    server: RedisServer
    queue: str
    workers: list[Worker] = field(default_factory=list)

    def start_worker(self, smtp_url: str, **env: str) -> Worker:
        """A real worker (``tests.conftest.Worker``) consuming from this broker, sending to SMTP.

        Started with ``REDIS_URL`` pointing here, plus ``env`` (e.g. ``OUTBOX_MAX_ATTEMPTS``); the
        fixture kills it at the end whatever happens.
        """
        worker = Worker(smtp_url, self.queue)
        self.workers.append(worker)
        with environment(REDIS_URL=self.server.url, **env):
            worker.start()
        return worker

    def wait_idle(self, timeout: float = 30, orphans: frozenset[bytes] = frozenset()) -> None:
        """Wait until no task is queued, held by a worker or due later (seen twice, 100 ms apart).

        ``orphans``: messages a killed worker held; Redis keeps them unacknowledged until the
        visibility timeout (an hour) and then hands them out again.
        """

        def idle() -> bool:
            if self.server.pending(self.queue, orphans):
                return False
            time.sleep(0.1)
            return self.server.pending(self.queue, orphans) == 0

        wait_until(idle, timeout=timeout, what="the broker to have no task left")

    def redeliver(self, orphans: frozenset[bytes]) -> None:
        """Do to ``orphans`` what Redis does after the visibility timeout: queue them again."""
        client = self.server.client()
        for tag in orphans:
            payload, _exchange, routing_key = json.loads(client.hget("unacked", tag))
            client.lpush(routing_key or self.queue, json.dumps(payload))
            client.hdel("unacked", tag)
            client.zrem("unacked_index", tag)


@dataclass
class Received:
    message_id: str
    to: str
    peer: tuple
    at: float


class TrackingSMTP(SMTP):
    """aiosmtpd's SMTP session, telling the inbox when a client's connection ends."""

    def connection_lost(self, error: Exception | None) -> None:
        self.event_handler.session_ended(self.session.peer)
        super().connection_lost(error)


class TrackingController(Controller):
    def factory(self) -> SMTP:
        return TrackingSMTP(self.handler, **self.SMTP_kwargs)


class Inbox(SmtpInbox):
    """The loopback SMTP server, plus: a reply delay, a stop/start on the same port, and a record
    of who delivered each message (the client's address) and how each connection ended."""

    def __init__(self, delay: float = 0) -> None:
        super().__init__()
        self.delay = delay
        self.received: list[Received] = []
        self.quit: set[tuple] = set()  # connections closed with QUIT
        self.ended: dict[tuple, float] = {}  # every ended connection, when
        self.on_message: Callable[[Received], None] | None = None
        self.controller = TrackingController(self, hostname="127.0.0.1", port=self.port)
        self.running = False

    def start(self) -> None:
        self.controller.start()
        self.running = True

    def stop(self) -> None:
        """Stop listening (connections are then refused); ``start`` listens again on the port."""
        if self.running:
            self.controller.stop()
            self.running = False
            self.controller = TrackingController(self, hostname="127.0.0.1", port=self.port)

    async def handle_DATA(self, server, session, envelope):
        if self.refuse:
            return "451 Try again later"
        # The server finishes storing a message whose data has ended even if the client leaves
        # before the reply (what email_deliver relies on): aiosmtpd cancels the session's handler
        # when the connection is lost, so the storing is shielded from that.
        await asyncio.shield(self._store(envelope.content, session.peer))
        return "250 OK"

    async def _store(self, content: bytes, peer: tuple) -> None:
        if self.delay:
            await asyncio.sleep(self.delay)
        message = message_from_bytes(content, policy=policy.default)
        received = Received(message["Message-ID"], message["To"], peer, time.monotonic())
        with self._lock:
            self.messages.append(message)
            self.received.append(received)
        if self.on_message is not None:
            self.on_message(received)

    async def handle_QUIT(self, server, session, envelope):
        self.quit.add(session.peer)
        return "221 Bye"

    def session_ended(self, peer: tuple) -> None:
        self.ended[peer] = time.monotonic()

    def count(self) -> int:
        with self._lock:
            return len(self.messages)


@pytest.fixture
def inbox() -> Iterator[Inbox]:
    """A real SMTP server on loopback, not yet listening: the test starts it (and may stop it)."""
    server = Inbox()
    try:
        yield server
    finally:
        server.stop()


END_OF_DATA = b"\r\n.\r\n"


class SmtpRelay:
    """A TCP relay between clients and the SMTP server that can cut a session at one point: just
    before the client's end of the data (``<CRLF>.<CRLF>``) reaches the server.

    ``before_end_of_data(n)`` is called when the n-th end of the data (counted over all sessions)
    arrives from a client, before it is passed on; returning True closes both sides there, so the
    server sees the message's data never end, as when the sender dies before sending those bytes.
    It follows plain SMTP as smtplib speaks it (one command at a time, no pipelining, a DATA that
    the server accepts).
    """

    def __init__(self, server_port: int) -> None:
        self.server_port = server_port
        self.ends_of_data = 0
        self.before_end_of_data: Callable[[int], bool] | None = None
        self._listener = socket.create_server(("127.0.0.1", 0))
        self.port = self._listener.getsockname()[1]
        self._sockets: list[socket.socket] = []
        self._lock = threading.Lock()
        threading.Thread(target=self._accept, daemon=True).start()

    @property
    def url(self) -> str:
        return f"smtp://127.0.0.1:{self.port}"

    def close(self) -> None:
        self._listener.close()
        for sock in self._sockets:
            self._close(sock)

    @staticmethod
    def _close(sock: socket.socket) -> None:
        with suppress(OSError):
            sock.shutdown(socket.SHUT_RDWR)
        sock.close()

    def _accept(self) -> None:
        while True:
            try:
                client, _address = self._listener.accept()
            except OSError:
                return
            server = socket.create_connection(("127.0.0.1", self.server_port))
            self._sockets += [client, server]
            threading.Thread(target=self._replies, args=(server, client), daemon=True).start()
            threading.Thread(target=self._commands, args=(client, server), daemon=True).start()

    def _replies(self, server: socket.socket, client: socket.socket) -> None:
        try:
            while chunk := server.recv(65536):
                client.sendall(chunk)
        except OSError:
            pass
        self._close(client)

    def _commands(self, client: socket.socket, server: socket.socket) -> None:
        buffer, in_data = b"", False
        try:
            while chunk := client.recv(65536):
                buffer += chunk
                while buffer:
                    if not in_data:
                        line_end = buffer.find(b"\r\n")
                        if line_end < 0:
                            break
                        line, buffer = buffer[: line_end + 2], buffer[line_end + 2 :]
                        server.sendall(line)
                        in_data = line.strip().upper() == b"DATA"
                        continue
                    end = buffer.find(END_OF_DATA)
                    if end < 0:  # pass the data on, but what may be the start of the end
                        keep = max(len(buffer) - len(END_OF_DATA) + 1, 0)
                        server.sendall(buffer[:keep])
                        buffer = buffer[keep:]
                        break
                    server.sendall(buffer[:end])
                    with self._lock:
                        self.ends_of_data += 1
                        number = self.ends_of_data
                    if self.before_end_of_data is not None and self.before_end_of_data(number):
                        self._close(client)
                        self._close(server)
                        return
                    server.sendall(END_OF_DATA)
                    buffer, in_data = buffer[end + len(END_OF_DATA) :], False
        except OSError:
            pass
        self._close(server)


@pytest.fixture
def relay(inbox) -> Iterator[SmtpRelay]:
    """A relay in front of ``inbox`` (which the test starts)."""
    relay = SmtpRelay(inbox.port)
    try:
        yield relay
    finally:
        relay.close()


@pytest.fixture
def outbox_settings(settings):
    """Emails left queued are re-queued at once by the job; as in the workers, 1 s retry base."""
    from datetime import timedelta

    settings.OUTBOX_REQUEUE_AFTER = timedelta(0)
    settings.OUTBOX_RETRY_BASE_SECONDS = 1
    return settings
