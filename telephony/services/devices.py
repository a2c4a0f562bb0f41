"""Phone devices of a Cloud PBX and their CSV import."""

from __future__ import annotations

import csv
import io
import logging
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import User
from rainbow_admin.celery import task_send
from rainbow_admin.errors import DomainError, InvalidInput
from telephony.access import require_telephony
from telephony.identifiers import clean_ipei, clean_mac
from telephony.models import Device, DeviceImport, Line, Pbx
from telephony.services.common import (
    lock_pbx,
    pbx_for_change,
    pbx_row_remove,
    record_change,
    require_cloud,
)

logger = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 1024 * 1024
MAX_IMPORT_ROWS = 5000


def _clean_identifier(kind: str, value: str) -> str:
    if kind not in Device.Kind.values:
        raise InvalidInput(
            _("Choose a device type: ale_desk, dect or sip."), code="invalid_kind", field="kind"
        )
    return clean_ipei(value) if kind == Device.Kind.DECT else clean_mac(value)


def _line_of(pbx: Pbx, *, line_id: Any = None, extension: str = "") -> Line | None:
    if not line_id and not extension:
        return None
    lines = Line.objects.filter(pbx=pbx)
    line = (
        lines.filter(pk=line_id).first() if line_id else lines.filter(extension=extension).first()
    )
    if line is None:
        raise InvalidInput(
            _("No line %(line)s on this PBX.") % {"line": extension or line_id},
            code="unknown_line",
            field="line",
        )
    return line


def _add(pbx: Pbx, *, kind: str, identifier: str, model: str, line: Line | None) -> Device:
    identifier = _clean_identifier(kind, identifier)
    if Device.objects.filter(pbx=pbx, identifier=identifier).exists():
        raise InvalidInput(
            _("A device with the identifier %(identifier)s is already on this PBX.")
            % {"identifier": identifier},
            code="device_exists",
            field="identifier",
        )
    model = (model or "").strip()
    if len(model) > 60:
        raise InvalidInput(
            _("The model name is too long (60 characters at most)."),
            code="too_long",
            field="model",
        )
    return Device.objects.create(pbx=pbx, kind=kind, identifier=identifier, model=model, line=line)


@transaction.atomic
def device_add(
    *, actor: User, pbx: Pbx, kind: str, identifier: str, model: str = "", line_id: Any = None
) -> Device:
    """Add a device to a Cloud PBX: a valid MAC address (desk phone, SIP device) or IPEI (DECT
    handset), unique on the PBX, optionally assigned to a member's line."""
    pbx = pbx_for_change(actor, pbx, cloud=True)
    device = _add(
        pbx, kind=kind, identifier=identifier, model=model, line=_line_of(pbx, line_id=line_id)
    )
    record_change(
        actor=actor,
        pbx=pbx,
        verb="device.added",
        message=gettext_noop("%(actor)s added the device %(device)s to “%(pbx)s”."),
        params={"device": device.display_identifier},
    )
    return device


@transaction.atomic
def device_assign(*, actor: User, device: Device, line_id: Any) -> Device:
    """Assign a device to a member's line of the same PBX, or to nobody (``line_id`` empty)."""
    pbx = pbx_for_change(actor, device.pbx)
    device.line = _line_of(pbx, line_id=line_id)
    device.save(update_fields=["line"])
    record_change(
        actor=actor,
        pbx=pbx,
        verb="device.assigned",
        message=gettext_noop("%(actor)s assigned the device %(device)s to %(member)s."),
        params={
            "device": device.display_identifier,
            "member": device.line.user.name if device.line else "-",
        },
    )
    return device


@transaction.atomic
def device_remove(*, actor: User, device: Device) -> None:
    pbx_row_remove(
        actor=actor,
        row=device,
        verb="device.removed",
        message=gettext_noop("%(actor)s removed the device %(device)s from “%(pbx)s”."),
        params={"device": device.display_identifier},
    )


# --- CSV import -----------------------------------------------------------------------------


def _read_rows(content: str) -> list[dict[str, str]]:
    reader = csv.DictReader(io.StringIO(content))
    fields = [name.strip().lower() for name in reader.fieldnames or []]
    if "identifier" not in fields or "type" not in fields:
        raise InvalidInput(
            _("The CSV file needs a header line with at least the columns type and identifier."),
            code="invalid_csv",
            field="file",
        )
    reader.fieldnames = fields
    return [{k: (v or "").strip() for k, v in row.items() if k} for row in reader]


