"""Periods: their text, their kind, and the arithmetic, table-driven and as properties."""

from __future__ import annotations

import itertools
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.indicators.periods import (
    Period,
    PeriodError,
    PeriodKind,
    custom,
    month,
    next_period,
    parse_period,
    period_of,
    previous_period,
    quarter,
    split,
    year,
)

PROPERTY = settings(derandomize=True, max_examples=300, deadline=None, database=None)
D = date


@pytest.mark.parametrize(
    ("text", "start", "end", "kind"),
    [
        ("2022", D(2022, 1, 1), D(2022, 12, 31), PeriodKind.YEAR),
        ("2022-Q1", D(2022, 1, 1), D(2022, 3, 31), PeriodKind.QUARTER),
        ("2024-Q4", D(2024, 10, 1), D(2024, 12, 31), PeriodKind.QUARTER),
        ("2024-02", D(2024, 2, 1), D(2024, 2, 29), PeriodKind.MONTH),
        ("2023-02", D(2023, 2, 1), D(2023, 2, 28), PeriodKind.MONTH),
        ("2022-01-15/2022-06-30", D(2022, 1, 15), D(2022, 6, 30), PeriodKind.CUSTOM),
        ("2022-07-01/2023-06-30", D(2022, 7, 1), D(2023, 6, 30), PeriodKind.CUSTOM),
        ("2022-02-01/2022-03-31", D(2022, 2, 1), D(2022, 3, 31), PeriodKind.CUSTOM),
        ("2022-05-05/2022-05-05", D(2022, 5, 5), D(2022, 5, 5), PeriodKind.CUSTOM),
        (" 2021 ", D(2021, 1, 1), D(2021, 12, 31), PeriodKind.YEAR),
    ],
)
def test_a_period_is_read_from_its_text_and_knows_its_kind(text, start, end, kind):
    period = parse_period(text)
    assert (period.start, period.end, period.kind) == (start, end, kind)
    assert str(period) == text.strip()


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("2022-01-01/2022-12-31", "2022"),
        ("2022-04-01/2022-06-30", "2022-Q2"),
        ("2022-06-01/2022-06-30", "2022-06"),
    ],
)
def test_a_range_with_the_shape_of_a_year_quarter_or_month_is_that_period(text, canonical):
    assert str(parse_period(text)) == canonical
    assert parse_period(text) == parse_period(canonical)


@pytest.mark.parametrize(
    "text",
    [
        "",
        "22",
        "2022-Q5",
        "2022-13",
        "2022-00",
        "2022-02-30/2022-03-01",
        "2022-06-30/2022-01-01",
        "2022/2023",
        "Q1-2022",
        "2022-1",
    ],
)
def test_text_that_is_not_a_period_is_refused_with_what_was_written(text):
    with pytest.raises(PeriodError, match=r"not a period|before it starts"):
        parse_period(text)


def test_a_period_cannot_end_before_it_starts():
    with pytest.raises(PeriodError, match="before it starts"):
        custom(D(2022, 2, 1), D(2022, 1, 31))


@pytest.mark.parametrize(
    ("outer", "inner", "contains", "overlaps"),
    [
        ("2022", "2022-Q3", True, True),
        ("2022-Q3", "2022", False, True),
        ("2022", "2023-01", False, False),
        ("2022-12-15/2023-01-15", "2023", False, True),
        ("2022-Q1", "2022-04", False, False),
        ("2022-Q1", "2022-03-31/2022-04-01", False, True),
        ("2022-03", "2022-03", True, True),
    ],
)
def test_containment_and_overlap(outer, inner, contains, overlaps):
    a, b = parse_period(outer), parse_period(inner)
    assert a.contains(b) is contains
    assert a.overlaps(b) is overlaps and b.overlaps(a) is overlaps


@pytest.mark.parametrize(
    ("text", "after", "before"),
    [
        ("2022", "2023", "2021"),
        ("2022-Q4", "2023-Q1", "2022-Q3"),
        ("2022-Q1", "2022-Q2", "2021-Q4"),
        ("2022-12", "2023-01", "2022-11"),
        ("2022-01", "2022-02", "2021-12"),
        ("2022-01-10/2022-01-19", "2022-01-20/2022-01-29", "2021-12-31/2022-01-09"),
    ],
)
def test_next_and_previous(text, after, before):
    assert str(next_period(parse_period(text))) == after
    assert str(previous_period(parse_period(text))) == before


