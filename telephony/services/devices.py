"""Phone devices of a Cloud PBX and their CSV import."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import timedelta
from typing import Any

from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as gettext_now
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop, ngettext_lazy

from companies.models import User
from rainbow_admin.celery import task_send
from rainbow_admin.csvfiles import csv_decode, csv_rows
from rainbow_admin.errors import DomainError, InputErrors, InvalidInput, input_errors
from rainbow_admin.jobs import job_batch, job_claim, jobs_recover
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


def _add(
    pbx: Pbx, *, kind: str, identifier: str, model: str, line: Line | Callable[[], Any] | None
) -> Device:
    """Check the identifier, the model and the line (``line`` may be a callable that finds
    it), all at once, then add the device."""
    errors = InputErrors()
    with errors.check():
        identifier = _clean_identifier(kind, identifier)
        if Device.objects.filter(pbx=pbx, identifier=identifier).exists():
            raise InvalidInput(
                _("A device with the identifier %(identifier)s is already on this PBX.")
                % {"identifier": identifier},
                code="device_exists",
                field="identifier",
            )
    model = (model or "").strip()
    with errors.check():
        if len(model) > 60:
            raise InvalidInput(
                _("The model name is too long (60 characters at most)."),
                code="too_long",
                field="model",
            )
    with errors.check():
        line = line() if callable(line) else line
    errors.raise_any()
    return Device.objects.create(pbx=pbx, kind=kind, identifier=identifier, model=model, line=line)


@transaction.atomic
def device_add(
    *, actor: User, pbx: Pbx, kind: str, identifier: str, model: str = "", line_id: Any = None
) -> Device:
    """Add a device to a Cloud PBX: a valid MAC address (desk phone, SIP device) or IPEI (DECT
    handset), unique on the PBX, optionally assigned to a member's line."""
    pbx = pbx_for_change(actor, pbx, cloud=True)
    device = _add(
        pbx,
        kind=kind,
        identifier=identifier,
        model=model,
        line=lambda: _line_of(pbx, line_id=line_id),
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
    return csv_rows(content, required=("type", "identifier"), max_rows=MAX_IMPORT_ROWS)


@transaction.atomic
def device_import_start(*, actor: User, pbx: Pbx, file_name: str, data: bytes) -> DeviceImport:
    """Accept a CSV file of devices and import it in the background: rows that pass are added,
    the others are reported with their error."""
    require_telephony(actor, pbx.company)
    require_cloud(pbx)
    content = csv_decode(data, max_bytes=MAX_IMPORT_BYTES)
    rows = _read_rows(content)
    job = DeviceImport.objects.create(
        pbx=pbx, created_by=actor, file_name=file_name[:200], content=content, total=len(rows)
    )
    record_change(
        actor=actor,
        pbx=pbx,
        verb="device.import_started",
        message=ngettext_lazy(
            "%(actor)s started importing %(count)s device into “%(pbx)s”.",
            "%(actor)s started importing %(count)s devices into “%(pbx)s”.",
            "count",
        ),
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
# down, or lost the task), and a running job silent this long lost its worker: beat hands it over
# again (``device_imports_requeue_stale``). The same as ``settings.IMPORT_STALE_SECONDS``.
REQUEUE_AFTER = timedelta(minutes=2)


def device_imports_requeue_stale() -> list[Any]:
    """Beat: queue again the imports waiting too long, resume those whose worker died (from the
    last batch it committed), mark failed those that died too often (``rainbow_admin.jobs``)."""
    return jobs_recover(DeviceImport, queue=_queue_import, fail=_give_up)


def _give_up(job: DeviceImport) -> None:
    """Beat gives up on a job: failed, with the rows it did and why, in its creator's language."""
    job.status = DeviceImport.Status.FAILED
    job.finished_at = timezone.now()
    with translation.override(job.created_by.language if job.created_by else "en"):
        reason = _(
            "The import stopped after %(processed)s of %(total)s rows and could not resume."
        ) % {"processed": job.processed, "total": job.total}
        job.errors = [*job.errors, {"row": 0, "identifier": "", "error": str(reason)}]
    job.save(update_fields=["status", "finished_at", "errors"])


PROGRESS_EVERY = 20


def device_import_run(*, import_id: Any) -> DeviceImport | None:
    """Import the rows of a waiting job in batches of ``PROGRESS_EVERY`` rows, each row in its own
    savepoint, each batch committed with the progress it makes: a run that resumes after a dead
    worker starts after the last committed batch (``rainbow_admin.jobs``).

    Runs in the worker. A job not waiting (already done, or running elsewhere) is left alone.
    """
    job = job_claim(DeviceImport, import_id, select_related=("pbx", "created_by"))
    if job is None:
        return None
    rows = _read_rows(job.content)
    language = job.created_by.language if job.created_by else "en"
    refused: str | None = None  # why the starter may no longer import, in their language
    with translation.override(language):
        while job.processed < len(rows) and refused is None:
            with job_batch(job, counters=("imported",)) as batch:
                pbx = lock_pbx(job.pbx)
                # The starter may have lost the right since (a withdrawn scope, an ended link):
                # each batch asks again, and a refusal stops the job with what it did so far.
                if job.created_by:
                    try:
                        require_telephony(job.created_by, pbx.company)
                    except DomainError as exc:
                        refused = str(exc)
                        continue
                first = batch.processed
                for number, row in enumerate(rows[first : first + PROGRESS_EVERY], start=first + 1):
                    try:
                        with transaction.atomic():
                            _add(
                                pbx,
                                kind=row.get("type", "").lower(),
                                identifier=row.get("identifier", ""),
                                model=row.get("model", ""),
                                line=lambda pbx=pbx, row=row: _line_of(
                                    pbx, extension=row.get("extension", "")
                                ),
                            )
                        batch.imported += 1
                    except DomainError as exc:
                        batch.errors.append(
                            {
                                "row": number,
                                "identifier": row.get("identifier", ""),
                                "error": " ".join(str(e) for e in input_errors(exc)),
                            }
                        )
                    batch.processed = number
    with transaction.atomic():
        job = (
            DeviceImport.objects.select_for_update(of=("self",))
            .select_related("pbx", "created_by")
            .get(pk=job.pk)
        )
        if job.status != DeviceImport.Status.RUNNING:
            return job
        job.finished_at = timezone.now()
        if refused is not None:
            job.status = DeviceImport.Status.FAILED
            job.errors = [
                *job.errors,
                {"row": 0, "identifier": "", "error": refused},
            ]
            job.save(update_fields=["status", "finished_at", "errors"])
            return job
        job.status = DeviceImport.Status.DONE
        job.save(update_fields=["status", "finished_at"])
        if job.created_by:
            record_change(
                actor=job.created_by,
                pbx=job.pbx,
                verb="device.imported",
                message=ngettext_lazy(
                    "%(actor)s imported %(imported)s of %(total)s device into “%(pbx)s”.",
                    "%(actor)s imported %(imported)s of %(total)s devices into “%(pbx)s”.",
                    "total",
                ),
                params={"imported": job.imported, "total": len(rows)},
            )
    return job


def device_import_fail(*, import_id: Any, reason: str) -> None:
    DeviceImport.objects.filter(pk=import_id).exclude(status=DeviceImport.Status.DONE).update(
        status=DeviceImport.Status.FAILED,
        finished_at=timezone.now(),
        errors=[{"row": 0, "identifier": "", "error": reason or gettext_now("Import failed.")}],
    )
