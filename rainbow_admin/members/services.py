"""Member import and export: a whole company's people in and out as CSV.

Each imported person goes through the services of a single add (``companies.services.member_add``:
activation email, default seat), then ``licensing``'s seat assignment for the row's ``offer`` and
``telephony``'s ``line_create`` for its ``extension``, so every rule of those services holds (seats
are counted under the subscription's row lock: two imports at once never oversubscribe). Each row
runs in its own savepoint: a refused row leaves nothing behind. Rows are run in batches, each
committed with the job's progress (``rainbow_admin.jobs``), so an import survives its worker.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import OuterRef, QuerySet, Subquery
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop

from companies.models import Company, User
from companies.services import member_add
from licensing.models import LicenseAssignment, Offer, Subscription
from licensing.services import assignments_add
from notifications.services import activity_record, notify
from rainbow_admin.celery import task_send
from rainbow_admin.csvfiles import csv_decode, csv_lines, csv_rows
from rainbow_admin.db import SpaceJoined
from rainbow_admin.errors import Conflict, DomainError, NotFound
from rainbow_admin.jobs import job_batch, job_claim, jobs_recover
from rainbow_admin.models import MemberImport
from rainbow_admin.permissions import is_operator, require_manage
from rainbow_admin.rate_limits import rate_limit_hit
from telephony.models import Line, Pbx
from telephony.services.pbx import line_create

logger = logging.getLogger(__name__)

MAX_IMPORT_BYTES = 5 * 1024 * 1024
MAX_IMPORT_ROWS = 10_000
BATCH_ROWS = 100
PREVIEW_ROWS = 10
COLUMNS = ("email", "name", "role", "language", "offer", "extension")
# People read per round trip by the export: its memory is that of a chunk, whatever the count.
EXPORT_CHUNK = 100
EXPORT_COLUMNS = ("email", "name", "role", "language", "active", "licenses", "extension")
ROLES = set(User.Role.values)
LANGUAGES = set(User.Language.values)


# --- the rules of a file, before anything is written ------------------------------------------


def _problem(row: int, field: str, message: Any) -> dict[str, Any]:
    return {"row": row, "field": field, "message": str(message)}


def member_import_problems(*, company: Company, rows: list[dict[str, str]]) -> dict[int, dict]:
    """What is wrong with each row that the file alone shows (a fixed number of queries): the
    first problem of each row, by row number (1 = the first row after the header).

    Bad email, duplicate in the file, already a member (here or elsewhere: the company is never
    named), unknown role, language or offer, an extension without a Cloud PBX. Seats left and
    extensions taken are checked as each row is created, under the services' locks.
    """
    emails = {row.get("email", "").strip().lower() for row in rows}
    taken = dict(
        User.objects.filter(email__in=[e for e in emails if e]).values_list("email", "company_id")
    )
    offers = set(Offer.objects.values_list("code", flat=True))
    has_cloud_pbx = any(row.get("extension") for row in rows) and (
        Pbx.objects.filter(company=company, kind=Pbx.Kind.CLOUD_PBX).exists()
    )
    first_row_of: dict[str, int] = {}
    problems: dict[int, dict] = {}
    for number, row in enumerate(rows, start=1):
        email = row.get("email", "").strip().lower()
        problem = None
        try:
            validate_email(email)
        except ValidationError:
            problem = _problem(number, "email", _("Enter a valid email address."))
        if problem is None and email in first_row_of:
            problem = _problem(
                number,
                "email",
                _("The same address is on row %(row)s of the file.") % {"row": first_row_of[email]},
            )
        first_row_of.setdefault(email, number)
        if problem is None and email in taken:
            problem = _problem(
                number,
                "email",
                _("Already a member of your company.")
                if taken[email] == company.pk
                else _("Already a member of another company."),
            )
        if problem is None and not " ".join(row.get("name", "").split()):
            problem = _problem(number, "name", _("A name is required."))
        if problem is None and (row.get("role") or "member").lower() not in ROLES:
            problem = _problem(number, "role", _("Choose a role: admin or member."))
        if problem is None and row.get("language") and row["language"].lower() not in LANGUAGES:
            problem = _problem(number, "language", _("Choose a language: en, de or fr."))
        if problem is None and row.get("offer") and row["offer"].lower() not in offers:
            problem = _problem(
                number,
                "offer",
                _("Unknown offer “%(offer)s”: use one of %(codes)s.")
                % {"offer": row["offer"], "codes": ", ".join(sorted(offers))},
            )
        if problem is None and row.get("extension") and not has_cloud_pbx:
            problem = _problem(number, "extension", _("Your company has no Cloud PBX."))
        if problem is not None:
            problems[number] = problem
    return problems


def _read(content: str) -> list[dict[str, str]]:
    return csv_rows(content, required=("email", "name"), max_rows=MAX_IMPORT_ROWS)


# --- starting an import -----------------------------------------------------------------------


@transaction.atomic
def member_import_prepare(
    *, actor: User, company: Company, file_name: str, data: bytes, send_invitations: bool = True
) -> MemberImport:
    """Accept a CSV file of people (its admins): checked and kept, not started (see
    ``member_import_start``) so the admin sees the preview and the problems first."""
    require_manage(actor, company)
    if not is_operator(actor):
        rate_limit_hit(
            action="member-import",
            key=str(company.pk),
            limit=settings.MEMBER_IMPORTS_PER_COMPANY_PER_DAY,
            window=settings.RATE_LIMIT_DAY,
        )
    content = csv_decode(data, max_bytes=MAX_IMPORT_BYTES)
    rows = _read(content)
    return MemberImport.objects.create(
        company=company,
        created_by=actor,
        file_name=(file_name or "members.csv")[:200],
        content=content,
        send_invitations=send_invitations,
        status=MemberImport.Status.DRAFT,
        total=len(rows),
    )


@transaction.atomic
def member_import_start(*, actor: User, job: MemberImport) -> MemberImport:
    """Hand a prepared import to the workers (once: a second start is a conflict)."""
    require_manage(actor, job.company)
    started = MemberImport.objects.filter(pk=job.pk, status=MemberImport.Status.DRAFT).update(
        status=MemberImport.Status.QUEUED, heartbeat_at=timezone.now()
    )
    if not started:
        raise Conflict(_("This import has already started."), code="import_started")
    job.refresh_from_db()
    activity_record(
        company=job.company,
        actor=actor,
        verb="member.import_started",
        message=gettext_noop("%(actor)s started importing %(count)s people from %(file)s."),
        params={"actor": actor.name, "count": job.total, "file": job.file_name},
    )
    transaction.on_commit(lambda: _queue(job.pk))
    return job


def _queue(import_id: Any) -> None:
    """Queued by name (the task module imports this one, not the reverse); if the broker is
    down, the job stays waiting and beat (``member_imports_recover``) hands it over later."""
    try:
        task_send("rainbow_admin.tasks.member_import_task", str(import_id))
    except Exception:
        logger.warning("Could not queue member import %s", import_id, exc_info=True)


def member_imports_recover() -> list[Any]:
    """Beat: imports waiting too long are queued again; those whose worker died resume after
    their last committed batch, or fail after too many attempts."""
    return jobs_recover(MemberImport, queue=_queue, fail=_give_up)


# --- the worker's side ------------------------------------------------------------------------


def _give_up(job: MemberImport) -> None:
    job.status = MemberImport.Status.FAILED
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "finished_at"])
    _finish(job)


def _seat(*, actor: User, member: User, offer: str) -> None:
    """A seat of ``offer`` from one of the company's subscriptions with room (the default one
    first); none left is the row's error. The assignment service counts under its lock."""
    if LicenseAssignment.objects.filter(user=member, offer_id=offer).exists():
        return  # the default seat was of this offer
    subscriptions = (
        Subscription.objects.filter(
            company_id=member.company_id, offer_id=offer, status=Subscription.Status.ACTIVE
        )
        .order_by("-is_default", "created_at")
        .values_list("pk", flat=True)
    )
    for subscription_id in subscriptions:
        try:
            assignments_add(actor=actor, subscription_id=subscription_id, user_ids=[member.pk])
            return
        except Conflict as exc:
            if exc.code != "not_enough_licenses":
                raise
    raise Conflict(_("No %(offer)s seat left.") % {"offer": offer}, code="no_seat", field="offer")


