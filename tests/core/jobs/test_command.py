"""`cometa jobs run` in one process, with the immediate backend (the job runs inside the
command): the result file is copied where --output says."""

from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from cometa.core.jobs.config import BACKENDS
from tests.core.jobs.conftest import BOOM, COUNT


@pytest.fixture(autouse=True)
def immediate(settings):
    settings.TASKS = {"default": {"BACKEND": BACKENDS["immediate"], "QUEUES": ["default"]}}


def test_run_waits_and_copies_the_result_to_the_output_file(world, tmp_path, capsys):
    target = tmp_path / "out.txt"
    call_command("jobs", "run", COUNT, "--as", "SARA@example.org", "--param", "steps=4",
                 "--output", str(target))  # fmt: skip
    assert target.read_bytes() == b"4 by Sara"
    assert f"Result written to {target}" in capsys.readouterr().out


def test_a_failed_job_ends_the_command_with_its_reason(world):
    with pytest.raises(CommandError, match="failed: RuntimeError: the disk is full at step 2"):
        call_command("jobs", "run", BOOM, "--as", "sara@example.org")
