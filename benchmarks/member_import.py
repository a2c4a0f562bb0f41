#!/usr/bin/env python
"""Member import: N people from one CSV file through a real Celery worker.

    benchmarks/member_import.py --count 10000

A company with a default subscription of N seats; the file has ``email,name,language`` (names
with umlauts and accents). The import is prepared and started by the services the page and the
API call (``rainbow_admin.members.services``); one worker (``--pool=solo``) runs it. Each person
goes through ``companies.services.member_add``: the user row, an activity entry, an activation
email written to the outbox (its delivery task queued on the batch's commit, to a queue no worker
reads here, so the figure is the import's and not the SMTP server's) and a default seat.

Measures the time from the start (the commit that queues the import) to the job's ``finished``,
and samples the worker's resident memory (VmRSS) every 0.2 s. Target: at most 60 s for 10,000
rows on the reference machine, memory flat. Prints a one-line summary and writes
``benchmarks/results/member_import.json``. Uses its own database (recreated).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

NAMES = ["Jürgen Müller", "Hélène Lefèvre", "Zoë Çelik", "Ånund Øster", "Marie-Thérèse Dupré"]


def rss_kb(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process so far (its share of a busy machine's cores)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/rainbow_bench_import"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/6")
    parser.add_argument(
        "--output", default=str(ROOT / "benchmarks" / "results" / "member_import.json")
    )
    args = parser.parse_args()
    load_before = os.getloadavg()[0]
    env = {
        **os.environ,
        "DATABASE_URL": args.database_url,
        "REDIS_URL": args.redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "0",
        "CELERY_QUEUE": "import-bench",
        "LOG_LEVEL": "WARNING",
        "DEBUG": "0",  # as in production: no query log kept per connection
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
    from django.utils import timezone

    from companies.models import Company, User
    from licensing.models import LicenseAssignment, Offer, Subscription
    from notifications.models import OutboundEmail
    from rainbow_admin.celery import app
    from rainbow_admin.members import services
    from rainbow_admin.models import MemberImport

    company = Company.objects.create(name="Bench GmbH", kind="customer", country="DE")
    admin = User.objects.create_user(
        email="admin@bench.example",
        name="Bench Admin",
        company=company,
        role="admin",
        is_active=True,
        activated_at=timezone.now(),
    )
    Subscription.objects.create(
        company=company,
        offer=Offer.objects.get(code="essential"),
        quantity=args.count,
        is_default=True,
    )
    rows = "".join(
        f"person{n}@bench.example;{NAMES[n % len(NAMES)]} {n};{('de', 'fr', 'en')[n % 3]}\r\n"
        for n in range(args.count)
    )
    data = ("\ufeffemail;name;language\r\n" + rows).encode()
    app.control.purge()

    # The worker reads the import's queue; what it queues itself (the activation emails'
    # deliveries) goes to another queue that nobody reads during the run.
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "rainbow_admin",
            "worker",
            "-Q",
            "import-bench",
            "--pool=solo",
            "--without-gossip",
            "--without-mingle",
            "--loglevel=WARNING",
        ],
        cwd=ROOT,
        env={**env, "CELERY_QUEUE": "import-bench-deliveries"},
    )
    samples: list[tuple[float, int, int]] = []
    try:
        deadline = time.monotonic() + 60
        while not app.control.ping(timeout=0.5):
            if time.monotonic() > deadline:
                raise SystemExit("the worker did not start")
        idle_rss = rss_kb(worker.pid)
        cpu_before = cpu_seconds(worker.pid)
        started = time.monotonic()
        with transaction.atomic():
            job = services.member_import_prepare(
                actor=admin, company=company, file_name="bench.csv", data=data
            )
            job = services.member_import_start(actor=admin, job=job)
        prepared = time.monotonic() - started
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                processed = MemberImport.objects.filter(pk=job.pk).values_list(
                    "processed", flat=True
                )[0]
                samples.append((time.monotonic() - started, processed, rss_kb(worker.pid)))
                time.sleep(0.2)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        while True:
            job.refresh_from_db()
            if not job.is_running:
                break
            if time.monotonic() - started > 1800:
                raise SystemExit(f"not finished after 30 minutes ({job.processed} rows)")
            time.sleep(0.1)
        elapsed = time.monotonic() - started
        worker_cpu = cpu_seconds(worker.pid) - cpu_before
        stop.set()
        sampler.join()
    finally:
        worker.terminate()
        worker.wait(timeout=60)
    rss = [kb for _t, _p, kb in samples]
    by_progress = {
        f"{share}%": next((kb for _t, p, kb in samples if p >= args.count * share / 100), None)
        for share in (10, 50, 90)
    }
    report = {
        "count": args.count,
        "status": job.status,
        "created": job.created,
        "refused": len(job.errors),
        "seconds": round(elapsed, 2),
        "prepare_seconds": round(prepared, 2),
        "rows_per_second": round(args.count / elapsed, 1),
        "worker_cpu_seconds": round(worker_cpu, 2),
        "activation_emails_queued": OutboundEmail.objects.filter(topic="activation").count(),
        "default_seats": LicenseAssignment.objects.count(),
        "worker_rss_kb_idle": idle_rss,
        "worker_rss_kb_by_progress": by_progress,
        "worker_rss_kb_peak": max(rss) if rss else None,
        "load_average_1m_before": load_before,
        "load_average_1m_after": os.getloadavg()[0],
    }
    print(
        f"member import: {args.count} rows, {job.status}, {job.created} created in "
        f"{elapsed:.1f}s ({report['rows_per_second']} rows/s, worker CPU {worker_cpu:.1f}s), "
        f"{report['activation_emails_queued']} activation emails queued, worker RSS "
        f"{idle_rss // 1024} MB idle, {by_progress} kB by progress, peak "
        f"{(report['worker_rss_kb_peak'] or 0) // 1024} MB"
    )
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2) + "\n")


if __name__ == "__main__":
    main()
