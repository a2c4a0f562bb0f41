"""The emails of the throughput benchmark: what the services write for N invitations."""

from companies.models import Company
from notifications.services import email_queue


def prepare_emails(count: int) -> None:
    reseller = Company.objects.create(name="Bench Reseller", kind="reseller", country="DE")
    for index in range(count):
        email_queue(
            to=f"admin{index}@bench.example",
            language=("en", "de", "fr")[index % 3],
            template="activation",
            context={
                "user_name": f"Admin {index}",
                "company_name": reseller.name,
                "invited_by": "",
                "url": f"https://portal.example/accounts/activate/{index}/",
            },
            topic="benchmark",
        )
