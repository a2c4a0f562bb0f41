#!/usr/bin/env python
"""Measure pages and API lists over the bulk data, each against the floor (/healthz).

Starts the portal on gunicorn (DEBUG off) with PostgreSQL and Redis, signs in as the benchmark
actors of ``seed_bulk``, and drives each target with wrk on loopback for a fixed duration and
concurrency. Reports p50/p95/throughput and each target's p50 ratio to the floor measured in the
same run; writes ``benchmarks/results/latest.json`` and the table in ``benchmarks/RESULTS.md``.

    benchmarks/run.py --seed            # fresh database, seed_bulk at its default sizes, measure
    benchmarks/run.py                   # measure the database as it is
    benchmarks/run.py --seed --small    # a quick trial on small data
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import os
import platform
import re
import resource
import shutil
import signal
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
HERE = Path(__file__).resolve().parent
PORT = int(os.environ.get("BENCH_PORT", "8130"))
BASE = f"http://127.0.0.1:{PORT}"
SMALL = [
    "--companies",
    "5000",
    "--resellers",
    "100",
    "--distributors",
    "10",
    "--users",
    "50000",
    "--invitations",
    "15000",
    "--subscriptions",
    "8000",
    "--assignments",
    "50000",
    "--pbxs",
    "1000",
    "--lines",
    "25000",
]

# The aims of issue 16 (p50 ratio to the floor): portal pages, API lists, directory search and
# the operators' Django admin lists.
PAGE, API, DIRECTORY, ADMIN = 8, 4, 3, 15

# (name, path template, actor, target ratio of p50 to the floor's p50; None: a reference row,
# measured to show what signing in costs before any page or list does its own work)
TARGETS = [
    ("signed-in floor (API)", "/api/v1/me/", "admin_api", None),
    ("dashboard", "/dashboard/", "admin", PAGE),
    ("profile (a form)", "/profile/", "admin", PAGE),
    ("directory search", "/api/v1/resellers/?search=mül", "admin", DIRECTORY),
    ("issued requests", "/notifications/issued/", "admin", PAGE),
    ("received requests", "/notifications/received/", "reseller", PAGE),
    ("customers list", "/customers/", "reseller", PAGE),
    ("licenses page", "/licenses/", "admin", PAGE),
    ("API members", "/api/v1/companies/{company}/members/", "admin_api", API),
    ("API invitations", "/api/v1/invitations/?direction=issued", "admin_api", API),
    ("API customers", "/api/v1/customers/", "reseller_api", API),
    ("API subscriptions", "/api/v1/companies/{company}/subscriptions/", "admin_api", API),
    ("API notifications", "/api/v1/notifications/", "admin_api", API),
    ("admin: companies", "/admin/companies/company/", "operator", ADMIN),
    ("admin: companies by name", "/admin/companies/company/?q=muller", "operator", ADMIN),
    ("admin: people", "/admin/companies/user/", "operator", ADMIN),
    ("admin: people by email", "/admin/companies/user/?q=bench-admin@", "operator", ADMIN),
    ("admin: people by name", "/admin/companies/user/?q=anna", "operator", ADMIN),
    ("admin: partner requests", "/admin/partners/invitation/", "operator", ADMIN),
    ("admin: requests by company", "/admin/partners/invitation/?q=bench", "operator", ADMIN),
    ("admin: partner links", "/admin/partners/partnerlink/", "operator", ADMIN),
    ("admin: subscriptions", "/admin/licensing/subscription/", "operator", ADMIN),
    ("admin: assignments", "/admin/licensing/licenseassignment/", "operator", ADMIN),
    ("admin: PBXs", "/admin/telephony/pbx/", "operator", ADMIN),
    ("admin: lines", "/admin/telephony/line/", "operator", ADMIN),
    ("admin: emails", "/admin/notifications/outboundemail/", "operator", ADMIN),
    ("admin: notifications", "/admin/notifications/notification/", "operator", ADMIN),
    ("admin: activity", "/admin/notifications/activityrecord/", "operator", ADMIN),
]

# The saturating run: many more connections than workers, for a minute; nothing may pass wrk's
# 2 s timeout, nothing may fail, and p99 stays within SATURATED_P99_MS.
SATURATED = [
    ("dashboard", "/dashboard/", "admin"),
    ("API invitations", "/api/v1/invitations/?direction=issued", "admin_api"),
]
SATURATED_P99_MS = 1000

# The operator the admin lists are measured as (seed_bulk makes company people only).
BENCH_OPERATOR = "bench-operator@bench.example"


def environment(database_url: str, redis_url: str) -> dict[str, str]:
    return {
        **os.environ,
        "DATABASE_URL": database_url,
        "REDIS_URL": redis_url,
        "DEBUG": "0",
        "SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        # DEBUG=0 refuses the console email transport (it would print links): kept in memory.
        "EMAIL_URL": "memorymail://",
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": BASE,
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        "CONN_MAX_AGE": "60",
        "LOG_LEVEL": "WARNING",
    }


def manage(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return result.stdout


def session_cookie(email: str, password: str) -> str:
    jar = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
    page = opener.open(f"{BASE}/accounts/login/").read().decode()
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    data = urllib.parse.urlencode(
        {"csrfmiddlewaretoken": token, "username": email, "password": password}
    )
    request = urllib.request.Request(
        f"{BASE}/accounts/login/", data=data.encode(), headers={"Referer": BASE}
    )
    opener.open(request).read()
    cookies = {cookie.name: cookie.value for cookie in jar}
    if "sessionid" not in cookies:
        raise SystemExit(f"could not sign in as {email}")
    return "; ".join(f"{k}={v}" for k, v in cookies.items())


def api_token(email: str, password: str) -> str:
    request = urllib.request.Request(
        f"{BASE}/api/v1/auth/token/",
        data=json.dumps({"email": email, "password": password}).encode(),
        headers={"Content-Type": "application/json"},
    )
    return json.load(urllib.request.urlopen(request))["token"]


def wrk(path: str, header: str | None, duration: int, connections: int) -> dict:
    command = [
        "wrk",
        "-t2",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "2s",
        "--latency",
        "-s",
        str(HERE / "latency.lua"),
    ]
    if header:
        command += ["-H", header]
    output = subprocess.run(
        [*command, BASE + path], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


CLOCK_TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(server_pid: int) -> dict[int, tuple[str, float]]:
    """CPU time used so far by each process of the portal (gunicorn's), PostgreSQL and Redis,
    read from /proc, and by the load tool (finished child processes of this script, as pid 0)."""
    used: dict[int, tuple[str, float]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            text = stat.read_text()
        except OSError:  # the process ended meanwhile
            continue
        name = text[text.index("(") + 1 : text.rindex(")")]
        fields = text[text.rindex(")") + 2 :].split()
        pid, ppid = int(stat.parent.name), int(fields[1])
        seconds = (int(fields[11]) + int(fields[12])) / CLOCK_TICKS  # utime + stime
        if server_pid in (pid, ppid):
            used[pid] = ("portal", seconds)
        elif name.startswith("postgres"):
            used[pid] = ("postgres", seconds)
        elif name.startswith("redis-server"):
            used[pid] = ("redis", seconds)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    used[0] = ("wrk", children.ru_utime + children.ru_stime)
    return used


def measure(path: str, header: str | None, duration: int, connections: int, server_pid: int):
    """wrk's figures for ``path`` plus the CPU milliseconds each request cost, per process."""
    before = cpu_seconds(server_pid)
    result = wrk(path, header, duration, connections)
    after = cpu_seconds(server_pid)
    spent = dict.fromkeys(("portal", "postgres", "redis", "wrk"), 0.0)
    for pid, (group, seconds) in after.items():  # a process that ended meanwhile is left out
        spent[group] += seconds - before.get(pid, (group, 0.0))[1]
    requests = max(result["requests"], 1)
    result["cpu_ms"] = {group: round(s * 1000 / requests, 3) for group, s in spent.items()}
    return result


def status_of(path: str, header: str | None) -> int:
    request = urllib.request.Request(BASE + path)
    if header:
        name, value = header.split(": ", 1)
        request.add_header(name, value)
    try:
        return urllib.request.urlopen(request).status
    except urllib.error.HTTPError as exc:
        return exc.code


def machine() -> dict[str, str]:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        line.split(":", 1)[1].strip()
        for line in Path("/proc/meminfo").read_text().splitlines()
        if line.startswith("MemTotal")
    )
    postgres = subprocess.run(["psql", "--version"], capture_output=True, text=True).stdout.strip()
    return {
        "cpu": cpu,
        "cores": str(os.cpu_count()),
        "memory": memory,
        "python": platform.python_version(),
        "postgres": postgres,
        "kernel": platform.release(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--database-url", default="postgres://postgres@127.0.0.1:5432/rainbow_bench"
    )
    parser.add_argument("--redis-url", default="redis://127.0.0.1:6379/9")
    parser.add_argument(
        "--seed", action="store_true", help="recreate the database and load seed_bulk"
    )
    parser.add_argument(
        "--small", action="store_true", help="with --seed: small sizes for a quick trial"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per target")
    parser.add_argument("--connections", type=int, default=8)
    parser.add_argument(
        "--saturate", type=int, default=60, help="seconds of the saturating run (0: none)"
    )
    parser.add_argument("--saturate-connections", type=int, default=100)
    parser.add_argument("--only", help="measure only the targets whose name contains this")
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers")
    parser.add_argument("--output", default=str(HERE / "results" / "latest.json"))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install wrk")
    env = environment(args.database_url, args.redis_url)
    if args.seed:
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
        manage(env, "migrate", "--noinput", "-v0")
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "manage.py", "seed_bulk", *(SMALL if args.small else [])],
            cwd=ROOT,
            env=env,
            check=True,
        )
        print(f"seed_bulk took {time.monotonic() - started:.0f}s")
    manage(env, "collectstatic", "--noinput", "-v0")
    manage(env, "compilemessages", "--ignore=.venv", "-v0")

    from rainbow_admin.management.commands.seed_bulk import (
        BENCH_ADMIN,
        BENCH_PASSWORD,
        BENCH_RESELLER,
    )

    manage(
        env,
        "shell",
        "-c",
        "from companies.models import User\n"
        f"if not User.objects.filter(email={BENCH_OPERATOR!r}).exists():\n"
        f"    User.objects.create_superuser({BENCH_OPERATOR!r}, {BENCH_PASSWORD!r}, name='Bench')",
    )

    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "rainbow_admin.wsgi:application",
            "--bind",
            f"127.0.0.1:{PORT}",
            "--workers",
            str(args.workers),
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=env,
    )
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"{BASE}/healthz")
                break
            except OSError:
                time.sleep(0.2)
        headers = {
            "admin": "Cookie: " + session_cookie(BENCH_ADMIN, BENCH_PASSWORD),
            "operator": "Cookie: " + session_cookie(BENCH_OPERATOR, BENCH_PASSWORD),
            "reseller": "Cookie: " + session_cookie(BENCH_RESELLER, BENCH_PASSWORD),
            "admin_api": "Authorization: Bearer " + api_token(BENCH_ADMIN, BENCH_PASSWORD),
            "reseller_api": "Authorization: Bearer " + api_token(BENCH_RESELLER, BENCH_PASSWORD),
        }
        me = json.load(
            urllib.request.urlopen(
                urllib.request.Request(
                    f"{BASE}/api/v1/me/",
                    headers={"Authorization": headers["admin_api"].split(": ", 1)[1]},
                )
            )
        )
        company = me["company"]["id"]
        results = []
        floor = measure("/healthz", None, args.duration, args.connections, server.pid)
        results.append(
            {"name": "floor (/healthz)", "path": "/healthz", **floor, "ratio": 1.0, "target": 1}
        )
        for name, template, actor, target in TARGETS:
            if args.only and args.only not in name:
                continue
            path = urllib.parse.quote(template.format(company=company), safe="/?=&")
            status = status_of(path, headers[actor])
            if status != 200:
                results.append({"name": name, "path": path, "skipped": f"HTTP {status}"})
                print(f"{name:<22} skipped: HTTP {status}")
                continue
            wrk(path, headers[actor], 2, args.connections)  # warm up
            measured = measure(path, headers[actor], args.duration, args.connections, server.pid)
            ratio = measured["p50_us"] / max(floor["p50_us"], 1)
            results.append(
                {"name": name, "path": path, **measured, "ratio": round(ratio, 2), "target": target}
            )
            p50, p95 = measured["p50_us"] / 1000, measured["p95_us"] / 1000
            print(
                f"{name:<22} p50 {p50:7.1f} ms  p95 {p95:7.1f} ms  {measured['rps']:7.1f} req/s"
                f"  ratio {ratio:.2f} (target <= {target})  cpu ms {measured['cpu_ms']}"
            )
        saturated = []
        for name, template, actor in SATURATED if args.saturate else []:
            if args.only and args.only not in name:
                continue
            path = urllib.parse.quote(template.format(company=company), safe="/?=&")
            measured = measure(
                path, headers[actor], args.saturate, args.saturate_connections, server.pid
            )
            saturated.append({"name": name, "path": path, **measured})
            print(
                f"{name:<22} saturated: {measured['rps']:.1f} req/s, p50 "
                f"{measured['p50_us'] / 1000:.0f} ms, p99 {measured['p99_us'] / 1000:.0f} ms, "
                f"{measured['errors']} errors or timeouts, {measured['non_2xx']} non-2xx"
            )
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(timeout=30)
    report = {
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "machine": machine(),
        "duration_s": args.duration,
        "connections": args.connections,
        "workers": args.workers,
        "results": results,
        "saturated": saturated,
        "saturate_s": args.saturate,
        "saturate_connections": args.saturate_connections,
    }
    Path(args.output).parent.mkdir(parents=True, exist_ok=True)
    Path(args.output).write_text(json.dumps(report, indent=2))
    write_markdown(report)


