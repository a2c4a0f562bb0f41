#!/usr/bin/env python
"""What a signed-in page costs, part by part: the request's frame (middleware, session, person),
the shell (menu, badge, language switch, messages), the forms, and the page's own data.

Runs in-process over the bulk database like ``profile.py`` (Django's test client, DEBUG off), as
the benchmark admin of ``seed_bulk``. Each part is timed alone, N times, median CPU milliseconds
of this process and the number of queries; SQL time is left out (PostgreSQL's share is in
``run.py``'s CPU table).

    benchmarks/page_parts.py -n 200
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
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
    parser.add_argument("-n", type=int, default=200, help="repetitions per part")
    args = parser.parse_args()

    from benchmarks.run import environment

    os.environ.update(environment(args.database_url, args.redis_url))
    os.environ["ALLOWED_HOSTS"] = "testserver"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "rainbow_admin.settings")
    import django

    django.setup()
    from django.contrib.auth.forms import PasswordChangeForm
    from django.db import connection
    from django.template import engines
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from companies.forms import ApiTokenForm, ProfileForm
    from companies.models import User
    from rainbow_admin.management.commands.seed_bulk import BENCH_ADMIN

    admin = User.objects.get(email=BENCH_ADMIN)
    client = Client()
    client.force_login(admin)
    request = client.get("/profile/").wsgi_request
    user = request.user
    engine = engines["django"]

    def template(source: str) -> Callable[[], str]:
        compiled = engine.from_string(source)
        return lambda: compiled.render({}, request)

    forms = {
        "profile": ProfileForm(initial={"name": user.name, "language": user.language}),
        "password": PasswordChangeForm(user),
        "token": ApiTokenForm(),
    }

    def form(name: str) -> Callable[[], str]:
        compiled = engine.from_string('{% include "includes/form.html" %}')
        return lambda: compiled.render({"form": forms[name]}, request)

    parts: list[tuple[str, Callable[[], object]]] = [
        ("/healthz (the floor)", lambda: client.get("/healthz")),
        ("/profile/ whole request", lambda: client.get("/profile/")),
        ("/dashboard/ whole request", lambda: client.get("/dashboard/")),
        ("frame: signed-in 404 page", lambda: client.get("/no-such-page/")),
        ("shell: app_base, empty content", template('{% extends "app_base.html" %}')),
        ("shell: base.html alone", template('{% extends "base.html" %}')),
        ("shell: language switch", template('{% include "includes/language_switch.html" %}')),
        ("shell: messages (none)", template('{% include "includes/messages.html" %}')),
        ("form: profile (2 fields)", form("profile")),
        ("form: password (3 fields)", form("password")),
        ("form: token (2 fields)", form("token")),
        (
            "data: licenses and line tags",
            template(
                "{% load licensing_tags telephony %}{% member_licenses user %}{% my_phone_line %}"
            ),
        ),
    ]
    print(f"{'part':<34} {'cpu ms':>7} {'queries':>7}")
    for name, run in parts:
        run()  # warm up
        cpus = []
        for _ in range(args.n):
            with CaptureQueriesContext(connection) as captured:
                started = time.process_time()
                run()
                cpus.append((time.process_time() - started) * 1000)
        print(f"{name:<34} {statistics.median(cpus):7.2f} {len(captured.captured_queries):7d}")


if __name__ == "__main__":
    main()
