"""A worker process killed in the middle of a job (SIGKILL: no chance to clean up): the
next worker reaps the job and runs it again, or fails it once its attempts are used. Real
processes on a real SQLite file, and on PostgreSQL when the run names one."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import psycopg
import pytest

COMETA = [sys.executable, "-m", "cometa.cli"]
pytestmark = pytest.mark.xdist_group("commands")
STEPS = 20  # of 0.3 s each: long enough to be killed in the middle
FAST = {"COMETA_JOBS_HEARTBEAT_SECONDS": "1", "COMETA_JOBS_STALE_SECONDS": "3"}


def environment(tmp_path: Path, extra: dict[str, str]) -> dict[str, str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COMETA_", "DATABASE_URL"))}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    return clean | {"COMETA_DEBUG": "1", "COMETA_DATA_DIR": str(tmp_path / "data")} | extra


def cometa(env: dict[str, str], *args: str, stdin: str = "") -> str:
    result = subprocess.run(
        [*COMETA, *args], env=env, capture_output=True, text=True, input=stdin, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return result.stdout


def worker(env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    with log.open("ab") as out:
        return subprocess.Popen([*COMETA, "worker", "--interval", "0.2"], env=env,
                                stdout=out, stderr=subprocess.STDOUT)  # fmt: skip


COLUMNS = ("state", "done", "attempts", "error")


def rows(env: dict[str, str], query: str) -> list[tuple[object, ...]]:
    """Read straight from the database (a `cometa jobs show` per look would take longer
    than the job)."""
    if env.get("DATABASE_URL"):
        with psycopg.connect(env["DATABASE_URL"]) as db:
            return db.execute(query).fetchall()
    with sqlite3.connect(Path(env["COMETA_DATA_DIR"]) / "cometa.sqlite3") as db:
        return db.execute(query).fetchall()


def state(env: dict[str, str], job: str) -> dict[str, object]:
    found = rows(env, f"SELECT {', '.join(COLUMNS)} FROM core_job WHERE id = {int(job)}")
    assert found, f"no job {job}"
    return dict(zip(COLUMNS, found[0], strict=True))


def tasks(env: dict[str, str]) -> list[tuple[object, ...]]:
    """The task backend's rows (one per attempt), oldest first: status and exception."""
    return rows(env, "SELECT status, exception_class_path FROM django_tasks_database_dbtaskresult"
                     " ORDER BY enqueued_at")  # fmt: skip


def wait_until(env, job, condition, *, seconds: float) -> dict[str, object]:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        seen = state(env, job)
        if condition(seen):
            return seen
        time.sleep(0.3)
    raise AssertionError(f"job {job} never got there: {seen}")


def prepare(env: dict[str, str], steps: int) -> str:
    cometa(env, "migrate", "-v0")
    cometa(env, "user", "create", "ada@example.org", "--name", "Ada", "--admin",
           "--password-stdin", stdin="a long enough password 1\n")  # fmt: skip
    return cometa(
        env, "jobs", "run", "core.probe", "--as", "ada@example.org",
        "--param", f"steps={steps}", "--param", "pause=0.3", "--no-wait",
    ).strip()  # fmt: skip


def kill_in_the_middle(env: dict[str, str], job: str, log: Path) -> None:
    first = worker(env, log)
    try:
        seen = wait_until(env, job, lambda s: int(s["done"]) >= 2, seconds=60)
        assert seen["state"] == "running"
        first.send_signal(signal.SIGKILL)
    finally:
        first.kill()
        first.wait(timeout=10)
    assert state(env, job)["state"] == "running"  # nobody cleaned up: the reaper must


def finished(seen: dict[str, object]) -> bool:
    return seen["state"] in ("done", "failed")


def run_kill_and_retry(tmp_path: Path, extra: dict[str, str]) -> None:
    env = environment(tmp_path, FAST | extra)
    job, log = prepare(env, steps=STEPS), tmp_path / "worker.log"
    kill_in_the_middle(env, job, log)
    second = worker(env, log)
    try:
        seen = wait_until(env, job, finished, seconds=90)
    finally:
        second.terminate()
        second.wait(timeout=30)
    assert (seen["state"], seen["attempts"], seen["done"]) == ("done", 2, STEPS), log.read_text()
    shown = json.loads(cometa(env, "jobs", "show", job))
    assert shown["result"] == f"jobs/{job}/probe-{job}.txt"
    result = Path(env["COMETA_DATA_DIR"]) / "uploads" / str(shown["result"])
    assert result.read_text().splitlines()[-1] == f"step {STEPS} of {STEPS}, attempt 2"
    # the killed attempt's task is not left "running" in the backend's own table
    assert tasks(env) == [("FAILED", "cometa.core.jobs.runner.WorkerLost"), ("SUCCESSFUL", "")]


def test_a_killed_worker_s_job_is_run_again_by_the_next_worker(tmp_path):
    run_kill_and_retry(tmp_path, {})


def test_a_killed_worker_s_job_fails_with_its_reason_when_out_of_attempts(tmp_path):
    env = environment(tmp_path, FAST | {"COMETA_JOBS_MAX_ATTEMPTS": "1"})
    job, log = prepare(env, steps=STEPS), tmp_path / "worker.log"
    kill_in_the_middle(env, job, log)
    second = worker(env, log)
    try:
        seen = wait_until(env, job, finished, seconds=60)
    finally:
        second.terminate()
        second.wait(timeout=30)
    assert seen["state"] == "failed" and seen["attempts"] == 1
    assert "worker running this job stopped" in str(seen["error"])
    assert 2 <= int(seen["done"]) < STEPS  # it ran, and was not run again
    assert tasks(env) == [("FAILED", "cometa.core.jobs.runner.WorkerLost")]


@pytest.mark.skipif(
    not os.environ.get("COMETA_TEST_DATABASE_URL"), reason="PostgreSQL not given for this run"
)
def test_kill_and_retry_on_postgresql(tmp_path):
    server = os.environ["COMETA_TEST_DATABASE_URL"].rsplit("/", 1)[0]
    base, name = server + "/postgres", f"cometa_jobs_kill_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name}")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        run_kill_and_retry(tmp_path, {"DATABASE_URL": f"{server}/{name}"})
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
