"""Asking for a job, running it, its progress and end, cancelling, reaping jobs whose
worker died (retry or fail), and removing expired results."""

from __future__ import annotations

import io
import time
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.core.files.storage import default_storage
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.core.jobs import runner, services
from cometa.core.jobs.models import Job, JobState
from tests.core.jobs.conftest import BOOM, COUNT, SELF_CANCEL


def start(person, kind=COUNT, **parameters):
    return services.start_job(actor=person, kind=kind, parameters=parameters)


def test_asking_records_a_queued_job_with_its_task(world):
    job = start(world.sara, steps=4)
    assert (job.state, job.requested_by, job.parameters) == ("queued", world.sara, {"steps": 4})
    task = DBTaskResult.objects.get(id=job.task_id)
    assert task.status == "READY" and task.args_kwargs["args"] == [job.pk]


def test_unknown_kinds_and_refusals_of_the_kind_record_nothing(world):
    with pytest.raises(ValidationFailed, match=r"no kind of job named nothing\.here"):
        start(world.sara, kind="nothing.here")
    with pytest.raises(NotPermitted, match="refused by the kind"):
        start(world.sara, refuse=True)
    with pytest.raises(NotPermitted):  # the probe is for platform administrators
        start(world.sara, kind="core.probe", steps=1, pause=0)
    assert not Job.objects.exists()


def test_running_stores_the_result_and_the_progress(world):
    job = start(world.sara, steps=5)
    runner.execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.done, job.total, job.attempts) == ("done", 5, 5, 1)
    assert job.message == "counted 5"
    assert job.result_name.startswith(f"jobs/{job.pk}/") and job.result_label == "count_result.txt"
    with default_storage.open(job.result_name) as stored:
        assert stored.read() == b"5 by Sara"
    assert job.finished_at >= job.started_at >= job.created_at
    assert job.expires_at - job.finished_at == timedelta(days=7)


def test_an_error_fails_the_job_with_its_reason_and_no_retry(world):
    job = start(world.sara, kind=BOOM)
    runner.execute(job.pk)
    job.refresh_from_db()
    assert job.state == "failed" and job.attempts == 1
    assert job.error == "RuntimeError: the disk is full at step 2"
    assert (job.done, job.total, job.result_name) == (1, 2, "")


def test_a_cancelled_job_never_starts_and_a_finished_one_cannot_be_cancelled(world):
    job = start(world.sara)
    with pytest.raises(NotPermitted):
        services.cancel_job(actor=world.oscar, job=job)
    services.cancel_job(actor=world.ada, job=job)  # administrators may
    runner.execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.attempts, job.started_at) == ("cancelled", 0, None)
    with pytest.raises(Conflict):
        services.cancel_job(actor=world.sara, job=job)


def test_a_job_cancelled_while_running_stops_at_its_next_report_and_keeps_no_file(world):
    job = start(world.sara, kind=SELF_CANCEL)
    runner.execute(job.pk)
    job.refresh_from_db()
    assert job.state == "cancelled" and job.result_name == ""
    assert (job.done, job.message) == (1, "Cancelled.")


def test_progress_is_written_at_most_four_times_a_second_but_the_last_step_always(
    world, monkeypatch
):
    clock = iter([100.0, 100.1, 100.2, 100.5])  # seconds, as the runner's clock reads them
    monkeypatch.setattr(runner, "time", SimpleNamespace(monotonic=lambda: next(clock)))
    job = start(world.sara)
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING, attempts=1)
    progress = runner.JobProgress(job.pk, 1)
    progress(1, 10, "one")
    progress(2, 10, "two")  # too soon: not written
    job.refresh_from_db()
    assert (job.done, job.message) == (1, "one")
    progress(10, 10, "last")  # as soon, but the last step
    job.refresh_from_db()
    assert (job.done, job.total, job.message) == (10, 10, "last")
    progress(3, 10, "later")  # a quarter of a second after the last write
    job.refresh_from_db()
    assert (job.done, job.message) == (3, "later")


def test_the_heartbeat_stamps_a_silent_runner_s_attempt_until_stopped(monkeypatch):
    stamps = []  # (job, attempt) of each stamp; the thread's own database writes are the
    # runner's per-attempt update, checked by the tests above and the worker-kill tests

    class Rows:
        def __init__(self, job_id: int, attempt: int) -> None:
            self.key = (job_id, attempt)

        def update(self, **fields: object) -> int:
            assert set(fields) == {"heartbeat_at"}
            stamps.append(self.key)
            return 1

    monkeypatch.setattr(runner, "this_attempt", Rows)
    beat = runner.Heartbeat(7, 2, interval=0.02)
    beat.start()
    deadline = time.monotonic() + 10
    while len(stamps) < 3:
        assert time.monotonic() < deadline, "the heartbeat never stamped the job"
        time.sleep(0.02)
    beat.stop()
    assert not beat.thread.is_alive() and set(stamps) == {(7, 2)}
    after = len(stamps)
    time.sleep(0.1)
    assert len(stamps) == after  # nothing stamped once stopped


