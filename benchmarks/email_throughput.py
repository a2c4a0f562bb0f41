#!/usr/bin/env python
"""Email throughput: N partner-invitation emails through the outbox, a real Celery worker and a
real SMTP server on loopback, against the floor: the same messages sent with plain smtplib in one
process over one connection.

    benchmarks/email_throughput.py --count 10000

The outbox rows are written by the real invitation service (``partners.services.invitation_send``,
one request to a reseller with 100 admins per 100 emails; see ``benchmarks/email_messages.py``).
Reports both durations, the ratio (target: at most 3), and checks by Message-ID that every email
arrived exactly once (``lost``, ``doubled``). Prints a one-line summary and writes
``benchmarks/results/email.json``. Uses its own database (recreated) and Redis database.
"""

from __future__ import annotations

import argparse
import json
import os
import smtplib
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from collections import Counter
from email import message_from_bytes, policy
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


class Inbox:
    def __init__(self) -> None:
        self.ids: Counter[str] = Counter()
        self.lock = threading.Lock()

    async def handle_DATA(self, server, session, envelope):
        message = message_from_bytes(envelope.content, policy=policy.default)
        with self.lock:
            self.ids[message["Message-ID"]] += 1
        return "250 OK"

    def total(self) -> int:
        with self.lock:
            return sum(self.ids.values())


def wait_for(inbox: Inbox, count: int, timeout: float) -> float:
    started = time.monotonic()
    while inbox.total() < count:
        if time.monotonic() - started > timeout:
            raise SystemExit(f"only {inbox.total()} of {count} emails arrived in {timeout:.0f}s")
        time.sleep(0.05)
    return time.monotonic()


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/rainbow_bench_email"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/10")
    parser.add_argument("--concurrency", type=int, default=2, help="worker processes")
    parser.add_argument("--output", default=str(ROOT / "benchmarks" / "results" / "email.json"))
    args = parser.parse_args()
    load_before = os.getloadavg()[0]

    from aiosmtpd.controller import Controller

    inbox = Inbox()
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        # As measured so far: the development settings (DEBUG is off unless asked for).
        "DEBUG": os.environ.get("DEBUG", "1"),
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "CELERY_QUEUE": "email-bench",
        "LOG_LEVEL": "WARNING",
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
    from django.db import transaction

    from benchmarks.email_messages import prepare_emails
    from notifications.models import OutboundEmail
    from notifications.services import message_of
    from rainbow_admin.celery import app

    # The same messages, rendered once: the outbox rows the invitation service writes. Their
    # deliveries are queued on commit; the queue is emptied so the measured run queues each once.
    started = time.monotonic()
    with transaction.atomic():
        requests = prepare_emails(args.count)
    app.control.purge()
    emails = list(OutboundEmail.objects.order_by("created_at"))
    assert len(emails) == args.count, len(emails)
    print(
        f"prepared {len(emails)} invitation emails from {requests} partner requests "
        f"in {time.monotonic() - started:.0f}s",
        file=sys.stderr,
    )

    # Floor: plain smtplib, one process, one connection.
    started = time.monotonic()
    with smtplib.SMTP("127.0.0.1", port) as smtp:
        for email in emails:
            smtp.send_message(message_of(email).message())
    floor_end = wait_for(inbox, args.count, 600)
    floor = floor_end - started
    inbox.ids.clear()

    # Outbox: queue every email, a real worker delivers them.
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "rainbow_admin",
            "worker",
            "-Q",
            "email-bench",
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
        from notifications.tasks import deliver_email_task

        # The tasks are published as the services do after their commits, with the worker not
        # consuming yet: publishing is the web request's cost, and doing it here during the run
        # would take the GIL from the SMTP server in this process. Then the worker starts.
        app.control.cancel_consumer("email-bench", reply=True)
        for email in emails:
            deliver_email_task.delay(str(email.id))
        started = time.monotonic()
        app.control.add_consumer("email-bench", reply=True)
        outbox_end = wait_for(inbox, args.count, 1800)
        outbox = outbox_end - started
        time.sleep(2)  # anything sent twice would arrive now
    finally:
        worker.terminate()
        worker.wait(timeout=60)
        controller.stop()
    expected = {email.message_id for email in emails}
    report = {
        "count": args.count,
        "emails": "partner invitations (partners.services.invitation_send)",
        "floor_s": round(floor, 2),
        "outbox_s": round(outbox, 2),
        "ratio": round(outbox / floor, 2),
        "received": inbox.total(),
        "lost": len(expected - set(inbox.ids)),
        "doubled": sum(1 for count in inbox.ids.values() if count > 1),
        "unexpected": len(set(inbox.ids) - expected),
        "marked_sent": OutboundEmail.objects.filter(status="sent").count(),
        "worker_concurrency": args.concurrency,
        "load_average_1m_before": load_before,
        "load_average_1m_after": os.getloadavg()[0],
    }
    print(
        f"email throughput: {args.count} invitation emails, outbox {outbox:.1f}s, "
        f"floor {floor:.1f}s, ratio {outbox / floor:.2f}, lost {report['lost']}, "
        f"doubled {report['doubled']}, worker concurrency {args.concurrency}"
    )
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
