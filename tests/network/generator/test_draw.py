from __future__ import annotations

from collections import Counter

from cometa.network import states
from cometa.network.codes import EnrolmentStatus, FollowUpStatus
from cometa.network.generator import draw, layout, structure

PLAN = layout.layout(1500)


def _women(seed: int = 1) -> list[draw.Woman]:
    out, index = [], 0
    for cohort in PLAN.cohorts:
        out += draw.women(cohort, first_index=index, seed=seed, municipality="Tonalá", rural=False)
        index += cohort.women
    return out


def test_same_seed_same_women_another_seed_others():
    first, again, other = _women(1), _women(1), _women(2)
    assert first == again
    assert [w.code for w in first] != [w.code for w in other]
    assert [w.profile for w in first] != [w.profile for w in other]


def test_codes_are_unique_and_look_like_registered_ones():
    codes = {draw.code_for(index, 5) for index in range(200_000)}
    assert len(codes) == 200_000
    sample = draw.code_for(12345, 5)
    assert len(sample) == 9 and sample[4] == "-"
    assert set(sample.replace("-", "")) <= set(draw.ALPHABET)


def test_every_path_follows_the_state_table():
    for woman in _women():
        assert woman.changes[0] == ("", EnrolmentStatus.ENROLLED, woman.enrolled_on)
        for old, new, _on in woman.changes[1:]:
            reason = woman.reasons[0] if new in states.NEEDS_REASON else ""
            assert states.check_step(old, new, reason=reason) is None, (old, new)
        days = [on for _old, _new, on in woman.changes]
        assert days == sorted(days)
        assert woman.changes[-1][1] == woman.status


def test_exits_drop_outs_follow_ups_and_graduation_hang_together():
    for woman in _women():
        left = woman.status in {
            EnrolmentStatus.COMPLETED, EnrolmentStatus.GRADUATED, EnrolmentStatus.DROPPED_OUT
        }  # fmt: skip
        assert (woman.exit_on is not None) == left
        assert bool(woman.reasons) == (woman.status == EnrolmentStatus.DROPPED_OUT)
        assert len(woman.followups) == (3 if left else 0)
        assert (woman.graduation is not None) == (
            woman.status in {EnrolmentStatus.COMPLETED, EnrolmentStatus.GRADUATED}
        )
        if woman.status == EnrolmentStatus.GRADUATED:
            assert woman.graduation is True
        for task in woman.followups:
            if task.planned.opens_on > layout.AS_OF:
                assert task.status == FollowUpStatus.SCHEDULED and not task.attempts
            if task.status == FollowUpStatus.COMPLETED:
                assert task.responded_on and task.answers
            if task.status == FollowUpStatus.UNREACHABLE:
                assert len(task.attempts) >= 3


def test_the_shares_are_plausible():
    women = _women()
    status = Counter(woman.status for woman in women)
    assert 0.15 < status[EnrolmentStatus.DROPPED_OUT] / len(women) < 0.33
    assert status[EnrolmentStatus.ACTIVE] > 0
    rounds = Counter(
        (task.planned.round, task.status) for woman in women for task in woman.followups
    )
    answered = {r: rounds[(r, FollowUpStatus.COMPLETED)] for r in ("fu3", "fu6", "fu12")}
    assert answered["fu3"] > answered["fu6"] > answered["fu12"] > 0
    marks = Counter(mark for woman in women for _n, mark in woman.attendance)
    assert marks["present"] / sum(marks.values()) > 0.7


def test_flags_criteria_and_endline_hang_together():
    women = _women()
    essential = {code for code, _t, needed, _m in structure.CRITERIA if needed}
    for woman in women:
        for flag in woman.flags:
            assert woman.enrolled_on <= flag.raised_on <= layout.AS_OF
            for day in (flag.first_action_on, flag.referred_on):
                assert day is None or flag.raised_on <= day <= layout.AS_OF
        assert bool(woman.criteria) == (woman.graduation is not None)
        if woman.criteria:
            assert set(woman.criteria) == {code for code, *_rest in structure.CRITERIA}
            missed = {code for code in essential if woman.criteria[code] == "not_met"}
            assert bool(missed) == (woman.graduation is False)
            assert all(woman.criteria[code] != "n_a" for code in essential)
        if woman.endline is not None:
            assert woman.status in {EnrolmentStatus.COMPLETED, EnrolmentStatus.GRADUATED}
            assert woman.enrolled_on <= woman.endline[0] <= layout.AS_OF
    flagged = sum(bool(woman.flags) for woman in women) / len(women)
    assert 0.05 < flagged < 0.2
    assert any(woman.endline for woman in women)


def test_the_new_draws_leave_the_rest_of_each_woman_as_before(monkeypatch):
    """Flags, criteria and endline come from their own generator: switching them off
    leaves every other draw unchanged."""
    cohort = PLAN.cohorts[0]
    drawn = list(draw.women(cohort, first_index=0, seed=1, municipality="Tonalá", rural=False))
    monkeypatch.setattr(draw, "_more", lambda _rng, _cohort, _woman: None)
    without = list(draw.women(cohort, first_index=0, seed=1, municipality="Tonalá", rural=False))
    for woman, other in zip(drawn, without, strict=True):
        assert (woman.profile, woman.changes, woman.attendance, woman.followups) == (
            other.profile, other.changes, other.attendance, other.followups
        )  # fmt: skip