def test_a_year_splits_into_four_quarters_and_twelve_months():
    assert [str(p) for p in split(year(2022), "quarter")] == [
        "2022-Q1",
        "2022-Q2",
        "2022-Q3",
        "2022-Q4",
    ]
    assert [str(p) for p in split(year(2024), PeriodKind.MONTH)][1] == "2024-02"
    assert len(split(year(2024), "month")) == 12
    assert [str(p) for p in split(quarter(2022, 3), "month")] == ["2022-07", "2022-08", "2022-09"]


@pytest.mark.parametrize(
    ("period", "kind"),
    [
        (month(2022, 1), "quarter"),
        (quarter(2022, 1), "year"),
        (year(2022), "year"),
        (custom(D(2022, 1, 2), D(2022, 5, 1)), "month"),
    ],
)
def test_a_period_only_splits_into_smaller_named_periods(period, kind):
    with pytest.raises(PeriodError, match="cannot be split"):
        split(period, kind)


@pytest.mark.parametrize(
    ("day", "kind", "expected"),
    [
        (D(2022, 2, 28), "year", "2022"),
        (D(2022, 4, 1), "quarter", "2022-Q2"),
        (D(2022, 3, 31), "quarter", "2022-Q1"),
        (D(2024, 2, 29), "month", "2024-02"),
    ],
)
def test_the_period_of_a_day(day, kind, expected):
    assert str(period_of(day, kind)) == expected


def test_a_day_has_no_custom_period():
    with pytest.raises(PeriodError):
        period_of(D(2022, 1, 1), "custom")


def test_periods_sort_by_start_then_the_shorter_first():
    texts = ["2023", "2022-Q2", "2022", "2022-01", "2022-Q1", "2021-12-15/2022-01-15"]
    assert [str(p) for p in sorted(parse_period(t) for t in texts)] == [
        "2021-12-15/2022-01-15",
        "2022-01",
        "2022-Q1",
        "2022",
        "2022-Q2",
        "2023",
    ]


# --- Properties --------------------------------------------------------------------------

days = st.dates(min_value=D(1950, 1, 1), max_value=D(2150, 12, 31))
named = st.one_of(
    st.integers(1950, 2150).map(year),
    st.tuples(st.integers(1950, 2150), st.integers(1, 4)).map(lambda t: quarter(*t)),
    st.tuples(st.integers(1950, 2150), st.integers(1, 12)).map(lambda t: month(*t)),
)
ranges = st.tuples(days, st.integers(0, 800)).map(lambda t: custom(t[0], t[0] + timedelta(t[1])))
periods = st.one_of(named, ranges)


@PROPERTY
@given(periods)
def test_every_period_reads_back_from_its_text(period):
    assert parse_period(str(period)) == period


@PROPERTY
@given(named)
def test_previous_undoes_next_for_years_quarters_and_months(period):
    following = next_period(period)
    assert following.kind == period.kind
    assert following.start == period.end + timedelta(days=1)
    assert previous_period(following) == period
    assert next_period(previous_period(period)) == period


@PROPERTY
@given(ranges)
def test_the_next_run_of_days_follows_on_and_is_as_long(period):
    following, before = next_period(period), previous_period(period)
    assert following.start == period.end + timedelta(days=1)
    assert before.end == period.start - timedelta(days=1)
    assert following.days == period.days == before.days


@PROPERTY
@given(periods, periods)
def test_overlap_is_symmetric_and_containment_implies_overlap(a, b):
    assert a.overlaps(b) == b.overlaps(a)
    if a.contains(b):
        assert a.overlaps(b)
        assert a.start <= b.start and b.end <= a.end
    assert a.contains(a)
    assert a.overlaps(b) == (a.contains(b.start) or a.contains(b.end) or b.contains(a))


@PROPERTY
@given(st.integers(1950, 2150), st.sampled_from(["quarter", "month"]))
def test_the_parts_of_a_year_follow_on_without_gap_or_overlap(value, kind):
    parts = split(year(value), kind)
    assert parts[0].start == D(value, 1, 1) and parts[-1].end == D(value, 12, 31)
    for left, right in itertools.pairwise(parts):
        assert right.start == left.end + timedelta(days=1)
        assert not left.overlaps(right)
    assert sum(p.days for p in parts) == year(value).days


@PROPERTY
@given(days, st.sampled_from(list(PeriodKind)[:3]))
def test_the_period_of_a_day_contains_it(day, kind):
    period = period_of(day, kind)
    assert period.contains(day) and period.kind == kind
    assert not next_period(period).contains(day)


@PROPERTY
@given(periods, periods)
def test_order_follows_the_start_then_the_end(a, b):
    assert (a < b) == ((a.start, a.end) < (b.start, b.end))
    assert isinstance(a, Period)
