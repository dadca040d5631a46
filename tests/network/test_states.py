"""The enrolment state machine, from its table alone."""

from __future__ import annotations

import itertools

import pytest

from cometa.network import states
from cometa.network.codes import EnrolmentStatus as S

ALLOWED = {
    (S.ENROLLED, S.ACTIVE),
    (S.ENROLLED, S.DROPPED_OUT),
    (S.ENROLLED, S.TRANSFERRED),
    (S.ACTIVE, S.COMPLETED),
    (S.ACTIVE, S.DROPPED_OUT),
    (S.ACTIVE, S.TRANSFERRED),
    (S.COMPLETED, S.GRADUATED),
}


@pytest.mark.parametrize("current,target", list(itertools.product(S.values, S.values)))
def test_only_the_listed_steps_are_allowed(current, target):
    reason = "moved_away" if target == S.DROPPED_OUT else ""
    refusal = states.check_step(current, target, reason=reason)
    if (current, target) in ALLOWED:
        assert refusal is None
    else:
        assert refusal is not None and refusal.code == "step_not_allowed"


def test_dropping_out_needs_a_reason_and_nothing_else_takes_one():
    assert states.check_step(S.ACTIVE, S.DROPPED_OUT).code == "reason_required"
    assert (
        states.check_step(S.ACTIVE, S.COMPLETED, reason="found_job").code == "reason_not_expected"
    )


def test_unknown_states_are_named():
    refusal = states.check_step("paused", S.ACTIVE)
    assert refusal.code == "unknown_state" and "paused" in refusal.detail


def test_every_state_is_reachable_and_the_final_ones_lead_nowhere():
    assert states.reachable() == set(S.values)
    assert {S.GRADUATED, S.DROPPED_OUT, S.TRANSFERRED} == states.FINAL
    assert all(not states.STEPS[state] for state in states.FINAL)


def test_completion_and_drop_out_are_the_exits():
    assert {s for s in S.values if states.is_exit(s)} == {S.COMPLETED, S.DROPPED_OUT}


@pytest.mark.parametrize(
    "current,target,expected",
    [
        (S.ENROLLED, S.ENROLLED, []),
        (S.ENROLLED, S.ACTIVE, [S.ACTIVE]),
        (S.ENROLLED, S.COMPLETED, [S.ACTIVE, S.COMPLETED]),
        (S.ENROLLED, S.GRADUATED, [S.ACTIVE, S.COMPLETED, S.GRADUATED]),
        (S.ENROLLED, S.DROPPED_OUT, [S.DROPPED_OUT]),
        (S.ACTIVE, S.DROPPED_OUT, [S.DROPPED_OUT]),
        (S.COMPLETED, S.ACTIVE, [S.ACTIVE]),  # unreachable: the one step, refused later
        (S.DROPPED_OUT, S.COMPLETED, [S.COMPLETED]),
    ],
)
def test_path_walks_the_fewest_allowed_steps(current, target, expected):
    assert states.path(current, target) == expected
    steps = [current, *expected]
    allowed = all(b in states.STEPS[a] for a, b in itertools.pairwise(steps))
    assert allowed == (target in states.reachable(current))
