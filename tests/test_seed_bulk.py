"""seed_bulk loads consistent scale data (tiny sizes here; the benchmarks use the defaults)."""

import pytest
from django.core.management import call_command

from companies.models import Company, User
from licensing.models import LicenseAssignment, Subscription
from partners.models import Invitation, PartnerLink
from rainbow_admin.management.commands.seed_bulk import BENCH_ADMIN, BENCH_PASSWORD, BENCH_RESELLER
from telephony.models import Line, Pbx


@pytest.mark.django_db(transaction=True)  # VACUUM runs outside a transaction
def test_seed_bulk_loads_every_kind_of_row_and_the_benchmark_actors(client):
    call_command(
        "seed_bulk",
        "--companies",
        "300",
        "--resellers",
        "20",
        "--distributors",
        "3",
        "--users",
        "3000",
        "--invitations",
        "600",
        "--subscriptions",
        "200",
        "--assignments",
        "2500",
        "--pbxs",
        "40",
        "--lines",
        "500",
    )
    assert Company.objects.count() == 300
    assert Company.objects.filter(kind="reseller").count() == 20
    assert User.objects.count() == 3000
    assert Invitation.objects.count() == 600
    assert set(Invitation.objects.values_list("status", flat=True)) >= {"accepted", "pending"}
    assert Subscription.objects.count() == 200
    assert LicenseAssignment.objects.count() == 2500
    assert Pbx.objects.count() == 40 and Line.objects.count() == 500
    admin = User.objects.get(email=BENCH_ADMIN)
    assert User.objects.filter(company=admin.company).count() == 2000
    assert PartnerLink.objects.filter(company=admin.company, ended_at__isnull=True).exists()
    reseller = User.objects.get(email=BENCH_RESELLER)
    assert (
        PartnerLink.objects.filter(partner=reseller.company, ended_at__isnull=True).count() == 138
    )
    assert Company.objects.get(pk=admin.company_id).search_name == "bench customer gmbh"
    assert client.login(username=BENCH_ADMIN, password=BENCH_PASSWORD)
    assert client.get("/dashboard/").status_code == 200
    assert client.get("/licenses/").status_code == 200
