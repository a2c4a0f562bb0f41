"""Pre-filled emergency numbers store the code of their description, not an English sentence."""

import json
from pathlib import Path

from django.db import migrations, models

DATA = Path(__file__).resolve().parent.parent / "data" / "emergency_numbers.json"


def sentences_to_codes(apps, schema_editor):
    """A description equal to the table's text (in any language) for its number becomes the
    code; words a person typed stay as they are."""
    EmergencyNumber = apps.get_model("telephony", "EmergencyNumber")
    table = json.loads(DATA.read_text())["countries"]
    for country, rows in table.items():
        for number, texts in rows:
            EmergencyNumber.objects.filter(
                country=country, number=number, description_text__in=list(texts.values())
            ).update(description_text="", description_code=f"{country}:{number}")


def codes_to_sentences(apps, schema_editor):
    EmergencyNumber = apps.get_model("telephony", "EmergencyNumber")
    table = json.loads(DATA.read_text())["countries"]
    for country, rows in table.items():
        for number, texts in rows:
            EmergencyNumber.objects.filter(description_code=f"{country}:{number}").update(
                description_text=texts["en"], description_code=""
            )


class Migration(migrations.Migration):
    dependencies = [("telephony", "0001_initial")]

    operations = [
        migrations.RenameField(
            model_name="emergencynumber", old_name="description", new_name="description_text"
        ),
        migrations.AddField(
            model_name="emergencynumber",
            name="description_code",
            field=models.CharField(blank=True, editable=False, max_length=16),
        ),
        migrations.RunPython(sentences_to_codes, codes_to_sentences),
    ]
