"""Which state a job may move to from which (pure; the services write the moves as
conditional updates so two workers cannot both make one)."""

from __future__ import annotations

from cometa.core.jobs.models import JobState

TRANSITIONS: dict[str, frozenset[str]] = {
    JobState.QUEUED: frozenset({JobState.RUNNING, JobState.CANCELLED, JobState.FAILED}),
    # back to QUEUED: the worker died and the reaper gives the job another attempt
    JobState.RUNNING: frozenset(
        {JobState.DONE, JobState.FAILED, JobState.CANCELLED, JobState.QUEUED}
    ),
    JobState.DONE: frozenset(),
    JobState.FAILED: frozenset(),
    JobState.CANCELLED: frozenset(),
}


def may_move(current: str, target: str) -> bool:
    return target in TRANSITIONS.get(current, frozenset())


def sources_of(target: str) -> list[str]:
    """The states from which a job may move to ``target`` (for conditional updates)."""
    return sorted(state for state, targets in TRANSITIONS.items() if target in targets)
