"""Demo telephony: for each customer whose partner holds the telephony scope and that has no PBX
yet, the partner declares a Cloud PBX; the company's admin adds numbers and gives lines, a hunt
group and a Welcome Service. Everything goes through the services, as a user would. Run it after
the demo companies and partner links exist (idempotent)."""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction

from companies.models import User
from partners.models import PartnerLink
from telephony.models import Pbx
from telephony.services import features, numbers
from telephony.services import pbx as pbx_services

FIRST_NUMBER = {
    "DE": "+49301234500",
    "FR": "+33123456700",
    "GB": "+442071234500",
    "NL": "+31201234500",
    "US": "+12125550100",
}


class Command(BaseCommand):
    help = "Declare a demo Cloud PBX for customers whose partner holds the telephony scope."

    @transaction.atomic
    def handle(self, *args, **options):
        links = PartnerLink.objects.filter(
            ended_at__isnull=True, scope_telephony=True
        ).select_related("company", "partner")
        done = 0
        for link in links:
            company = link.company
            if Pbx.objects.filter(company=company).exists():
                continue
            partner_admin = User.objects.filter(
                company=link.partner, role="admin", is_active=True
            ).first()
            admin = User.objects.filter(company=company, role="admin", is_active=True).first()
            if partner_admin is None or admin is None:
                continue
            country = company.country.code
            pbx = pbx_services.pbx_declare(
                actor=partner_admin,
                company=company,
                kind="cloud_pbx",
                name="Cloud PBX",
                country=country,
                extension_prefix="8",
                extension_digits=3,
            )
            if country in FIRST_NUMBER:
                numbers.numbers_add(actor=admin, pbx=pbx, number=FIRST_NUMBER[country], count=5)
            people = User.objects.filter(company=company, is_active=True).order_by("name")
            for index, person in enumerate(people, start=1):
                pbx_services.line_create(
                    actor=admin, pbx=pbx, user_id=person.pk, extension=f"8{index:03d}"
                )
            group = features.hunt_group_create(
                actor=admin,
                pbx=pbx,
                data={
                    "name": "Reception",
                    "policy": "parallel",
                    "ring_timeout": 20,
                    "members": [p.pk for p in people],
                },
            )
            features.welcome_service_create(
                actor=admin,
                pbx=pbx,
                data={
                    "name": "Welcome",
                    "public_number": FIRST_NUMBER.get(country),
                    "open_hunt_group": group.pk,
                    "hours": [
                        {"weekday": day, "opens": datetime.time(8), "closes": datetime.time(18)}
                        for day in range(5)
                    ],
                },
            )
            done += 1
        self.stdout.write(f"Demo telephony: {done} Cloud PBX declared.")
