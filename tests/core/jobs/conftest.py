"""Job kinds made for the tests: one that counts, one that fails, one that cancels itself
in the middle. Registered for a test and removed after it."""

from __future__ import annotations

from typing import Any

import pytest

from cometa.core.errors import NotPermitted
from cometa.core.jobs import registry, services
from cometa.core.jobs.models import Job

COUNT, BOOM, SELF_CANCEL = "test.count", "test.boom", "test.self-cancel"


def _anyone(actor: Any, parameters: dict[str, Any]) -> None:
    if parameters.get("refuse"):
        raise NotPermitted("refused by the kind")


def count(job: Job, progress: registry.Progress) -> registry.JobOutput:
    steps = int(job.parameters.get("steps", 3))
    for step in range(1, steps + 1):
        progress(step, steps, f"counted {step}")
    return registry.JobOutput("count result.txt", f"{steps} by {job.requested_by}".encode())


def boom(job: Job, progress: registry.Progress) -> registry.JobOutput:
    progress(1, 2, "half way")
    raise RuntimeError("the disk is full at step 2")


def self_cancel(job: Job, progress: registry.Progress) -> registry.JobOutput:
    progress(1, 3, "started")
    services.cancel_job(actor=job.requested_by, job=job)
    progress(2, 3, "after the cancel")  # stops the runner
    return registry.JobOutput("never.txt", b"never stored")


@pytest.fixture(autouse=True)
def test_kinds():
    for name, runner in ((COUNT, count), (BOOM, boom), (SELF_CANCEL, self_cancel)):
        registry.register(name=name, label=name, runner=runner, authorize=_anyone)
    yield
    for name in (COUNT, BOOM, SELF_CANCEL):
        registry.unregister(name)


@pytest.fixture(autouse=True)
def own_storage(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
