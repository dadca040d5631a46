"""Runs one job inside a worker: claims it, keeps its heartbeat, reports progress, stores
the result file, records the end. ``run_job`` is the one django-tasks task of Cometa."""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import close_old_connections, connection
from django.db.models import F, QuerySet
from django.utils import timezone, translation
from django.utils.text import get_valid_filename
from django_tasks import task

from cometa.core.errors import ServiceError
from cometa.core.jobs import registry
from cometa.core.jobs.models import Job, JobState, result_expiry

logger = logging.getLogger(__name__)
PROGRESS_EVERY_SECONDS = 0.25  # progress is written at most this often (the last step always)


class JobStopped(Exception):
    """The job was cancelled, or taken over after this worker was thought dead."""


class WorkerLost(Exception):
    """Recorded on a task whose worker process stopped (see services.reap_stale_jobs)."""


@task()
def run_job(job_id: int) -> None:
    execute(job_id)


def this_attempt(job_id: int, attempt: int) -> QuerySet[Job]:
    """This attempt's row: every write of a worker is conditional on it, so a worker taken
    for dead that wakes up again cannot overwrite the attempt that replaced it."""
    return Job.objects.filter(pk=job_id, state=JobState.RUNNING, attempts=attempt)


def execute(job_id: int) -> None:
    now = timezone.now()
    claimed = Job.objects.filter(pk=job_id, state=JobState.QUEUED).update(
        state=JobState.RUNNING,
        attempts=F("attempts") + 1,
        started_at=now,
        heartbeat_at=now,
        done=0,
        error="",
    )
    if not claimed:
        logger.info("job %s: not waiting any more (cancelled or taken), skipped", job_id)
        return
    job = Job.objects.get(pk=job_id)
    kind = registry.kind_of(job.kind)
    if kind is None:
        _fail(job, f"No kind of job named {job.kind!r} is registered in this worker.")
        return
    heartbeat = Heartbeat(job.pk, job.attempts, settings.JOBS["HEARTBEAT_SECONDS"])
    heartbeat.start()
    try:
        with translation.override(job.parameters.get("language") or settings.LANGUAGE_CODE):
            output = kind.runner(job, JobProgress(job.pk, job.attempts))
    except JobStopped:
        logger.info("job %s: stopped (cancelled or taken over)", job.pk)
    except ServiceError as error:
        _fail(job, error.message)
    except Exception as error:
        logger.exception("job %s failed", job.pk)
        _fail(job, f"{type(error).__name__}: {error}")
    else:
        _finish(job, output)
    finally:
        heartbeat.stop()


def _fail(job: Job, reason: str) -> None:
    now = timezone.now()
    this_attempt(job.pk, job.attempts).update(
        state=JobState.FAILED,
        error=reason[:2000],
        finished_at=now,
        expires_at=result_expiry(now),
    )


def _finish(job: Job, output: registry.JobOutput) -> None:
    label = get_valid_filename(output.name) or f"job-{job.pk}"
    now = timezone.now()
    stored = default_storage.save(f"jobs/{job.pk}/{label}", ContentFile(output.content))
    finished = this_attempt(job.pk, job.attempts).update(
        state=JobState.DONE,
        result_name=stored,
        result_label=label,
        finished_at=now,
        expires_at=result_expiry(now),
        done=F("total"),
    )
    if not finished:  # cancelled while the file was written: keep nothing
        default_storage.delete(stored)


class JobProgress:
    """The ``progress(done, total, message)`` a runner calls; it also proves the worker
    alive, and stops the runner (JobStopped) when the job was cancelled meanwhile."""

    def __init__(self, job_id: int, attempt: int) -> None:
        self.job_id, self.attempt = job_id, attempt
        self.last_write = 0.0

    def __call__(self, done: int, total: int, message: str = "") -> None:
        now = time.monotonic()
        if now - self.last_write < PROGRESS_EVERY_SECONDS and done < total:
            return
        self.last_write = now
        written = this_attempt(self.job_id, self.attempt).update(
            done=max(0, done),
            total=max(0, total),
            message=message[:300],
            heartbeat_at=timezone.now(),
        )
        if not written:
            raise JobStopped(self.job_id)


class Heartbeat:
    """A thread that stamps the job every few seconds while its runner works, so a long
    step without progress reports is not taken for a dead worker."""

    def __init__(self, job_id: int, attempt: int, interval: float) -> None:
        self.job_id, self.attempt, self.interval = job_id, attempt, interval
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._beat, name=f"job-{job_id}-heartbeat")
        self.thread.daemon = True

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=self.interval + 5)

    def _beat(self) -> None:
        try:
            while not self.stopped.wait(self.interval):
                try:
                    this_attempt(self.job_id, self.attempt).update(heartbeat_at=timezone.now())
                except Exception:  # a busy database: try again at the next beat
                    logger.warning("job %s: heartbeat not written", self.job_id, exc_info=True)
                    close_old_connections()
        finally:
            connection.close()
