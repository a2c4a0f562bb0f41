"""Imports a worker runs in batches, resumable: one shape shared by device and member imports.

A job row has ``status`` (queued, running, then done or failed), ``processed`` (rows done),
``heartbeat_at``, ``attempts`` and ``run_token``. A worker claims a waiting job under a row lock
and gets a fresh ``run_token``; each batch of rows is written in one transaction that first locks
the job row, checks the token is still its own and that ``processed`` is where it left it, and ends
by moving ``processed`` and the heartbeat on. So a worker that dies loses the batch it was in and
nothing else, and a worker that was given up for dead (and comes back) cannot write a batch twice.

Beat (``jobs_recover``) hands a job whose heartbeat went silent back to the queue (the next worker
resumes after the last committed batch), and marks it failed, with what it did, after
``settings.IMPORT_MAX_ATTEMPTS`` hand-overs.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.db import models, transaction
from django.db.models import Q
from django.utils import timezone

logger = logging.getLogger(__name__)


class JobTakenOver(Exception):
    """The job is no longer this worker's (given up for dead and handed to another one)."""


def job_claim(model: type[models.Model], job_id: Any, **related: Any) -> Any | None:
    """Take a waiting job for this worker (None if it is not waiting: done, or running
    elsewhere). ``related``: ``select_related`` names."""
    with transaction.atomic():
        job = (
            model.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(pk=job_id, status=model.Status.QUEUED)
            .select_related(*related.get("select_related", ()))
            .first()
        )
        if job is None:
            return None
        job.status = model.Status.RUNNING
        job.attempts += 1
        job.run_token = uuid.uuid4()
        job.heartbeat_at = timezone.now()
        job.save(update_fields=["status", "attempts", "run_token", "heartbeat_at"])
    return job


@contextmanager
def job_batch(job: Any, *, counters: tuple[str, ...]) -> Iterator[Any]:
    """A transaction for one batch of ``job``: yields the locked row, raises ``JobTakenOver`` when
    the job is no longer this worker's. The caller sets ``processed``, ``errors`` and its
    ``counters`` on the row; they are saved, heartbeat stamped, when the batch commits with the
    rows it wrote (the file itself is neither read nor written again)."""
    model = type(job)
    with transaction.atomic():
        row = model.objects.select_for_update().defer("content").filter(pk=job.pk).first()
        if (
            row is None
            or row.status != model.Status.RUNNING
            or row.run_token != job.run_token
            or row.processed != job.processed
        ):
            raise JobTakenOver(str(job.pk))
        yield row
        row.heartbeat_at = timezone.now()
        row.save(update_fields=["processed", "errors", "heartbeat_at", *counters])
    job.processed = row.processed


def _stale_cutoff() -> Any:
    return timezone.now() - timedelta(seconds=settings.IMPORT_STALE_SECONDS)


def jobs_recover(
    model: type[models.Model],
    *,
    queue: Callable[[Any], None],
    fail: Callable[[Any], None],
) -> list[Any]:
    """Beat: jobs waiting too long (the broker lost them) are queued again; running jobs whose
    heartbeat went silent (their worker died) go back to waiting and are queued again, or, after
    ``IMPORT_MAX_ATTEMPTS`` runs, are ``fail``-ed. Returns the ids queued."""
    cutoff = _stale_cutoff()
    Status = model.Status
    queued: list[Any] = []
    with transaction.atomic():
        silent = list(
            model.objects.select_for_update(skip_locked=True, of=("self",))
            .filter(status=Status.RUNNING)
            .filter(Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True))
            .order_by("created_at")[:100]
        )
        for job in silent:
            if job.attempts >= settings.IMPORT_MAX_ATTEMPTS:
                logger.warning("Import %s failed after %s attempts", job.pk, job.attempts)
                fail(job)
                continue
            logger.warning("Import %s went silent at row %s; resuming", job.pk, job.processed)
            job.status, job.run_token, job.heartbeat_at = Status.QUEUED, None, timezone.now()
            job.save(update_fields=["status", "run_token", "heartbeat_at"])
            queued.append(job.pk)
    waiting = (
        model.objects.filter(status=Status.QUEUED)
        .filter(Q(heartbeat_at__lt=cutoff) | Q(heartbeat_at__isnull=True, created_at__lt=cutoff))
        .exclude(pk__in=queued)
        .order_by("created_at")
        .values_list("pk", flat=True)[:100]
    )
    queued += list(waiting)
    for job_id in queued:
        queue(job_id)
    return queued