def _import_row(job: MemberImport, pbx: Pbx | None, actor: User, row: dict[str, str]) -> None:
    step = "email"
    try:
        member = member_add(
            actor=actor,
            company=job.company,
            email=row.get("email", ""),
            name=row.get("name", ""),
            role=(row.get("role") or User.Role.MEMBER).lower(),
            language=(row.get("language") or actor.language).lower(),
            send_activation=job.send_invitations,
            single_add_limit=False,  # the import is limited as a whole (member_import_prepare)
        )
        if row.get("offer"):
            step = "offer"
            _seat(actor=actor, member=member, offer=row["offer"].lower())
        if row.get("extension") and pbx is not None:
            step = "extension"
            line_create(actor=actor, pbx=pbx, user_id=member.pk, extension=row["extension"])
    except DomainError as exc:
        exc.field = step if step != "email" else (exc.field or step)
        raise


def member_import_run(*, import_id: Any) -> MemberImport | None:
    """Import the rows of a waiting job (in the worker), ``BATCH_ROWS`` at a time, each batch
    committed with its progress; a resumed job starts after its last committed batch."""
    job = job_claim(MemberImport, import_id, select_related=("company", "created_by"))
    if job is None:
        return None
    actor = job.created_by
    rows = _read(job.content)
    problems = member_import_problems(company=job.company, rows=rows)
    pbx = Pbx.objects.filter(company=job.company, kind=Pbx.Kind.CLOUD_PBX).order_by("name").first()
    with translation.override(actor.language if actor else "en"):
        while job.processed < len(rows):
            with job_batch(job, counters=("created",)) as batch:
                first = batch.processed
                for number, row in enumerate(rows[first : first + BATCH_ROWS], start=first + 1):
                    if actor is None or not actor.is_active:
                        batch.errors.append(
                            _problem(number, "", _("The person who started the import left."))
                        )
                    elif number in problems:
                        batch.errors.append(problems[number])
                    else:
                        try:
                            with transaction.atomic():
                                _import_row(job, pbx, actor, row)
                            batch.created += 1
                        except DomainError as exc:
                            batch.errors.append(_problem(number, exc.field or "", exc.message))
                    batch.processed = number
        with transaction.atomic():
            job = MemberImport.objects.select_for_update(of=("self",)).select_related(
                "company", "created_by"
            )
            job = job.get(pk=import_id)
            if job.status != MemberImport.Status.RUNNING:
                return job
            job.status = MemberImport.Status.FINISHED
            job.finished_at = timezone.now()
            job.save(update_fields=["status", "finished_at"])
            _finish(job)
    return job


