"""Business operations on jobs: ask for one, cancel it, reap the ones whose worker died,
remove expired results. Called alike by pages, the API, commands and workers."""

from __future__ import annotations

import io
import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.core.jobs import registry
from cometa.core.jobs.config import uses_database_backend
from cometa.core.jobs.models import FINISHED, Job, JobState, result_expiry
from cometa.core.jobs.runner import run_job, this_attempt
from cometa.core.jobs.selectors import is_platform_admin
from cometa.core.jobs.states import sources_of

logger = logging.getLogger(__name__)


def enqueue(job: Job) -> None:
    """Hands the job to the task backend (django-tasks); the task id is kept on the job."""
    result = run_job.enqueue(job.pk)
    Job.objects.filter(pk=job.pk).update(task_id=str(result.id))
    job.task_id = str(result.id)


def start_job(*, actor: Any, kind: str, parameters: dict[str, Any]) -> Job:
    """Records a request for long work by ``actor`` and queues it. The kind's own check
    refuses people who may not ask for it and parameters that make no sense."""
    if not getattr(actor, "is_authenticated", False) or not getattr(actor, "is_active", False):
        raise NotPermitted()
    job_kind = registry.kind_of(kind)
    if job_kind is None:
        raise ValidationFailed({"kind": [_("There is no kind of job named %s.") % kind]})
    job_kind.authorize(actor, parameters)
    # Queued once the row is written (autocommit): an immediate backend runs the job here
    # and now, and its heartbeat thread writes to the row from another connection.
    job = Job.objects.create(kind=kind, requested_by=actor, parameters=parameters)
    enqueue(job)
    job.refresh_from_db()
    return job


def cancel_job(*, actor: Any, job: Job) -> Job:
    """Stops a job that has not finished: a waiting one never starts, a running one stops
    at its next progress report."""
    if job.requested_by_id != getattr(actor, "pk", None) and not is_platform_admin(actor):
        raise NotPermitted()
    now = timezone.now()
    moved = Job.objects.filter(pk=job.pk, state__in=sources_of(JobState.CANCELLED)).update(
        state=JobState.CANCELLED,
        finished_at=now,
        expires_at=result_expiry(now),
        message=_("Cancelled."),
    )
    if not moved:
        raise Conflict("finished", _("This job has already finished."))
    job.refresh_from_db()
    return job


def reap_stale_jobs(*, now: datetime | None = None) -> list[Job]:
    """Jobs marked running whose worker gave no sign of life for STALE_SECONDS: each gets
    another attempt, or fails with the reason once MAX_ATTEMPTS were used. Also jobs still
    waiting whose task a worker took and then died with before it marked the job running.
    Returns them."""
    now = now or timezone.now()
    limit = now - timedelta(seconds=settings.JOBS["STALE_SECONDS"])
    stale = Job.objects.filter(state=JobState.RUNNING, heartbeat_at__lt=limit)
    reaped = [job for job in stale if _reap_one(job, now=now)]
    return reaped + [job for job in _stranded(limit) if _requeue_stranded(job)]


def _stranded(limit: datetime) -> list[Job]:
    """Waiting jobs whose task the database backend says a worker started before ``limit``:
    a live worker would have marked the job running at once (other backends keep no such
    books, so nothing is found there)."""
    if not uses_database_backend():
        return []
    from django_tasks_db.models import DBTaskResult

    taken = DBTaskResult.objects.filter(status="RUNNING", started_at__lt=limit)
    task_ids = [str(task_id) for task_id in taken.values_list("id", flat=True)]
    return list(Job.objects.filter(state=JobState.QUEUED, task_id__in=task_ids))


def _requeue_stranded(job: Job) -> bool:
    # conditional on the task seen: a second reaper finds the task id already replaced
    message = _("The worker that took this job stopped before starting it; waiting again.")
    if not Job.objects.filter(pk=job.pk, state=JobState.QUEUED, task_id=job.task_id).update(
        message=message
    ):
        return False
    _abandon_task(job.task_id)
    enqueue(job)
    logger.warning("job %s: its worker stopped before starting it; queued again", job.pk)
    job.refresh_from_db()
    return True


def _reap_one(job: Job, *, now: datetime) -> bool:
    last_seen = job.heartbeat_at.isoformat(timespec="seconds") if job.heartbeat_at else "-"
    again = job.attempts < settings.JOBS["MAX_ATTEMPTS"]
    if again:
        message = _("The worker stopped (last seen %(time)s); trying again.")
        changes: dict[str, Any] = {"message": message % {"time": last_seen}}
    else:
        error = _(
            "The worker running this job stopped (last seen %(time)s) "
            "and %(attempts)d attempts were used."
        )
        changes = {"error": error % {"time": last_seen, "attempts": job.attempts}}
        changes |= {"finished_at": now, "expires_at": result_expiry(now)}
    state = JobState.QUEUED if again else JobState.FAILED
    # conditional on the attempt seen: two reapers, or a worker that woke up, cannot both win
    if not this_attempt(job.pk, job.attempts).update(state=state, **changes):
        return False
    _abandon_task(job.task_id)
    if again:
        enqueue(job)
    logger.warning("job %s: worker lost in attempt %s; now %s", job.pk, job.attempts, state)
    job.refresh_from_db()
    return True


def _abandon_task(task_id: str) -> None:
    """Marks the dead worker's task failed in the database backend's own table, so it does
    not stay "running" there either (other backends keep their own books)."""
    if not task_id or not uses_database_backend():
        return
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(id=task_id, status="RUNNING").update(
        status="FAILED",
        finished_at=timezone.now(),
        exception_class_path="cometa.core.jobs.runner.WorkerLost",
        traceback="The worker process stopped while running this task.",
    )


def purge_expired(*, now: datetime | None = None) -> int:
    """Removes finished jobs whose keeping time is over, with their result files, and the
    database backend's finished task rows of the same age. Returns how many jobs."""
    now = now or timezone.now()
    if uses_database_backend():  # django-tasks-db keeps every task row until pruned
        call_command(
            "prune_db_task_results",
            min_age_days=settings.JOBS["KEEP_DAYS"],
            queue_name="*",
            verbosity=0,
            stdout=io.StringIO(),
        )
    expired = Job.objects.filter(state__in=FINISHED, expires_at__lt=now)
    count = 0
    for job in expired.iterator():
        _delete_results(job)
        job.delete()
        count += 1
    return count


def _delete_results(job: Job) -> None:
    """Every file under the job's folder: besides the recorded result, an attempt killed
    between writing its file and recording it left one there."""
    folder = f"jobs/{job.pk}"
    try:
        _folders, files = default_storage.listdir(folder)
    except FileNotFoundError:
        return
    for name in files:
        default_storage.delete(f"{folder}/{name}")
