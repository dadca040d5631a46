"""The probe: a job kind of core's own that counts steps with a pause between them and
writes what it counted. An operator runs it (``cometa jobs run core.probe --as ADMIN``) to
see that workers take jobs, report progress and store results; the tests kill a worker in
the middle of one."""

from __future__ import annotations

import time
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.core.jobs import registry
from cometa.core.jobs.models import Job
from cometa.core.jobs.selectors import is_platform_admin

KIND = "core.probe"
MAX_STEPS = 1000
MAX_PAUSE_SECONDS = 10.0


def _numbers(parameters: dict[str, Any]) -> tuple[int, float]:
    try:
        steps = int(parameters.get("steps", 10))
        pause = float(parameters.get("pause", 0.5))
    except (TypeError, ValueError):
        raise ValidationFailed(
            {"parameters": [_("steps must be a whole number and pause a number of seconds.")]}
        ) from None
    if not 1 <= steps <= MAX_STEPS:
        raise ValidationFailed({"steps": [_("Between 1 and %d steps.") % MAX_STEPS]})
    if not 0 <= pause <= MAX_PAUSE_SECONDS:
        raise ValidationFailed(
            {"pause": [_("A pause between 0 and %s seconds.") % MAX_PAUSE_SECONDS]}
        )
    return steps, pause


def authorize(actor: Any, parameters: dict[str, Any]) -> None:
    if not is_platform_admin(actor):
        raise NotPermitted(_("Only platform administrators may run the probe."))
    _numbers(parameters)


def run(job: Job, progress: registry.Progress) -> registry.JobOutput:
    steps, pause = _numbers(job.parameters)
    lines = []
    for step in range(1, steps + 1):
        time.sleep(pause)
        lines.append(f"step {step} of {steps}, attempt {job.attempts}")
        progress(step, steps, _("Step %(step)d of %(steps)d") % {"step": step, "steps": steps})
    return registry.JobOutput(f"probe-{job.pk}.txt", ("\n".join(lines) + "\n").encode())


def register() -> None:
    registry.register(name=KIND, label=gettext_lazy("Probe"), runner=run, authorize=authorize)
