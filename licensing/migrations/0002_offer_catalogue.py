"""The offer catalogue. Names and descriptions are translated in licensing.models.OFFER_TEXTS."""

from django.db import migrations

OFFERS = [
    # code, exclusive, free, position
    ("essential", False, True, 1),
    ("business", True, False, 2),
    ("enterprise", True, False, 3),
    ("attendant", False, False, 4),
]


def add_offers(apps, schema_editor):
    Offer = apps.get_model("licensing", "Offer")
    for code, exclusive, free, position in OFFERS:
        Offer.objects.update_or_create(
            code=code, defaults={"exclusive": exclusive, "free": free, "position": position}
        )


def remove_offers(apps, schema_editor):
    Offer = apps.get_model("licensing", "Offer")
    Offer.objects.filter(code__in=[row[0] for row in OFFERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("licensing", "0001_initial")]

    operations = [migrations.RunPython(add_offers, remove_offers)]