def _finish(job: MemberImport) -> None:
    """One activity entry with the counts, and a notification to the importer."""
    params = {
        "actor": job.created_by.name if job.created_by else "",
        "created": job.created,
        "refused": len(job.errors),
        "total": job.total,
        "processed": job.processed,
        "file": job.file_name,
    }
    if job.status == MemberImport.Status.FINISHED:
        verb = "member.imported"
        message = gettext_noop(
            "%(actor)s imported %(file)s: %(created)s of %(total)s people added, "
            "%(refused)s rows refused."
        )
    else:
        verb = "member.import_failed"
        message = gettext_noop(
            "The import of %(file)s stopped after %(processed)s of %(total)s rows: "
            "%(created)s people added, %(refused)s rows refused."
        )
    activity_record(
        company=job.company, actor=job.created_by, verb=verb, message=message, params=params
    )
    if job.created_by is not None:
        notify(
            recipients=[job.created_by],
            message=message,
            params=params,
            url=reverse("member_import", kwargs={"member_import_id": job.pk}),
        )


def member_import_fail(*, import_id: Any, reason: str) -> None:
    """An error the worker could not get past: the job shows failed, with what it did."""
    with transaction.atomic():
        job = (
            MemberImport.objects.select_for_update(of=("self",))
            .select_related("company", "created_by")
            .filter(pk=import_id, status=MemberImport.Status.RUNNING)
            .first()
        )
        if job is None:
            return
        logger.error("Member import %s failed: %s", import_id, reason)
        _give_up(job)