def write_markdown(report: dict) -> None:
    m = report["machine"]
    lines = [
        "# Benchmark results",
        "",
        f"Latest run: {report['when']}, by `benchmarks/run.py` (wrk, "
        f"{report['connections']} connections, {report['duration_s']} s per target, gunicorn "
        f"with {report['workers']} workers, DEBUG off, PostgreSQL and Redis on loopback).",
        "",
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory']} memory; "
        f"Python {m['python']}; {m['postgres']}; Linux {m['kernel']}.",
        "",
        "| target | path | p50 ms | p95 ms | req/s | p50 / floor | target | met |",
        "|---|---|---:|---:|---:|---:|---:|---|",
    ]
    measured = [row for row in report["results"] if "skipped" not in row]
    for row in report["results"]:
        if "skipped" in row:
            lines.append(
                f"| {row['name']} | `{row['path']}` | | | | | | skipped ({row['skipped']}) |"
            )
            continue
        if row["target"] is None:
            met, target = "reference", ""
        else:
            met = "yes" if row["ratio"] <= row["target"] and row["non_2xx"] == 0 else "**no**"
            target = f"≤ {row['target']}"
        p50, p95 = row["p50_us"] / 1000, row["p95_us"] / 1000
        lines.append(
            f"| {row['name']} | `{row['path']}` | {p50:.1f} | {p95:.1f} | {row['rps']:.0f} "
            f"| {row['ratio']:.2f} | {target} | {met} |"
        )
    lines += [
        "",
        "CPU milliseconds per request, by process, measured over the same runs (the two cores "
        "are the bottleneck under load, so the p50 ratio follows the total's ratio):",
        "",
        "| target | portal (gunicorn) | PostgreSQL | Redis | wrk | total | total / floor |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    floor_total = sum(measured[0]["cpu_ms"].values()) if measured else 1
    for row in measured:
        cpu = row["cpu_ms"]
        total = sum(cpu.values())
        lines.append(
            f"| {row['name']} | {cpu['portal']:.2f} | {cpu['postgres']:.2f} | {cpu['redis']:.2f} "
            f"| {cpu['wrk']:.2f} | {total:.2f} | {total / floor_total:.1f} |"
        )
    if report.get("saturated"):
        lines += [
            "",
            f"Saturating run: {report['saturate_connections']} connections for "
            f"{report['saturate_s']} s per target; wrk counts a request past 2 s as a timeout.",
            "",
            "| target | path | req/s | p50 ms | p99 ms | max ms | timeouts and socket errors "
            "| non-2xx | met |",
            "|---|---|---:|---:|---:|---:|---:|---:|---|",
        ]
        for row in report["saturated"]:
            met = (
                row["errors"] == 0
                and row["non_2xx"] == 0
                and row["p99_us"] <= SATURATED_P99_MS * 1000
            )
            lines.append(
                f"| {row['name']} | `{row['path']}` | {row['rps']:.0f} "
                f"| {row['p50_us'] / 1000:.0f} | {row['p99_us'] / 1000:.0f} "
                f"| {row['max_us'] / 1000:.0f} | {row['errors']} | {row['non_2xx']} "
                f"| {'yes' if met else '**no**'} |"
            )
    results_md = HERE / "RESULTS.md"
    notes = ""
    if results_md.exists() and "\n## Notes" in results_md.read_text():
        notes = "\n## Notes" + results_md.read_text().split("\n## Notes", 1)[1]
    results_md.write_text("\n".join(lines) + "\n" + notes)


if __name__ == "__main__":
    main()
