"""Scale data for benchmarks: 100,000 companies, 1,000,000 people and what they own, by default.

Rows are loaded with PostgreSQL's COPY (no model ``save``), so derived columns are written here
explicitly. Named actors the benchmarks sign in as (password ``BENCH_PASSWORD``):
- ``bench-admin@bench.example``: admin of a customer with a partner, subscriptions and 2,000
  members;
- ``bench-reseller@bench.example``: admin of a reseller with 10,000 customers.
"""

from __future__ import annotations

import csv
import io
import random
import sys
import time
import uuid
from collections.abc import Callable, Iterable, Sequence
from datetime import timedelta

from django.contrib.auth.hashers import make_password
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.utils import timezone

from companies.text import search_key

BENCH_PASSWORD = "bench-password-2026"  # noqa: S105 (a documented benchmark sign-in)
BENCH_ADMIN = "bench-admin@bench.example"
BENCH_RESELLER = "bench-reseller@bench.example"
BENCH_MEMBERS = 2_000
BENCH_CUSTOMERS = 10_000

FIRST = [
    "Müller",
    "Schmidt",
    "Dupont",
    "Lefèvre",
    "Smith",
    "García",
    "Rossi",
    "Jansen",
    "Peeters",
    "Novák",
    "Kowalski",
    "Öztürk",
    "Andersen",
    "Żak",
    "SSauer",
    "Brown",
    "Martin",
    "Weiß",
]
SECOND = [
    "Telekom",
    "Bürotechnik",
    "Conseil",
    "Services",
    "Logistics",
    "Systèmes",
    "Handel",
    "Consulting",
    "Energía",
    "Medical",
    "Software",
    "Immobilier",
    "Transport",
    "Design",
]
SUFFIX = {
    "DE": "GmbH",
    "FR": "SA",
    "GB": "Ltd",
    "ES": "SL",
    "IT": "Srl",
    "NL": "BV",
    "BE": "NV",
    "AT": "GmbH",
    "CH": "AG",
    "US": "Inc",
}
COUNTRIES = list(SUFFIX)


class Progress:
    """A one-line progress bar on stderr."""

    def __init__(self, label: str, total: int, stream=sys.stderr) -> None:
        self.label, self.total, self.stream = label, max(total, 1), stream
        self.done = 0
        self.started = time.monotonic()

    def advance(self, count: int) -> None:
        self.done += count
        share = min(self.done / self.total, 1)
        bar = "#" * int(share * 30)
        self.stream.write(f"\r{self.label:<22} [{bar:<30}] {share:6.1%} {self.done:>10,}")
        self.stream.flush()

    def finish(self) -> None:
        self.stream.write(f"  {time.monotonic() - self.started:6.1f}s\n")


def copy_rows(
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence],
    progress: Progress,
    chunk: int = 50_000,
) -> int:
    """COPY ``rows`` into ``table`` in chunks; ``None`` is written as NULL."""
    total = 0
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    pending = 0

    def flush() -> None:
        nonlocal pending
        buffer.seek(0)
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                f"COPY {table} ({', '.join(columns)}) FROM STDIN WITH (FORMAT csv, NULL '\\N')",
                buffer,
            )
        progress.advance(pending)
        buffer.seek(0)
        buffer.truncate()
        pending = 0

    for row in rows:
        writer.writerow(["\\N" if value is None else value for value in row])
        pending += 1
        total += 1
        if pending >= chunk:
            flush()
    if pending:
        flush()
    progress.finish()
    return total


