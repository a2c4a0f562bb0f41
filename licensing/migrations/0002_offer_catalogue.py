"""The offer catalogue: Essential (free, the default), Business and Enterprise (exclusive), Attendant.

Names and descriptions are translated in ``licensing.models.OFFER_TEXTS``.
"""

from django.db import migrations

from licensing.catalogue import OFFERS, catalogue_ensure


def add_offers(apps, schema_editor):
    catalogue_ensure(
        offer_model=apps.get_model("licensing", "Offer"), using=schema_editor.connection.alias
    )


def remove_offers(apps, schema_editor):
    Offer = apps.get_model("licensing", "Offer")
    Offer.objects.filter(code__in=[row[0] for row in OFFERS]).delete()


class Migration(migrations.Migration):
    dependencies = [("licensing", "0001_initial")]

    operations = [migrations.RunPython(add_offers, remove_offers)]
