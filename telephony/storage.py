"""Where voice prompts are kept: Django's ``STORAGES["prompts"]`` (the filesystem under
``MEDIA_ROOT/telephony/prompts`` by default, an S3-compatible bucket when ``PROMPTS_S3_BUCKET``
is set). Files are never served from the storage's own URL: the portal reads them after the
permission check (``telephony.audio``)."""

from __future__ import annotations

import uuid
from typing import Any

from django.core.files.storage import Storage, storages

PROMPT_FOLDER = "telephony/prompts"


def prompt_storage() -> Storage:
    """The storage of prompts (a callable, so settings decide it at run time, tests too)."""
    return storages["prompts"]


def prompt_file_name(instance: Any, filename: str) -> str:
    """A new name for every upload: a replaced prompt never shares the old file's name, so the
    old file can be deleted after the commit and an ``ETag`` built from the name never lies."""
    return f"{PROMPT_FOLDER}/{instance.pbx_id}/{instance.pk}-{uuid.uuid4().hex}.wav"