class Command(BaseCommand):
    help = "Load scale data for benchmarks (PostgreSQL only); sizes are options."

    def add_arguments(self, parser):
        parser.add_argument("--companies", type=int, default=100_000)
        parser.add_argument("--resellers", type=int, default=2_000)
        parser.add_argument("--distributors", type=int, default=200)
        parser.add_argument("--users", type=int, default=1_000_000)
        parser.add_argument("--invitations", type=int, default=300_000)
        parser.add_argument("--subscriptions", type=int, default=150_000)
        parser.add_argument("--assignments", type=int, default=1_000_000)
        parser.add_argument("--pbxs", type=int, default=20_000)
        parser.add_argument("--lines", type=int, default=500_000)
        parser.add_argument("--seed", type=int, default=2026, help="random seed")

    def handle(self, *args, **options):
        if connection.vendor != "postgresql":
            raise CommandError(
                "seed_bulk loads with COPY: set DATABASE_URL to a PostgreSQL database."
            )
        from companies.models import User

        if User.objects.filter(email=BENCH_ADMIN).exists():
            raise CommandError("This database already holds bulk data; use a fresh database.")
        self.random = random.Random(options["seed"])  # noqa: S311 (data, not secrets)
        self.now = timezone.now()
        self.options = options
        started = time.monotonic()
        with transaction.atomic():
            for step in self.steps():
                step()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        self.stdout.write(
            self.style.SUCCESS(f"Bulk data loaded in {time.monotonic() - started:.0f}s.")
        )

    def steps(self) -> list[Callable[[], None]]:
        return [self.seed_companies, self.seed_users, self.seed_partners]

    # --- companies and people -------------------------------------------------------------

    def seed_companies(self) -> None:
        o = self.options
        total = o["companies"]
        kinds = ["distributor"] * o["distributors"] + ["reseller"] * o["resellers"]
        kinds += ["customer"] * (total - len(kinds))
        self.companies: dict[str, list[uuid.UUID]] = {
            "customer": [],
            "reseller": [],
            "distributor": [],
        }
        self.company_country: dict[uuid.UUID, str] = {}

        def rows():
            for index, kind in enumerate(kinds):
                company_id = uuid.uuid4()
                country = COUNTRIES[index % len(COUNTRIES)]
                name = self.company_name(kind, index, country)
                self.companies[kind].append(company_id)
                self.company_country[company_id] = country
                yield (company_id, name, search_key(name), kind, country, self.now)

        copy_rows(
            "companies_company",
            ["id", "name", "search_name", "kind", "country", "created_at"],
            rows(),
            Progress("companies", total),
        )
        self.bench_customer = self.companies["customer"][0]
        self.bench_reseller = self.companies["reseller"][0]

    def company_name(self, kind: str, index: int, country: str) -> str:
        if kind == "customer" and index == self.options["distributors"] + self.options["resellers"]:
            return "Bench Customer GmbH"
        if kind == "reseller" and index == self.options["distributors"]:
            return "Bench Reseller Telekom"
        first = FIRST[index % len(FIRST)]
        second = SECOND[(index // len(FIRST)) % len(SECOND)]
        label = {"customer": "", "reseller": " Reseller", "distributor": " Distribution"}[kind]
        return f"{first} {second}{label} {SUFFIX[country]} {index}"

    def seed_users(self) -> None:
        total = self.options["users"]
        password = make_password(BENCH_PASSWORD)
        customers = self.companies["customer"]
        partners = self.companies["reseller"] + self.companies["distributor"]
        self.members: dict[uuid.UUID, list[uuid.UUID]] = {}
        self.admins: dict[uuid.UUID, uuid.UUID] = {}
        # Every company gets one admin; the bench customer gets BENCH_MEMBERS people; the rest
        # are spread over customers.
        plan: list[tuple[uuid.UUID, str, str | None]] = []
        for company_id in self.companies["distributor"] + self.companies["reseller"] + customers:
            email = None
            if company_id == self.bench_customer:
                email = BENCH_ADMIN
            elif company_id == self.bench_reseller:
                email = BENCH_RESELLER
            plan.append((company_id, "admin", email))
        plan += [(self.bench_customer, "member", None)] * (BENCH_MEMBERS - 1)
        remaining = max(total - len(plan), 0)
        others = customers[1:] or customers
        plan += [(others[i % len(others)], "member", None) for i in range(remaining)]
        del partners

        def rows():
            for index, (company_id, role, email) in enumerate(plan):
                user_id = uuid.uuid4()
                if role == "admin":
                    self.admins[company_id] = user_id
                self.members.setdefault(company_id, []).append(user_id)
                language = ("en", "de", "fr")[index % 3]
                yield (
                    user_id,
                    password,
                    False,
                    email or f"user{index}@bulk.example",
                    f"Person {index}",
                    company_id,
                    role,
                    language,
                    True,
                    False,
                    self.now,
                    self.now,
                )

        copy_rows(
            "companies_user",
            [
                "id",
                "password",
                "is_superuser",
                "email",
                "name",
                "company_id",
                "role",
                "language",
                "is_active",
                "is_staff",
                "activated_at",
                "date_joined",
            ],
            rows(),
            Progress("users", len(plan)),
        )

    # --- partners -------------------------------------------------------------------------

    def seed_partners(self) -> None:
        customers = self.companies["customer"]
        resellers = self.companies["reseller"]
        distributors = self.companies["distributor"]
        rnd = self.random
        # Links: the bench reseller has BENCH_CUSTOMERS customers; four in five other customers
        # have a partner; four in five resellers are resellers of a distributor.
        self.links: dict[uuid.UUID, uuid.UUID] = {}
        linked = customers[:BENCH_CUSTOMERS]
        for company_id in linked:
            self.links[company_id] = self.bench_reseller
        other_resellers = resellers[1:] or resellers
        for company_id in customers[BENCH_CUSTOMERS:]:
            if rnd.random() < 0.8:
                self.links[company_id] = rnd.choice(other_resellers)
        if distributors:
            for company_id in resellers:
                if rnd.random() < 0.8:
                    self.links[company_id] = rnd.choice(distributors)
        invitation_ids: dict[uuid.UUID, uuid.UUID] = {}
        total = self.options["invitations"]
        unlinked = [c for c in customers if c not in self.links]
        states = ["declined", "cancelled", "expired"]

        def invitation_rows():
            count = 0
            # One accepted invitation per link, then one pending per unlinked customer, then
            # closed ones (declined, cancelled, expired) up to the total.
            for company_id, partner_id in self.links.items():
                if count >= total:
                    return
                invitation_id = uuid.uuid4()
                invitation_ids[company_id] = invitation_id
                count += 1
                yield self.invitation_row(invitation_id, company_id, partner_id, "accepted")
            for company_id in unlinked:
                if count >= total:
                    return
                count += 1
                yield self.invitation_row(
                    uuid.uuid4(), company_id, rnd.choice(resellers), "pending"
                )
            while count < total:
                company_id = customers[count % len(customers)]
                count += 1
                yield self.invitation_row(
                    uuid.uuid4(), company_id, rnd.choice(resellers), states[count % len(states)]
                )

        copy_rows(
            "partners_invitation",
            [
                "id",
                "from_company_id",
                "created_by_id",
                "to_company_id",
                "message",
                "status",
                "token_hash",
                "created_at",
                "expires_at",
                "sent_count",
                "last_sent_at",
                "reminders_sent",
                "responded_by_id",
                "responded_at",
            ],
            invitation_rows(),
            Progress("invitations", total),
        )

        def link_rows():
            for company_id, partner_id in self.links.items():
                yield (
                    uuid.uuid4(),
                    company_id,
                    partner_id,
                    invitation_ids.get(company_id),
                    True,
                    True,
                    self.now - timedelta(days=rnd.randint(1, 900)),
                    None,
                    "",
                    None,
                )

        copy_rows(
            "partners_partnerlink",
            [
                "id",
                "company_id",
                "partner_id",
                "invitation_id",
                "scope_licensing",
                "scope_telephony",
                "since",
                "ended_at",
                "end_reason",
                "ended_by_id",
            ],
            link_rows(),
            Progress("partner links", len(self.links)),
        )

    def invitation_row(self, invitation_id, company_id, partner_id, status) -> tuple:
        created = self.now - timedelta(days=self.random.randint(0, 400))
        expires = created + timedelta(days=14)
        if status == "pending":
            created = self.now - timedelta(days=self.random.randint(0, 10))
            expires = created + timedelta(days=14)
        responded = created + timedelta(days=1) if status in ("accepted", "declined") else None
        return (
            invitation_id,
            company_id,
            self.admins.get(company_id),
            partner_id,
            "",
            status,
            uuid.uuid4().hex + uuid.uuid4().hex,
            created,
            expires,
            1,
            created,
            0,
            self.admins.get(partner_id) if responded else None,
            responded,
        )
