#!/usr/bin/env python
"""Webhook throughput: N events to one receiver on loopback through the outbox rows, a real
Celery worker and the signed delivery, against the floor: the same bodies posted by a plain
``requests`` loop in one process (one keep-alive session).

    benchmarks/webhook_throughput.py --count 10000

The events are written by ``webhooks.events.event_record`` (a ``member.added`` payload each), in
transactions of 500; their deliveries are published as the services do after commit, with the
worker not consuming yet, then the worker starts. Reports both durations, the ratio (target: at
most 2), and checks by ``webhook-id`` that every event arrived once (``lost``, ``doubled``) with a
signature ``standardwebhooks`` verifies. Writes ``benchmarks/results/webhooks.json``. Uses its own
database (recreated) and Redis database.
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Receiver:
    """Counts each ``webhook-id`` it is posted; verifies one signature in 50."""

    def __init__(self, secret: str | None = None) -> None:
        self.ids: Counter[str] = Counter()
        self.bad_signatures = 0
        self.secret = secret
        self.lock = threading.Lock()
        with socket.socket() as sock:
            sock.bind(("127.0.0.1", 0))
            self.port = sock.getsockname()[1]
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["Content-Length"]))
                message_id = self.headers.get("webhook-id", "")
                with receiver.lock:
                    receiver.ids[message_id] += 1
                    check = receiver.secret and sum(receiver.ids.values()) % 50 == 0
                if check:
                    from standardwebhooks.webhooks import Webhook

                    try:
                        Webhook(receiver.secret).verify(body, dict(self.headers.items()))
                    except Exception:
                        with receiver.lock:
                            receiver.bad_signatures += 1
                self.send_response(204)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", self.port), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def total(self) -> int:
        with self.lock:
            return sum(self.ids.values())

    def wait_for(self, count: int, timeout: float) -> float:
        started = time.monotonic()
        while self.total() < count:
            if time.monotonic() - started > timeout:
                raise SystemExit(f"only {self.total()} of {count} webhooks in {timeout:.0f}s")
            time.sleep(0.05)
        return time.monotonic()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/rainbow_bench_webhooks"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/11")
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results" / "webhooks.json"))
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    receiver = Receiver()
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "CELERY_QUEUE": "webhook-bench",
        "LOG_LEVEL": "WARNING",
        "WEBHOOK_ALLOW_PRIVATE_URLS": "1",
        "WEBHOOK_MAX_IN_FLIGHT_PER_ENDPOINT": str(args.concurrency),
    }
    os.environ.update(env)
    name = urllib.parse.urlparse(args.database_url).path.lstrip("/")
    subprocess.run(
        [
            "psql",
            "-h",
            "127.0.0.1",
            "-U",
            "postgres",
            "-qc",
            f"DROP DATABASE IF EXISTS {name}",
            "-c",
            f"CREATE DATABASE {name}",
        ],
        check=True,
    )
    subprocess.run([sys.executable, "manage.py", "migrate", "-v0"], cwd=ROOT, env=env, check=True)

    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rainbow_admin.settings")
    django.setup()
    import requests
    from django.db import transaction

    from companies.models import Company, User
    from rainbow_admin.celery import app
    from webhooks import payloads
    from webhooks.events import DELIVER_TASK, event_record
    from webhooks.models import Delivery, Endpoint
    from webhooks.services import new_secret, signature

    company = Company.objects.create(name="Bench GmbH", kind="customer", country="DE")
    endpoint = Endpoint.objects.create(
        company=company,
        url=f"http://127.0.0.1:{receiver.port}/hooks",
        events=["*"],
        secret=new_secret(),
    )
    receiver.secret = endpoint.secret
    person = User(email="bench@bench.example", name="Bench Person", company=company)
    started = time.monotonic()
    app.control.cancel_consumer("webhook-bench", reply=True)
    for first in range(0, args.count, 500):
        with transaction.atomic():
            for n in range(first, min(first + 500, args.count)):
                person.email = f"person{n}@bench.example"
                event_record(
                    company=company, type="member.added", data=payloads.member(person, company)
                )
    app.control.purge()
    deliveries = list(Delivery.objects.select_related("event", "endpoint").order_by("created_at"))
    assert len(deliveries) == args.count, len(deliveries)
    print(f"recorded {args.count} events in {time.monotonic() - started:.0f}s", file=sys.stderr)

    # Floor: a plain requests loop posting the same bodies (signed the same way), one session.
    from django.utils import timezone

    started = time.monotonic()
    with requests.Session() as session:
        for delivery in deliveries:
            moment = timezone.now()
            session.post(
                endpoint.url,
                data=delivery.event.body.encode(),
                headers={
                    "Content-Type": "application/json",
                    "webhook-id": delivery.event.message_id,
                    "webhook-timestamp": str(int(moment.timestamp())),
                    "webhook-signature": signature(
                        endpoint, delivery.event.message_id, moment, delivery.event.body
                    ),
                },
                timeout=10,
                allow_redirects=False,
            )
    floor = receiver.wait_for(args.count, 600) - started
    with receiver.lock:
        receiver.ids.clear()

    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "rainbow_admin",
            "worker",
            "-Q",
            "webhook-bench",
            f"--concurrency={args.concurrency}",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline:
                raise SystemExit("the worker did not start")
        app.control.cancel_consumer("webhook-bench", reply=True)
        for delivery in deliveries:  # what the services' on_commit does
            app.send_task(DELIVER_TASK, args=[str(delivery.pk), str(delivery.endpoint_id)])
        started = time.monotonic()
        app.control.add_consumer("webhook-bench", reply=True)
        worker_s = receiver.wait_for(args.count, 1800) - started
        time.sleep(2)  # anything sent twice would arrive now
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        receiver.server.shutdown()
    expected = {delivery.event.message_id for delivery in deliveries}
    report = {
        "count": args.count,
        "events": "member.added (webhooks.events.event_record), one endpoint",
        "floor_s": round(floor, 2),
        "worker_s": round(worker_s, 2),
        "ratio": round(worker_s / floor, 2),
        "received": receiver.total(),
        "lost": len(expected - set(receiver.ids)),
        "doubled": sum(1 for count in receiver.ids.values() if count > 1),
        "bad_signatures": receiver.bad_signatures,
        "succeeded": Delivery.objects.filter(status="succeeded").count(),
        "worker_concurrency": args.concurrency,
        "load_average_1m_before": load_before,
        "load_average_1m_after": os.getloadavg()[0],
    }
    print(
        f"webhook throughput: {args.count} events, worker {worker_s:.1f}s, floor {floor:.1f}s, "
        f"ratio {worker_s / floor:.2f}, lost {report['lost']}, doubled {report['doubled']}, "
        f"bad signatures {report['bad_signatures']}, worker concurrency {args.concurrency}"
    )
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
