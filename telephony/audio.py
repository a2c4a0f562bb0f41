"""A stored voice prompt answered as ``audio/wav`` to whoever the caller let through: the whole
file, or the one byte range a player asks for (``Range``, 206) so that it can seek; an ``ETag``
(``If-None-Match`` answers 304) and ``Cache-Control: private, no-cache`` (browsers may keep it,
never a shared cache, and they ask again each time, so a withdrawn right takes effect at once).

Django's ``FileResponse`` does not answer ``Range``; the single-range case is written here after
RFC 9110 §14: several ranges, another unit or a malformed header are ignored (the whole file);
a first byte past the end answers 416 with ``Content-Range: bytes */<size>``."""

from __future__ import annotations

import hashlib
import logging
import re

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponse, JsonResponse
from django.utils.http import parse_etags
from django.utils.translation import gettext as _

from rainbow_admin.errors import NotFound

logger = logging.getLogger(__name__)

CACHE_CONTROL = "private, no-cache"
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def byte_range(header: str, size: int) -> tuple[int, int] | bool | None:
    """The inclusive ``(first, last)`` bytes ``header`` asks of a file of ``size`` bytes; None
    when the header is to be ignored (absent, malformed, another unit, several ranges); False
    when it cannot be satisfied."""
    match = _RANGE.match(header.strip().replace(" ", "")) if header else None
    if match is None:
        return None
    first, last = match.groups()
    if not first and not last:
        return None
    if not first:  # a suffix: the last N bytes
        length = int(last)
        if length == 0 or size == 0:
            return False
        return max(0, size - length), size - 1
    start = int(first)
    end = int(last) if last else size - 1
    if last and end < start:
        return None  # an invalid range-spec: the header is ignored
    if start >= size:
        return False
    return start, min(end, size - 1)


def _etag(file: FieldFile) -> str:
    # Every upload gets a new file name (``telephony.storage.prompt_file_name``) and files are
    # never rewritten, so the name identifies the bytes.
    digest = hashlib.sha256(file.name.encode()).hexdigest()[:32]
    return f'"{digest}"'


def _headers(response: HttpResponse, etag: str) -> HttpResponse:
    response["ETag"] = etag
    response["Cache-Control"] = CACHE_CONTROL
    response["Accept-Ranges"] = "bytes"
    response.keeps_cache_control = True  # NoStoreMiddleware leaves this answer's alone
    return response


def wav_response(request: HttpRequest, file: FieldFile, *, download_name: str) -> HttpResponse:
    """Answer the prompt in ``file`` (the caller checked the permission); 404 when there is
    none (or its file is gone from the storage)."""
    if not file:
        raise NotFound(_("No audio file has been uploaded here."), code="not_found")
    etag = _etag(file)
    if etag in parse_etags(request.headers.get("If-None-Match", "")) or (
        request.headers.get("If-None-Match", "").strip() == "*"
    ):
        not_modified = HttpResponse(status=304)
        del not_modified["Content-Type"]  # no body, nothing to type
        return _headers(not_modified, etag)
    try:
        size = file.storage.size(file.name)
        handle = file.storage.open(file.name, "rb")
    except FileNotFoundError:
        logger.warning("prompt file %s is missing from the storage", file.name)
        raise NotFound(_("No audio file has been uploaded here."), code="not_found") from None
    wanted = byte_range(request.headers.get("Range", ""), size)
    if_range = request.headers.get("If-Range")
    if wanted is not None and if_range is not None and if_range.strip() != etag:
        wanted = None  # the client holds another version: it gets the whole file
    if wanted is False:
        handle.close()
        response = JsonResponse(
            {
                "detail": _("The requested range is outside the file (%(size)s bytes).")
                % {"size": size},
                "code": "range_not_satisfiable",
            },
            status=416,
        )
        response["Content-Range"] = f"bytes */{size}"
        return _headers(response, etag)
    if wanted is None:
        response = FileResponse(handle, content_type="audio/wav", filename=download_name)
        response["Content-Length"] = str(size)
        return _headers(response, etag)
    first, last = wanted
    with handle:
        handle.seek(first)
        body = handle.read(last - first + 1)
    response = HttpResponse(body, status=206, content_type="audio/wav")
    response["Content-Range"] = f"bytes {first}-{last}/{size}"
    response["Content-Disposition"] = f'inline; filename="{download_name}"'
    return _headers(response, etag)
