"""Demo data: a few companies of each kind with admins and members (sign-ins in the README)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from companies import services
from companies.models import Company, User

DEMO_PASSWORD = "rainbow-demo-2026"  # noqa: S105 (documented demo sign-in)
OPERATOR_EMAIL = "operator@demo.rainbow.example"

COMPANIES = [
    # (name, kind, country, [(email, name, role, language), ...])
    (
        "Acme Bürotechnik GmbH",
        "customer",
        "DE",
        [
            ("anna.admin@acme.example", "Anna Schmidt", "admin", "de"),
            ("max.member@acme.example", "Max Weber", "member", "de"),
            ("lea.member@acme.example", "Lea Fischer", "member", "de"),
        ],
    ),
    (
        "Dupont Conseil SA",
        "customer",
        "FR",
        [
            ("claire.admin@dupont.example", "Claire Dupont", "admin", "fr"),
            ("louis.member@dupont.example", "Louis Martin", "member", "fr"),
        ],
    ),
    (
        "Contoso Ltd",
        "customer",
        "GB",
        [
            ("emma.admin@contoso.example", "Emma Brown", "admin", "en"),
            ("oliver.member@contoso.example", "Oliver Smith", "member", "en"),
        ],
    ),
    (
        "Müller Telekom",
        "reseller",
        "DE",
        [("jonas.admin@mueller-telekom.example", "Jonas Müller", "admin", "de")],
    ),
    (
        "Multicom Services",
        "reseller",
        "FR",
        [("sophie.admin@multicom.example", "Sophie Bernard", "admin", "fr")],
    ),
    (
        "Northwind Telecom",
        "reseller",
        "GB",
        [("james.admin@northwind.example", "James Taylor", "admin", "en")],
    ),
    (
        "EuroVoice Distribution",
        "distributor",
        "NL",
        [("daan.admin@eurovoice.example", "Daan de Vries", "admin", "en")],
    ),
]


class Command(BaseCommand):
    help = "Create demo companies, admins and members (idempotent)."

    @transaction.atomic
    def handle(self, *args, **options):
        operator = User.objects.filter(email=OPERATOR_EMAIL).first()
        if operator is None:
            operator = User.objects.create_superuser(
                OPERATOR_EMAIL, DEMO_PASSWORD, name="Olivia Operator", language="en"
            )
        created = 0
        for name, kind, country, people in COMPANIES:
            company = Company.objects.filter(name=name).first()
            if company is None:
                company = services.company_create(
                    actor=operator, name=name, kind=kind, country=country
                )
                created += 1
            for email, person, role, language in people:
                if not User.objects.filter(email=email).exists():
                    services.member_add(
                        actor=operator,
                        company=company,
                        email=email,
                        name=person,
                        role=role,
                        language=language,
                        password=DEMO_PASSWORD,
                    )
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({created} new companies). Password: {DEMO_PASSWORD}"
            )
        )
