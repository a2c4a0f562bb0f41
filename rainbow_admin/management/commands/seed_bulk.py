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
            # Statistics for the planner, and the visibility map that lets counts over a
            # company's thousands of rows read the index alone (what autovacuum would do later).
            cursor.execute("VACUUM (ANALYZE)")
        self.stdout.write(
            self.style.SUCCESS(f"Bulk data loaded in {time.monotonic() - started:.0f}s.")
        )

    def steps(self) -> list[Callable[[], None]]:
        return [
            self.seed_companies,
            self.seed_users,
            self.seed_partners,
            self.seed_licensing,
            self.seed_telephony,
        ]

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
        # Companies with a PBX (the first customers) are larger: their lines need members.
        with_pbx = others[: max(self.options["pbxs"] - 1, 0)]
        per_pbx_company = min(
            self.options["lines"] // max(len(with_pbx), 1), remaining // max(len(with_pbx), 1)
        )
        for company_id in with_pbx:
            plan += [(company_id, "member", None)] * max(per_pbx_company - 1, 0)
        remaining = max(total - len(plan), 0)
        rest = others[len(with_pbx) :] or others
        plan += [(rest[i % len(rest)], "member", None) for i in range(remaining)]
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
        linked = customers[: min(BENCH_CUSTOMERS, len(customers) // 2)]
        for company_id in linked:
            self.links[company_id] = self.bench_reseller
        other_resellers = resellers[1:] or resellers
        for company_id in customers[len(linked) :]:
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
                "recent_sends",
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
            "[]",
        )

    # --- licensing ------------------------------------------------------------------------

    def seed_licensing(self) -> None:
        """Each customer's partner subscribed Essential (the default) for its members, and every
        other one Business too; members hold Essential seats until ``assignments`` is reached.
        The bench customer also holds Business, Enterprise and Attendant seats."""
        limit = self.options["subscriptions"]
        customers = [self.bench_customer] + [
            c for c in self.companies["customer"] if c != self.bench_customer
        ]
        subscriptions: list[tuple] = []
        seats: dict[uuid.UUID, list[tuple[uuid.UUID, str, bool]]] = {}
        for index, company_id in enumerate(customers):
            if len(subscriptions) >= limit:
                break
            members = len(self.members.get(company_id, []))
            plan = [("essential", members + 5, "monthly", True, False)]
            if company_id == self.bench_customer:
                plan += [
                    ("business", 1_000, "annual", False, True),
                    ("enterprise", 600, "monthly", False, True),
                    ("attendant", 10, "monthly", False, False),
                ]
            elif index % 2:
                plan.append(("business", 10, "annual", False, True))
            reseller = self.links.get(company_id)
            for offer, quantity, billing, default, exclusive in plan[: limit - len(subscriptions)]:
                subscription_id = uuid.uuid4()
                seats.setdefault(company_id, []).append((subscription_id, offer, exclusive))
                subscriptions.append(
                    (
                        subscription_id,
                        quantity,
                        billing,
                        "active",
                        "",
                        default,
                        self.now,
                        self.now,
                        None,
                        company_id,
                        offer,
                        reseller,
                        self.admins.get(reseller) if reseller else None,
                        None,
                    )
                )
        copy_rows(
            "licensing_subscription",
            [
                "id",
                "quantity",
                "billing",
                "status",
                "purchase_order",
                "is_default",
                "created_at",
                "updated_at",
                "terminated_at",
                "company_id",
                "offer_id",
                "reseller_id",
                "subscribed_by_id",
                "terminated_by_id",
            ],
            subscriptions,
            Progress("subscriptions", len(subscriptions)),
        )
        total = self.options["assignments"]

        def assignment_rows():
            count = 0
            for company_id, owned in seats.items():
                members = self.members.get(company_id, [])
                admin = self.admins.get(company_id)
                for subscription_id, offer, exclusive in owned:
                    if offer == "essential":
                        holders = members
                    elif company_id == self.bench_customer and offer == "business":
                        holders = members[:1_000]
                    elif company_id == self.bench_customer and offer == "enterprise":
                        holders = members[1_000:1_500]
                    else:
                        holders = []
                    for user_id in holders:
                        if count >= total:
                            return
                        count += 1
                        yield (
                            uuid.uuid4(),
                            exclusive,
                            self.now,
                            admin,
                            user_id,
                            offer,
                            subscription_id,
                        )

        copy_rows(
            "licensing_licenseassignment",
            [
                "id",
                "exclusive",
                "assigned_at",
                "assigned_by_id",
                "user_id",
                "offer_id",
                "subscription_id",
            ],
            assignment_rows(),
            Progress("license assignments", total),
        )

    # --- telephony ------------------------------------------------------------------------

    def seed_telephony(self) -> None:
        """A PBX for the first customers (most Cloud PBXs), each member of them with a line."""
        customers = [self.bench_customer] + [
            c for c in self.companies["customer"] if c != self.bench_customer
        ]
        kinds = ["cloud_pbx"] * 7 + ["omnipcx_enterprise", "oxo_connect", "third_party"]
        pbxs: list[tuple] = []
        owners: list[tuple[uuid.UUID, uuid.UUID]] = []
        for index, company_id in enumerate(customers[: self.options["pbxs"]]):
            pbx_id = uuid.uuid4()
            kind = kinds[index % len(kinds)] if company_id != self.bench_customer else "cloud_pbx"
            cloud = kind == "cloud_pbx"
            partner = self.links.get(company_id)
            pbxs.append(
                (
                    pbx_id,
                    kind,
                    "Main PBX",
                    self.company_country[company_id],
                    "active",
                    self.now,
                    "2" if cloud else "",
                    4 if cloud else None,
                    "en",
                    "Europe/Berlin",
                    "" if cloud else f"SYS-{index}",
                    "",
                    "",
                    "",
                    company_id,
                    self.admins.get(partner) if partner else None,
                    partner,
                )
            )
            owners.append((pbx_id, company_id))
        copy_rows(
            "telephony_pbx",
            [
                "id",
                "kind",
                "name",
                "country",
                "status",
                "created_at",
                "extension_prefix",
                "extension_digits",
                "language",
                "time_zone",
                "system_id",
                "version",
                "call_server",
                "sip_domain",
                "company_id",
                "declared_by_id",
                "declared_by_company_id",
            ],
            pbxs,
            Progress("PBXs", len(pbxs)),
        )
        total = self.options["lines"]

        def line_rows():
            count = 0
            for pbx_id, company_id in owners:
                for number, user_id in enumerate(self.members.get(company_id, [])[:10_000]):
                    if count >= total:
                        return
                    count += 1
                    yield (uuid.uuid4(), f"2{number:04d}", "", self.now, user_id, pbx_id)

        copy_rows(
            "telephony_line",
            ["id", "extension", "public_number", "created_at", "user_id", "pbx_id"],
            line_rows(),
            Progress("lines", total),
        )