@transaction.atomic
def device_import_start(*, actor: User, pbx: Pbx, file_name: str, data: bytes) -> DeviceImport:
    """Accept a CSV file of devices and import it in the background: rows that pass are added,
    the others are reported with their error."""
    require_telephony(actor, pbx.company)
    require_cloud(pbx)
    if len(data) > MAX_IMPORT_BYTES:
        raise InvalidInput(
            _("The file is too large (1 MB at most)."), code="file_too_large", field="file"
        )
    try:
        content = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInput(
            _("The file is not a UTF-8 text (CSV) file."), code="invalid_csv", field="file"
        ) from None
    rows = _read_rows(content)
    if not rows:
        raise InvalidInput(_("The file has no rows."), code="invalid_csv", field="file")
    if len(rows) > MAX_IMPORT_ROWS:
        raise InvalidInput(
            _("At most %(max)s devices per file.") % {"max": MAX_IMPORT_ROWS},
            code="too_many_rows",
            field="file",
        )
    job = DeviceImport.objects.create(
        pbx=pbx, created_by=actor, file_name=file_name[:200], content=content, total=len(rows)
    )
    record_change(
        actor=actor,
        pbx=pbx,
        verb="device.import_started",
        message=gettext_noop("%(actor)s started importing %(count)s devices into “%(pbx)s”."),
        params={"count": len(rows)},
    )
    transaction.on_commit(lambda: _queue_import(job.pk))
    return job


def _queue_import(import_id: Any) -> None:
    """Hand the job to the broker; if it is down, the job stays waiting and says so, and
    ``device_imports_requeue_stale`` hands it over again later."""
    try:
        task_send("telephony.tasks.device_import_task", str(import_id))
    except Exception:
        logger.warning("Could not queue device import %s", import_id, exc_info=True)


# A job still waiting this long after it was started was not handed to a worker (the broker was
# down, or lost the task): beat hands it over again (``device_imports_requeue_stale``).
REQUEUE_AFTER = timedelta(minutes=2)


def device_imports_requeue_stale() -> list[Any]:
    """Queue again the imports still waiting after ``REQUEUE_AFTER``. Queuing one twice is
    harmless: ``device_import_run`` takes a job only while it is waiting, under a row lock."""
    cutoff = timezone.now() - REQUEUE_AFTER
    ids = list(
        DeviceImport.objects.filter(status=DeviceImport.Status.QUEUED, created_at__lt=cutoff)
        .order_by("created_at")
        .values_list("pk", flat=True)[:100]
    )
    for import_id in ids:
        _queue_import(import_id)
    return ids


PROGRESS_EVERY = 20


def device_import_run(*, import_id: Any) -> DeviceImport | None:
    """Import the rows of a waiting job, each in its own savepoint; progress saved as it goes.

    Runs in the worker. A job not waiting (already done, or running elsewhere) is left alone.
    """
    with transaction.atomic():
        job = (
            DeviceImport.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=import_id, status=DeviceImport.Status.QUEUED)
            .select_related("pbx", "created_by")
            .first()
        )
        if job is None:
            return None
        job.status = DeviceImport.Status.RUNNING
        job.save(update_fields=["status"])
    rows = _read_rows(job.content)
    errors: list[dict[str, Any]] = []
    imported = 0
    language = job.created_by.language if job.created_by else "en"
    from django.utils import translation

    with translation.override(language):
        for number, row in enumerate(rows, start=1):
            try:
                with transaction.atomic():
                    pbx = lock_pbx(job.pbx)
                    _add(
                        pbx,
                        kind=row.get("type", "").lower(),
                        identifier=row.get("identifier", ""),
                        model=row.get("model", ""),
                        line=_line_of(pbx, extension=row.get("extension", "")),
                    )
                imported += 1
            except DomainError as exc:
                errors.append(
                    {"row": number, "identifier": row.get("identifier", ""), "error": str(exc)}
                )
            if number % PROGRESS_EVERY == 0 or number == len(rows):
                DeviceImport.objects.filter(pk=job.pk).update(
                    processed=number, imported=imported, errors=errors
                )
    with transaction.atomic():
        job.refresh_from_db()
        job.status = DeviceImport.Status.DONE
        job.processed, job.imported, job.errors = len(rows), imported, errors
        job.finished_at = timezone.now()
        job.save()
        if job.created_by:
            record_change(
                actor=job.created_by,
                pbx=job.pbx,
                verb="device.imported",
                message=gettext_noop(
                    "%(actor)s imported %(imported)s of %(total)s devices into “%(pbx)s”."
                ),
                params={"imported": imported, "total": len(rows)},
            )
    return job


def device_import_fail(*, import_id: Any, reason: str) -> None:
    DeviceImport.objects.filter(pk=import_id).exclude(status=DeviceImport.Status.DONE).update(
        status=DeviceImport.Status.FAILED,
        finished_at=timezone.now(),
        errors=[{"row": 0, "identifier": "", "error": reason or gettext_now("Import failed.")}],
    )