def _running(job: Job, *, seconds_ago: int, attempts: int = 1) -> None:
    beat = timezone.now() - timedelta(seconds=seconds_ago)
    Job.objects.filter(pk=job.pk).update(
        state=JobState.RUNNING, attempts=attempts, started_at=beat, heartbeat_at=beat
    )
    DBTaskResult.objects.filter(id=job.task_id).update(status="RUNNING")


def test_a_job_whose_worker_died_is_queued_again_and_then_runs(world, settings):
    settings.JOBS = settings.JOBS | {"STALE_SECONDS": 60, "MAX_ATTEMPTS": 3}
    job, alive = start(world.sara), start(world.bolat)
    _running(job, seconds_ago=61)
    _running(alive, seconds_ago=5)
    dead_task = job.task_id
    assert [reaped.pk for reaped in services.reap_stale_jobs()] == [job.pk]
    job.refresh_from_db()
    assert job.state == "queued" and "trying again" in job.message
    assert job.task_id != dead_task
    assert DBTaskResult.objects.get(id=dead_task).status == "FAILED"
    assert DBTaskResult.objects.get(id=job.task_id).status == "READY"
    alive.refresh_from_db()
    assert alive.state == "running"
    runner.execute(job.pk)
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("done", 2)


def test_a_job_out_of_attempts_fails_with_the_reason(world, settings):
    settings.JOBS = settings.JOBS | {"STALE_SECONDS": 60, "MAX_ATTEMPTS": 2}
    job = start(world.sara)
    _running(job, seconds_ago=600, attempts=2)
    services.reap_stale_jobs()
    job.refresh_from_db()
    assert job.state == "failed" and job.finished_at is not None
    assert "worker running this job stopped" in job.error and "2 attempts" in job.error


def test_a_worker_taken_for_dead_cannot_overwrite_the_attempt_that_replaced_it(world):
    job = start(world.sara)
    Job.objects.filter(pk=job.pk).update(state=JobState.RUNNING, attempts=2)
    late = runner.JobProgress(job.pk, 1)  # the first attempt, woken up again
    with pytest.raises(runner.JobStopped):
        late(5, 5, "late")
    job.refresh_from_db()
    assert job.done == 0


def test_purge_removes_expired_jobs_and_their_files_only(world):
    old, fresh, waiting = start(world.sara), start(world.sara), start(world.sara)
    runner.execute(old.pk)
    runner.execute(fresh.pk)
    old.refresh_from_db()
    Job.objects.filter(pk=old.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert default_storage.exists(old.result_name)
    assert services.purge_expired() == 1
    assert not default_storage.exists(old.result_name)
    assert set(Job.objects.values_list("pk", flat=True)) == {fresh.pk, waiting.pk}


def test_purge_prunes_the_task_backend_s_finished_rows_of_the_same_age(world):
    old, fresh, waiting = start(world.sara), start(world.sara), start(world.sara)
    long_ago = timezone.now() - timedelta(days=8)  # KEEP_DAYS is 7
    DBTaskResult.objects.filter(id=old.task_id).update(status="SUCCESSFUL", finished_at=long_ago)
    DBTaskResult.objects.filter(id=fresh.task_id).update(
        status="FAILED", finished_at=timezone.now()
    )
    services.purge_expired()
    left = set(DBTaskResult.objects.values_list("id", flat=True))
    assert {str(task) for task in left} == {fresh.task_id, waiting.task_id}


def test_a_waiting_job_whose_worker_died_before_starting_it_is_queued_again(world, settings):
    """A worker took the task (the backend says running) and died before it marked the job
    running: the job would wait for ever; the reaper hands it a new task."""
    settings.JOBS = settings.JOBS | {"STALE_SECONDS": 60}
    stranded, just_taken = start(world.sara), start(world.bolat)
    long_ago = timezone.now() - timedelta(seconds=61)
    DBTaskResult.objects.filter(id=stranded.task_id).update(status="RUNNING", started_at=long_ago)
    DBTaskResult.objects.filter(id=just_taken.task_id).update(
        status="RUNNING", started_at=timezone.now()
    )
    dead_task = stranded.task_id
    assert [job.pk for job in services.reap_stale_jobs()] == [stranded.pk]
    stranded.refresh_from_db()
    assert stranded.state == "queued" and stranded.task_id != dead_task
    assert DBTaskResult.objects.get(id=dead_task).status == "FAILED"
    assert DBTaskResult.objects.get(id=stranded.task_id).status == "READY"
    assert services.reap_stale_jobs() == []  # reaped once, not again
    runner.execute(stranded.pk)
    stranded.refresh_from_db()
    assert (stranded.state, stranded.attempts) == ("done", 1)


def test_purge_also_removes_a_file_left_by_an_attempt_killed_before_recording_it(world):
    job = start(world.sara)
    runner.execute(job.pk)
    job.refresh_from_db()
    orphan = default_storage.save(f"jobs/{job.pk}/left-behind.txt", io.BytesIO(b"x"))
    Job.objects.filter(pk=job.pk).update(expires_at=timezone.now() - timedelta(seconds=1))
    assert services.purge_expired() == 1
    assert not default_storage.exists(orphan) and not default_storage.exists(job.result_name)
