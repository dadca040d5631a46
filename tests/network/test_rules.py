"""Training against the baseline schema, mentor load, graduation, disability: pure."""

from __future__ import annotations

from datetime import date

import pytest

from cometa.network.rules import (
    Criterion,
    Module,
    TrainingState,
    disability_from,
    graduation_passed,
    mentor_loads,
    overloaded,
    training_overdue,
    training_standing,
)

SCHEMA = [Module("GRAD", 12), Module("GENDER", 6), Module("NETWORK", None)]
TODAY = date(2025, 6, 15)


def test_each_module_stands_on_its_latest_completion():
    taken = [
        ("GRAD", date(2024, 1, 10)),
        ("GRAD", date(2025, 1, 10)),
        ("GENDER", date(2024, 12, 1)),
    ]
    lines = {line.code: line for line in training_standing(SCHEMA, taken, TODAY)}
    assert lines["GRAD"].state == TrainingState.CURRENT
    assert lines["GRAD"].last_on == date(2025, 1, 10) and lines["GRAD"].due_on == date(2026, 1, 10)
    assert lines["GENDER"].state == TrainingState.OVERDUE and lines["GENDER"].due_on == date(
        2025, 6, 1
    )
    assert lines["NETWORK"].state == TrainingState.MISSING


def test_a_refresher_due_within_a_month_is_flagged_but_not_overdue():
    taken = [
        ("GRAD", date(2024, 7, 1)),
        ("GENDER", date(2025, 3, 1)),
        ("NETWORK", date(2020, 1, 1)),
    ]
    lines = {line.code: line.state for line in training_standing(SCHEMA, taken, TODAY)}
    assert lines == {
        "GRAD": TrainingState.DUE_SOON,
        "GENDER": TrainingState.CURRENT,
        "NETWORK": TrainingState.CURRENT,  # taken once is enough
    }
    assert not training_overdue(SCHEMA, taken, TODAY)


@pytest.mark.parametrize(
    "taken,overdue",
    [
        ([], True),
        ([("GRAD", date(2025, 1, 1)), ("GENDER", date(2025, 1, 1))], True),  # NETWORK missing
        (
            [
                ("GRAD", date(2025, 1, 1)),
                ("GENDER", date(2024, 12, 14)),
                ("NETWORK", date(2019, 1, 1)),
            ],
            True,
        ),
        (
            [
                ("GRAD", date(2025, 1, 1)),
                ("GENDER", date(2024, 12, 16)),
                ("NETWORK", date(2019, 1, 1)),
            ],
            False,
        ),
    ],
)
def test_overdue_when_a_module_is_missing_or_past_its_refresher(taken, overdue):
    assert training_overdue(SCHEMA, taken, TODAY) is overdue


def test_mentor_load_against_the_limit_and_own_limits():
    loads = mentor_loads({1: 12, 2: 16, 3: 9}, limit=15, overrides={3: 8})
    assert [(m.mentor_id, m.followed, m.limit) for m in loads] == [
        (2, 16, 15),
        (1, 12, 15),
        (3, 9, 8),
    ]
    assert [m.mentor_id for m in overloaded(loads)] == [2, 3]
    assert overloaded(mentor_loads({1: 15}, limit=15)) == []


def test_a_limit_below_one_is_refused():
    with pytest.raises(ValueError, match="at least 1"):
        mentor_loads({1: 3}, limit=0)


CRITERIA = [Criterion("G1", True), Criterion("G2", True), Criterion("G3", False)]


@pytest.mark.parametrize(
    "results,passed",
    [
        ({"G1": "met", "G2": "met", "G3": "met"}, True),
        ({"G1": "met", "G2": "met", "G3": "n_a"}, True),
        ({"G1": "met", "G2": "n_a", "G3": "met"}, False),  # an essential one cannot be waived
        ({"G1": "met", "G2": "met", "G3": "not_met"}, False),
        ({"G1": "met", "G2": "met"}, False),  # nothing is assumed
    ],
)
def test_graduation_criterion_by_criterion(results, passed):
    assert graduation_passed(CRITERIA, results) is passed


@pytest.mark.parametrize(
    "answers,expected",
    [
        ({"a": 1, "b": 2, "c": 1}, False),
        ({"a": 1, "b": 3, "c": None}, True),
        ({"a": 4, "b": None, "c": None}, True),
        ({"a": 2, "b": None, "c": 1}, None),
        ({"a": None, "b": None, "c": None}, None),
    ],
)
def test_the_washington_group_cut_off(answers, expected):
    assert disability_from(answers) is expected