# --- reads ------------------------------------------------------------------------------------


def member_import_get(*, actor: User, import_id: Any) -> MemberImport:
    """An import of a company the actor manages (404 for anyone else)."""
    job = MemberImport.objects.select_related("company").filter(pk=import_id).first()
    if job is None:
        raise NotFound(_("Not found."), code="not_found")
    try:
        require_manage(actor, job.company)
    except DomainError:
        raise NotFound(_("Not found."), code="not_found") from None
    return job


def member_imports_recent(*, actor: User, company: Company) -> QuerySet[MemberImport]:
    require_manage(actor, company)
    return (
        MemberImport.objects.filter(company=company)
        .exclude(status=MemberImport.Status.DRAFT)
        .defer("content")
        .order_by("-created_at")[:5]
    )


def member_import_preview(*, job: MemberImport) -> dict[str, Any]:
    """The first rows of the file and every problem it shows before anything is written."""
    rows = _read(job.content)
    problems = member_import_problems(company=job.company, rows=rows)
    return {
        "rows": [
            {"row": n, **{c: row.get(c, "") for c in COLUMNS}}
            for n, row in enumerate(rows[:PREVIEW_ROWS], start=1)
        ],
        "problems": list(problems.values()),
        "valid": len(rows) - len(problems),
    }


def member_import_result_lines(*, job: MemberImport) -> Iterator[str]:
    """The result as CSV: every row of the file with what became of it."""
    rows = _read(job.content)
    errors = {error["row"]: error for error in job.errors}
    # Machine-readable outcomes (the message is in the importer's language).
    done, waiting = "created", "not_processed"

    def results() -> Iterator[list[Any]]:
        for number, row in enumerate(rows, start=1):
            error = errors.get(number)
            if error is not None:
                status, field, message = "refused", error["field"], error["message"]
            else:
                status, field, message = (done if number <= job.processed else waiting), "", ""
            yield [number, *(row.get(c, "") for c in COLUMNS), status, field, message]

    return csv_lines(["row", *COLUMNS, "result", "field", "message"], results())


def members_export_lines(*, actor: User, company: Company) -> Iterator[str]:
    """The company's people as CSV (``members.csv`` of the contract), read in chunks by one
    query: 10,000 people cost the memory of a chunk."""
    require_manage(actor, company)
    licenses = (
        LicenseAssignment.objects.filter(user=OuterRef("pk"))
        .order_by()
        .values("user")
        .annotate(codes=SpaceJoined("offer_id"))
        .values("codes")
    )
    extension = Line.objects.filter(user=OuterRef("pk")).values("extension")[:1]
    people = (
        User.objects.filter(company=company)
        .annotate(licenses=Subquery(licenses), extension=Subquery(extension))
        .order_by("name", "email")
        .values_list("email", "name", "role", "language", "is_active", "licenses", "extension")
    )
    rows = (
        (email, name, role, language, "true" if active else "false", codes or "", ext or "")
        for email, name, role, language, active, codes, ext in people.iterator(
            chunk_size=EXPORT_CHUNK
        )
    )
    return csv_lines(EXPORT_COLUMNS, rows)
