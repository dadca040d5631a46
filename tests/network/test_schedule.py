"""Follow-up rounds after exit and where a task stands on a given day."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.network.schedule import Standing, add_months, in_window, plan, standing


@pytest.mark.parametrize(
    "day,months,expected",
    [
        (date(2024, 1, 31), 1, date(2024, 2, 29)),
        (date(2023, 1, 31), 1, date(2023, 2, 28)),
        (date(2024, 11, 15), 3, date(2025, 2, 15)),
        (date(2024, 8, 31), 6, date(2025, 2, 28)),
        (date(2024, 3, 1), 12, date(2025, 3, 1)),
    ],
)
def test_months_are_calendar_months(day, months, expected):
    assert add_months(day, months) == expected


def test_an_exit_gets_three_rounds_each_inside_its_window():
    rounds = plan(date(2024, 8, 30))
    assert [(r.round, r.due_on) for r in rounds] == [
        ("fu3", date(2024, 11, 30)),
        ("fu6", date(2025, 2, 28)),
        ("fu12", date(2025, 8, 30)),
    ]
    for r in rounds:
        assert r.anchor_on == date(2024, 8, 30)
        assert r.opens_on < r.due_on < r.closes_on
    assert rounds[0].closes_on < rounds[1].opens_on < rounds[1].closes_on < rounds[2].opens_on


@settings(derandomize=True, max_examples=200)
@given(st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31)))
def test_windows_never_overlap_and_follow_the_exit(exit_on):
    rounds = plan(exit_on)
    assert rounds[0].opens_on > exit_on
    for earlier, later in itertools.pairwise(rounds):
        assert earlier.closes_on < later.opens_on


def _standing(today, *, status="scheduled", failed=0):
    due = date(2025, 3, 1)
    return standing(
        today=today,
        due_on=due,
        opens_on=due - timedelta(days=30),
        closes_on=due + timedelta(days=60),
        status=status,
        failed=failed,
    )


@pytest.mark.parametrize(
    "today,expected",
    [
        (date(2025, 1, 1), Standing.NOT_YET),
        (date(2025, 2, 15), Standing.OPEN),
        (date(2025, 3, 1), Standing.DUE),
        (date(2025, 4, 25), Standing.OVERDUE),
        (date(2025, 5, 1), Standing.MISSED),
    ],
)
def test_a_task_stands_by_the_day(today, expected):
    assert _standing(today) == expected


def test_three_failed_attempts_make_her_unreachable_until_the_window_closes():
    assert _standing(date(2025, 3, 2), failed=2) == Standing.DUE
    assert _standing(date(2025, 3, 2), failed=3) == Standing.UNREACHABLE
    assert _standing(date(2025, 5, 1), failed=3) == Standing.MISSED


def test_a_task_with_an_outcome_is_closed_whatever_the_day():
    assert _standing(date(2025, 3, 2), status="completed") == Standing.CLOSED


def test_the_window_includes_both_ends():
    assert in_window(date(2025, 1, 1), opens_on=date(2025, 1, 1), closes_on=date(2025, 1, 2))
    assert in_window(date(2025, 1, 2), opens_on=date(2025, 1, 1), closes_on=date(2025, 1, 2))
    assert not in_window(date(2025, 1, 3), opens_on=date(2025, 1, 1), closes_on=date(2025, 1, 2))
