"""Voice prompts (Welcome Service greetings, attendant prompts): checked as the WAV audio they
claim to be, stored in the prompts storage under a new name each time, and their files deleted
once the change that replaced or removed them has committed."""

from __future__ import annotations

import datetime
import logging
import struct
import wave
from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rainbow_admin.errors import InvalidInput
from telephony.models import AutoAttendant, Pbx, WelcomeService
from telephony.storage import PROMPT_FOLDER, prompt_storage

logger = logging.getLogger(__name__)

# The file fields of prompts, by model; each has a duration beside it (``<field>_ms``).
PROMPT_FIELDS: dict[type, tuple[str, ...]] = {
    WelcomeService: ("greeting_open", "greeting_closed"),
    AutoAttendant: ("prompt",),
}


def wav_duration_ms(upload: Any, *, field: str = "prompt") -> int:
    """The duration of an uploaded prompt, in milliseconds, once it proved a WAV file of limited
    size that decodes: RIFF/WAVE, PCM that ``wave`` reads, frames present, and as many bytes of
    audio as the header announces. Anything else is refused (``invalid_audio``)."""
    limit = settings.TELEPHONY_PROMPT_MAX_BYTES
    if upload.size > limit:
        raise InvalidInput(
            _("The prompt is too large (%(max)s MB at most).") % {"max": limit // (1024 * 1024)},
            code="file_too_large",
            field=field,
        )
    upload.seek(0)
    head = upload.read(12)
    upload.seek(0)
    try:
        if head[:4] != b"RIFF" or head[8:12] != b"WAVE":
            raise wave.Error("not RIFF/WAVE")
        with wave.open(upload, "rb") as audio:
            frames, rate = audio.getnframes(), audio.getframerate()
            frame_size = audio.getsampwidth() * audio.getnchannels()
            if frames == 0 or rate == 0 or frame_size == 0:
                raise wave.Error("no audio")
            # The header's data size must be there: a cut or padded-out header is not audio.
            if len(audio.readframes(frames)) != frames * frame_size:
                raise wave.Error("data shorter than its header says")
    except (wave.Error, EOFError, struct.error, ValueError):
        raise InvalidInput(
            _(
                "The prompt must be a WAV audio file (PCM) that plays: this file does not decode "
                "as one."
            ),
            code="invalid_audio",
            field=field,
        ) from None
    finally:
        upload.seek(0)
    return max(1, round(frames * 1000 / rate))


def prompt_store(*, owner: WelcomeService | AutoAttendant, field: str, upload: Any) -> None:
    """Store ``upload`` as ``owner``'s prompt ``field`` (checked by ``wav_duration_ms``) with
    its duration; the file it replaces is deleted after the commit. The caller holds the PBX's
    lock, so the replaced name read here is the one the row holds."""
    duration = wav_duration_ms(upload)
    replaced = type(owner).objects.filter(pk=owner.pk).values_list(field, flat=True).first()
    getattr(owner, field).save("prompt.wav", upload, save=False)
    setattr(owner, f"{field}_ms", duration)
    owner.save(update_fields=[field, f"{field}_ms"])
    prompt_files_delete_on_commit([replaced])


def prompt_names(rows: Iterable[WelcomeService | AutoAttendant]) -> list[str]:
    """The file names the prompt fields of ``rows`` hold."""
    return [
        name
        for row in rows
        for field in PROMPT_FIELDS[type(row)]
        if (name := getattr(row, field).name)
    ]


def pbx_prompt_names(pbx: Pbx) -> list[str]:
    """Every prompt file of a PBX (its Welcome Services' and attendants')."""
    names: list[str] = []
    for model, fields in PROMPT_FIELDS.items():
        for values in model.objects.filter(pbx=pbx).values_list(*fields):
            names += [name for name in values if name]
    return names


def prompt_files_delete_on_commit(names: Iterable[str | None]) -> None:
    """Delete these prompt files once the current transaction commits (never before: a rollback
    keeps the rows that still name them)."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: _delete(names))


def _delete(names: list[str]) -> None:
    storage = prompt_storage()
    for name in names:
        try:
            storage.delete(name)
        except Exception:  # a storage outage must not fail the committed change
            logger.exception("prompt file %s not deleted; `prompt_orphans --delete` will", name)


def _stored_names(folder: str) -> Iterator[str]:
    storage = prompt_storage()
    try:
        folders, files = storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        yield f"{folder}/{name}"
    for sub in folders:
        yield from _stored_names(f"{folder}/{sub}")


def prompt_orphans(*, older_than: datetime.timedelta = datetime.timedelta(hours=1)) -> list[str]:
    """Stored prompt files no row names, older than ``older_than`` (a younger one may belong to
    an upload whose transaction has not committed yet)."""
    used: set[str] = set()
    for model, fields in PROMPT_FIELDS.items():
        for values in model.objects.values_list(*fields):
            used.update(name for name in values if name)
    storage = prompt_storage()
    cutoff = timezone.now() - older_than
    return sorted(
        name
        for name in _stored_names(PROMPT_FOLDER)
        if name not in used and storage.get_modified_time(name) < cutoff
    )


def prompt_orphans_delete(names: Iterable[str]) -> None:
    _delete(list(names))
