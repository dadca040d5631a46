"""The job state machine: which moves are allowed (pure)."""

import pytest

from cometa.core.jobs.models import FINISHED, JobState
from cometa.core.jobs.states import may_move, sources_of

Q, R, D, F, C = (JobState.QUEUED, JobState.RUNNING, JobState.DONE, JobState.FAILED,
                 JobState.CANCELLED)  # fmt: skip


@pytest.mark.parametrize(
    ("current", "target", "allowed"),
    [
        (Q, R, True), (Q, C, True), (Q, F, True), (Q, D, False), (Q, Q, False),
        (R, D, True), (R, F, True), (R, C, True), (R, Q, True), (R, R, False),
        *((end, other, False) for end in FINISHED for other in JobState.values),
    ],
)  # fmt: skip
def test_moves(current, target, allowed):
    assert may_move(current, target) is allowed


def test_sources_of_a_state_are_those_that_may_move_there():
    assert sources_of(JobState.CANCELLED) == sorted([Q, R])
    assert sources_of(JobState.DONE) == [R]
    assert sources_of(JobState.QUEUED) == [R]
