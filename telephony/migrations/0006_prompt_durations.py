"""The durations of prompts uploaded before they were stored: read from each file's WAV header
(a file that is missing or does not decode keeps no duration, shown as "—")."""

import wave

from django.db import migrations


def prompt_durations_fill(apps, schema_editor):
    for model_name, fields in (
        ("WelcomeService", ("greeting_open", "greeting_closed")),
        ("AutoAttendant", ("prompt",)),
    ):
        model = apps.get_model("telephony", model_name)
        for row in model.objects.all():
            changed = []
            for field in fields:
                file = getattr(row, field)
                if not file or getattr(row, f"{field}_ms") is not None:
                    continue
                try:
                    with file.storage.open(file.name, "rb") as handle, wave.open(handle) as audio:
                        if audio.getframerate():
                            ms = round(audio.getnframes() * 1000 / audio.getframerate())
                            setattr(row, f"{field}_ms", max(1, ms))
                            changed.append(f"{field}_ms")
                except (OSError, EOFError, wave.Error):
                    continue
            if changed:
                row.save(update_fields=changed)


class Migration(migrations.Migration):
    dependencies = [("telephony", "0005_prompt_storage_and_duration")]

    operations = [migrations.RunPython(prompt_durations_fill, migrations.RunPython.noop)]
