#!/usr/bin/env python
"""Where each benchmark target spends its time: SQL against Python, query by query.

Runs in-process (Django's test client, DEBUG off, same settings as ``run.py``) over the bulk
database, as the benchmark actors of ``seed_bulk``. For each target of ``run.py`` it prints the
median wall time of a request, the CPU time of our process and the part of it spent rendering
templates, the time spent in SQL, the cost
(CPU plus SQL) relative to the floor's, the number of queries and the slowest ones, so a missed
target comes with the profile that explains it. Under wrk the two cores are the bottleneck, so
the cost ratio predicts the p50 ratio of ``run.py`` (which adds the load tool's own share).

    benchmarks/profile.py                       # every target, 20 requests each
    benchmarks/profile.py --only dashboard -n 50 --sql
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
import urllib.parse
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/rainbow_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    parser.add_argument("-n", type=int, default=20, help="requests per target")
    parser.add_argument("--only", help="profile only the targets whose name contains this")
    parser.add_argument("--sql", action="store_true", help="print every query of one request")
    args = parser.parse_args()

    from benchmarks.run import BENCH_OPERATOR, TARGETS, environment

    os.environ.update(environment(args.database_url, args.redis_url))
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rainbow_admin.settings")
    import django

    django.setup()
    from django.db import connection
    from django.template.backends.django import Template
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from companies.models import User
    from companies.services import api_token_create
    from rainbow_admin.management.commands.seed_bulk import (
        BENCH_ADMIN,
        BENCH_PASSWORD,
        BENCH_RESELLER,
    )

    admin = User.objects.get(email=BENCH_ADMIN)
    reseller = User.objects.get(email=BENCH_RESELLER)
    clients = {}
    for actor, user in (("admin", admin), ("reseller", reseller)):
        client = Client()
        client.force_login(user)
        clients[actor] = client
        _token, raw = api_token_create(user=user, name="profile", expires_at=None)
        clients[f"{actor}_api"] = Client(headers={"Authorization": f"Bearer {raw}"})
    operator = User.objects.filter(email=BENCH_OPERATOR).first()
    if operator is None:
        operator = User.objects.create_superuser(BENCH_OPERATOR, BENCH_PASSWORD, name="Bench")
    clients["operator"] = Client()
    clients["operator"].force_login(operator)

    # Time spent rendering templates (the outermost render of a request; includes inside it).
    rendering = {"depth": 0, "seconds": 0.0}
    render = Template.render

    def timed_render(self, *args, **kwargs):
        rendering["depth"] += 1
        started = time.process_time()
        try:
            return render(self, *args, **kwargs)
        finally:
            rendering["depth"] -= 1
            if rendering["depth"] == 0:
                rendering["seconds"] += time.process_time() - started

    Template.render = timed_render

    print(
        f"{'target':<22} {'wall ms':>7} {'cpu ms':>7} {'tpl ms':>7} {'sql ms':>7} {'cost':>5}"
        f" {'queries':>7}  slowest queries (ms)"
    )
    floor_cost = None
    for name, template, actor, _target in [("floor", "/healthz", "admin", 1), *TARGETS]:
        if args.only and args.only not in name:
            continue
        path = urllib.parse.quote(template.format(company=admin.company_id), safe="/?=&")
        client = clients[actor]
        client.get(path)  # warm up
        walls, cpus, sqls, templates = [], [], [], []
        for _ in range(args.n):
            with CaptureQueriesContext(connection) as captured:
                started, cpu_started = time.perf_counter(), time.process_time()
                rendering["seconds"] = 0.0
                response = client.get(path)
                templates.append(rendering["seconds"] * 1000)
                walls.append((time.perf_counter() - started) * 1000)
                cpus.append((time.process_time() - cpu_started) * 1000)
            assert response.status_code == 200, (path, response.status_code)
            sqls.append(sum(float(q["time"]) for q in captured.captured_queries) * 1000)
        queries = sorted(captured.captured_queries, key=lambda q: -float(q["time"]))
        slowest = ", ".join(f"{float(q['time']) * 1000:.1f}" for q in queries[:4])
        # What a request costs the two cores: our Python plus PostgreSQL's work (its SQL time).
        cost = statistics.median(cpus) + statistics.median(sqls)
        floor_cost = floor_cost or cost
        print(
            f"{name:<22} {statistics.median(walls):7.1f} {statistics.median(cpus):7.1f}"
            f" {statistics.median(templates):7.1f} {statistics.median(sqls):7.1f}"
            f" {cost / floor_cost:5.1f} {len(queries):7d}  {slowest}"
        )
        if args.sql:
            for q in captured.captured_queries:
                print(f"    {float(q['time']) * 1000:7.2f} ms  {q['sql'][:400]}")


if __name__ == "__main__":
    main()
