"""The emails of the throughput benchmark: partner invitations, written by the real service.

``prepare_emails(count)`` has customer companies ask resellers to become their partner through
``partners.services.invitation_send``, as the portal does: each request writes one invitation
email per admin of the reseller, rendered in that admin's language (English, German, French in
turn) with its own link. A reseller has ``ADMINS_PER_RESELLER`` admins, so ``count`` emails take
``count / ADMINS_PER_RESELLER`` requests (10,000 emails: 100 requests, about a minute to write).
Only the people and companies are bulk-created; the outbox rows all come from the service.
"""

from django.contrib.auth.hashers import make_password

from companies.models import Company, User
from partners.services import invitation_send

ADMINS_PER_RESELLER = 100
LANGUAGES = ("en", "de", "fr")


def prepare_emails(count: int) -> int:
    """Send partner requests until ``count`` invitation emails are in the outbox; returns how many
    requests were sent."""
    password = make_password(None)  # nobody signs in
    requests = 0
    for first in range(0, count, ADMINS_PER_RESELLER):
        admins = min(ADMINS_PER_RESELLER, count - first)
        number = first // ADMINS_PER_RESELLER
        reseller = Company.objects.create(
            name=f"Bench Reseller {number}", kind=Company.Kind.RESELLER, country="DE"
        )
        customer = Company.objects.create(
            name=f"Bench Customer {number}", kind=Company.Kind.CUSTOMER, country="FR"
        )
        User.objects.bulk_create(
            User(
                email=f"admin{first + index}@reseller{number}.bench.example",
                name=f"Admin {first + index}",
                company=reseller,
                role=User.Role.ADMIN,
                language=LANGUAGES[(first + index) % len(LANGUAGES)],
                is_active=True,
                password=password,
            )
            for index in range(admins)
        )
        sender = User.objects.create(
            email=f"owner@customer{number}.bench.example",
            name=f"Owner {number}",
            company=customer,
            role=User.Role.ADMIN,
            is_active=True,
            password=password,
        )
        invitation_send(
            actor=sender,
            to_company_id=reseller.pk,
            message="We would like you to manage our licenses and telephony.",
        )
        requests += 1
    return requests
