"""Demo data: companies of each kind with admins and members, partners and what they manage.

Every write goes through the services, as a user's would. Sign-ins are in the README.
"""

from datetime import timedelta

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from companies import services
from companies.models import Company, User
from licensing import services as licensing_services
from licensing.models import Subscription
from partners import services as partner_services
from partners.models import Invitation, PartnerLink

DEMO_PASSWORD = "rainbow-demo-2026"  # noqa: S105 (documented demo sign-in)
OPERATOR_EMAIL = "operator@demo.rainbow.example"

COMPANIES = [
    # (name, kind, country, [(email, name, role, language), ...]); the first person is the admin.
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


# What each company's admins would fill in on its page (Manage company).
DETAILS = {
    "Acme Bürotechnik GmbH": {
        "language": "de", "timezone": "Europe/Berlin", "address": "Friedrichstraße 100",
        "postal_code": "10117", "city": "Berlin", "phone": "+49 30 12345678",
        "website": "https://acme.example", "contact_email": "info@acme.example",
    },
    "Dupont Conseil SA": {
        "language": "fr", "timezone": "Europe/Paris", "address": "12 rue de la Paix",
        "postal_code": "75002", "city": "Paris", "phone": "+33 1 42 68 53 00",
        "website": "https://dupont.example", "contact_email": "contact@dupont.example",
    },
    "Contoso Ltd": {
        "language": "en", "timezone": "Europe/London", "address": "1 Poultry",
        "postal_code": "EC2R 8EJ", "city": "London", "phone": "+44 20 7123 4500",
    },
    "Müller Telekom": {
        "language": "de", "timezone": "Europe/Berlin", "postal_code": "80331",
        "city": "München",
    },
    "Multicom Services": {
        "language": "fr", "timezone": "Europe/Paris", "postal_code": "69002", "city": "Lyon",
    },
    "Northwind Telecom": {"language": "en", "timezone": "Europe/London", "city": "Manchester"},
    "EuroVoice Distribution": {
        "language": "en", "timezone": "Europe/Amsterdam", "city": "Amsterdam",
    },
}  # fmt: skip


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
            services.company_update(actor=operator, company=company, data=DETAILS.get(name, {}))
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
        self.seed_partners()
        self.seed_licenses()
        call_command("seed_telephony", stdout=self.stdout)
        self.stdout.write(
            self.style.SUCCESS(
                f"Demo data ready ({created} new companies). Password: {DEMO_PASSWORD}"
            )
        )

    def seed_partners(self) -> None:
        """Contoso and Dupont have partners; Acme's request to Müller Telekom awaits an answer;
        Northwind's offer to manage Dupont too."""
        links = [
            ("emma.admin@contoso.example", "Northwind Telecom", "james.admin@northwind.example"),
            ("claire.admin@dupont.example", "Multicom Services", "sophie.admin@multicom.example"),
            (
                "james.admin@northwind.example",
                "EuroVoice Distribution",
                "daan.admin@eurovoice.example",
            ),
        ]
        for sender_email, partner_name, partner_admin_email in links:
            sender = User.objects.get(email=sender_email)
            if PartnerLink.objects.filter(company=sender.company, ended_at__isnull=True).exists():
                continue
            partner = Company.objects.get(name=partner_name)
            invitation = partner_services.invitation_send(actor=sender, to_company_id=partner.pk)
            partner_services.invitation_accept(
                actor=User.objects.get(email=partner_admin_email), invitation_id=invitation.pk
            )
        anna = User.objects.get(email="anna.admin@acme.example")
        if not Invitation.objects.filter(from_company=anna.company).exists():
            partner_services.invitation_send(
                actor=anna,
                to_company_id=Company.objects.get(name="Müller Telekom").pk,
                message="Wir möchten Sie als unseren Partner.",
            )
        # The reseller's side: Northwind offers to manage Dupont (Claire sees that Multicom
        # would be replaced), licensing only, for a year.
        claire = User.objects.get(email="claire.admin@dupont.example")
        if not Invitation.objects.filter(direction="offer", to_email=claire.email).exists():
            james = User.objects.get(email="james.admin@northwind.example")
            offer = partner_services.customer_offer_send(
                actor=james,
                email=claire.email,
                message="We would be glad to look after your licenses.",
                scopes=["licensing"],
                scopes_until=timezone.now() + timedelta(days=365),
            )
            # Delivered now, as the worker would (the task queued at commit then does nothing):
            # the seed is complete without a worker.
            partner_services.offer_deliver_queued(
                invitation_id=str(offer.pk), token_hash=offer.token_hash, sender_id=str(james.pk)
            )

    def seed_licenses(self) -> None:
        """The partners subscribe licenses; Contoso's admin has given Business seats."""
        plans = [
            # (company admin, partner admin, [(offer, quantity, billing)], Business holders)
            (
                "emma.admin@contoso.example",
                "james.admin@northwind.example",
                [("essential", 20, "monthly"), ("business", 10, "annual")],
                ["emma.admin@contoso.example", "oliver.member@contoso.example"],
            ),
            (
                "claire.admin@dupont.example",
                "sophie.admin@multicom.example",
                [("essential", 10, "monthly"), ("enterprise", 5, "monthly")],
                [],
            ),
        ]
        for admin_email, partner_email, subscriptions, holders in plans:
            admin = User.objects.get(email=admin_email)
            if Subscription.objects.filter(company=admin.company).exists():
                continue
            partner = User.objects.get(email=partner_email)
            for offer, quantity, billing in subscriptions:
                subscription = licensing_services.subscription_create(
                    actor=partner,
                    company=admin.company,
                    offer=offer,
                    quantity=quantity,
                    billing=billing,
                )
                if offer == "business" and holders:
                    licensing_services.assignments_add(
                        actor=admin,
                        subscription_id=subscription.pk,
                        user_ids=User.objects.filter(email__in=holders).values_list(
                            "pk", flat=True
                        ),
                    )
