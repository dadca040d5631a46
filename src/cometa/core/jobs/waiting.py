"""Waiting for a job on the command line, with a progress line (``core/progress.py``)."""

from __future__ import annotations

import time
from typing import TextIO

from cometa.core.jobs.models import Job, JobState
from cometa.core.progress import Progress

NO_WORKER_HINT_SECONDS = 15.0


def wait_for_job(
    job: Job, *, stream: TextIO, poll_seconds: float = 0.5, timeout: float | None = None
) -> Job:
    """Shows the job's progress until it ends (or ``timeout`` seconds pass) and returns it."""
    progress = Progress(f"Job {job.pk} ({job.kind})", total=job.total or None, stream=stream)
    started, hinted, shown = time.monotonic(), False, (-1, -1, "")
    while True:
        job.refresh_from_db()
        if (job.done, job.total, job.message) != shown:
            progress.total = job.total or None
            progress.update(job.done, job.message)
            shown = (job.done, job.total, job.message)
        if job.is_finished:
            progress.done(str(job.get_state_display()).lower())
            return job
        waited = time.monotonic() - started
        if job.state == JobState.QUEUED and not hinted and waited > NO_WORKER_HINT_SECONDS:
            stream.write("No worker has taken the job yet: is `cometa worker` running?\n")
            hinted = True
        if timeout is not None and waited > timeout:
            return job
        time.sleep(poll_seconds)
