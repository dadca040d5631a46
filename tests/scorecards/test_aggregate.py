"""The arithmetic of the global view, without a database: distributions, shares,
regressions (a gap year included) and the choice of one assessment per team and year."""

from __future__ import annotations

import pytest

from cometa.scorecards.reporting.aggregate import (
    Distribution,
    Row,
    Scale,
    distribution,
    effective_level,
    meeting_by_year,
    meeting_levels,
    meeting_share_series,
    one_per_team_year,
    regressions,
    sorted_codes,
    summarise,
)

SWAP = Scale.of(("missing", "approaches", "meets", "exceeds"))
M, A, ME, EX = "missing", "approaches", "meets", "exceeds"
DIMENSION_OF = {"1.1": "1", "1.2": "1", "2.1": "2"}


def rows(*specs: tuple[int, int, str, str]) -> list[Row]:
    return [Row(team, year, code, level) for team, year, code, level in specs]


# --- levels -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("levels", "meeting"),
    [
        ((M, A, ME, EX), (ME, EX)),
        (("absent", "emerging", "established", "embedded"), ("established", "embedded")),
        (("low", "middle", "high"), ("middle", "high")),
        (("meets",), ("meets",)),
    ],
)
def test_the_levels_meeting_the_minimum(levels, meeting):
    assert meeting_levels(levels) == meeting


@pytest.mark.parametrize(
    ("agreed", "computed", "expected"),
    [("meets", "approaches", "meets"), ("", "approaches", "approaches"), ("", "", "")],
)
def test_the_rating_that_counts_is_the_agreed_else_the_computed(agreed, computed, expected):
    assert effective_level(agreed, computed) == expected


def test_indicator_codes_sort_as_numbers():
    assert sorted_codes(["1.10", "2.1", "1.2", "1.9", "1.2"]) == ["1.2", "1.9", "1.10", "2.1"]


# --- distributions ------------------------------------------------------------------------

DISTRIBUTION_CASES = [
    pytest.param(
        rows((1, 2022, "1.1", M), (2, 2022, "1.1", ME), (3, 2022, "1.1", EX), (4, 2022, "1.1", EX)),
        {},
        ["1.1"],
        {"1.1": ({M: 1, ME: 1, EX: 2}, 0, {M: 25.0, A: 0.0, ME: 25.0, EX: 50.0}, 75.0)},
        id="one indicator, four teams",
    ),
    pytest.param(
        rows((1, 2022, "1.1", ""), (2, 2022, "1.1", A), (3, 2022, "1.1", "bogus")),
        {},
        ["1.1"],
        {"1.1": ({A: 1}, 2, {M: 0.0, A: 100.0, ME: 0.0, EX: 0.0}, 0.0)},
        id="unrated and unknown levels are counted apart",
    ),
    pytest.param(
        rows((1, 2022, "1.1", M), (1, 2022, "1.2", EX), (1, 2022, "2.1", ME), (2, 2022, "2.1", A)),
        DIMENSION_OF,
        ["1", "2"],
        {
            "1": ({M: 1, EX: 1}, 0, {M: 50.0, A: 0.0, ME: 0.0, EX: 50.0}, 50.0),
            "2": ({A: 1, ME: 1}, 0, {M: 0.0, A: 50.0, ME: 50.0, EX: 0.0}, 50.0),
        },
        id="by dimension",
    ),
    pytest.param(
        [],
        DIMENSION_OF,
        ["1"],
        {"1": ({}, 0, {M: None, A: None, ME: None, EX: None}, None)},
        id="nothing rated: no shares",
    ),
]


@pytest.mark.parametrize(("given", "key_of", "keys", "expected"), DISTRIBUTION_CASES)
def test_distributions(given, key_of, keys, expected):
    found = {item.key: item for item in distribution(given, key_of, keys, SWAP)}
    assert list(found) == keys
    for key, (counts, unrated, shares, meeting) in expected.items():
        item = found[key]
        assert item.counts == counts
        assert item.unrated == unrated
        assert {level: item.share(level) for level in SWAP.levels} == pytest.approx(shares)
        assert item.meeting_share == (pytest.approx(meeting) if meeting is not None else None)
        assert item.total == sum(counts.values()) + unrated


def test_a_code_outside_the_framework_gets_its_own_row():
    found = distribution(rows((1, 2022, "9.9", ME)), DIMENSION_OF, ["1"], SWAP)
    assert [item.key for item in found] == ["1", "9.9"]


def test_cells_list_every_level_lowest_first():
    item = Distribution("1.1", SWAP.levels, SWAP.meeting, {EX: 3, M: 1})
    assert item.cells() == [(M, 1, 25.0), (A, 0, 0.0), (ME, 0, 0.0), (EX, 3, 75.0)]


# --- by year -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        pytest.param(
            rows(
                (1, 2021, "1.1", M),
                (1, 2021, "1.2", ME),
                (2, 2021, "1.1", EX),
                (2, 2021, "1.2", ""),
                (1, 2022, "1.1", ME),
                (1, 2022, "1.2", EX),
            ),
            [(2021, 2, 3, 1, 2, 66.7), (2022, 1, 2, 0, 2, 100.0)],
            id="two years",
        ),
        pytest.param(
            rows((1, 2020, "1.1", ""), (1, 2023, "1.1", A)),
            [(2020, 1, 0, 1, 0, None), (2023, 1, 1, 0, 0, 0.0)],
            id="a year with nothing rated has no share",
        ),
    ],
)
def test_meeting_the_minimum_by_year(given, expected):
    found = [
        (
            item.year,
            item.teams,
            item.rated,
            item.unrated,
            item.meeting,
            None if item.share is None else round(item.share, 1),
        )
        for item in meeting_by_year(given, SWAP)
    ]
    assert found == expected


def test_the_trend_by_dimension():
    given = rows(
        (1, 2021, "1.1", M),
        (1, 2021, "1.2", ME),
        (1, 2022, "1.1", ME),
        (1, 2022, "1.2", EX),
        (1, 2022, "2.1", A),
    )
    series = meeting_share_series(given, DIMENSION_OF, ["1", "2"], [2021, 2022], SWAP)
    assert series == {"1": [50.0, 100.0], "2": [None, 0.0]}


# --- regressions ---------------------------------------------------------------------------

REGRESSION_CASES = [
    pytest.param(
        rows((1, 2021, "1.1", ME), (1, 2022, "1.1", A)),
        {},
        [(1, "1.1", ME, A, 2021, 2022, False)],
        id="a drop from one year to the next",
    ),
    pytest.param(
        rows((1, 2021, "1.1", A), (1, 2022, "1.1", ME), (1, 2023, "1.1", ME)),
        {},
        [],
        id="a rise and a stay are not regressions",
    ),
    pytest.param(
        rows((1, 2020, "1.1", EX), (1, 2022, "1.1", ME)),
        {},
        [(1, "1.1", EX, ME, 2020, 2022, True)],
        id="a gap year: compared with the year before the gap",
    ),
    pytest.param(
        rows((1, 2020, "1.1", EX), (1, 2021, "1.1", ""), (1, 2022, "1.1", M)),
        {},
        [(1, "1.1", EX, M, 2020, 2022, True)],
        id="an unrated year is skipped",
    ),
    pytest.param(
        rows((1, 2021, "1.1", ME), (2, 2022, "1.1", A)),
        {},
        [],
        id="another team's rating is not the previous year",
    ),
    pytest.param(
        rows((1, 2021, "1.1", EX), (1, 2021, "1.2", EX), (1, 2022, "1.1", A), (1, 2022, "1.2", EX)),
        {},
        [(1, "1.1", EX, A, 2021, 2022, False)],
        id="per indicator",
    ),
    pytest.param(
        rows((1, 2020, "1.1", EX), (1, 2021, "1.1", ME), (1, 2022, "1.1", A)),
        {"since": 2022},
        [(1, "1.1", ME, A, 2021, 2022, False)],
        id="from a year before the chosen ones into them",
    ),
    pytest.param(
        rows((1, 2020, "1.1", EX), (1, 2021, "1.1", ME), (1, 2022, "1.1", A)),
        {"until": 2021},
        [(1, "1.1", EX, ME, 2020, 2021, False)],
        id="not after the last chosen year",
    ),
    pytest.param(
        rows((2, 2021, "1.1", EX), (2, 2022, "1.1", M), (1, 2022, "2.1", ME), (1, 2023, "2.1", M)),
        {},
        [(1, "2.1", ME, M, 2022, 2023, False), (2, "1.1", EX, M, 2021, 2022, False)],
        id="newest first",
    ),
]


@pytest.mark.parametrize(("given", "window", "expected"), REGRESSION_CASES)
def test_regressions(given, window, expected):
    found = [
        (r.team, r.code, r.from_level, r.to_level, r.from_year, r.to_year, r.gap)
        for r in regressions(given, SWAP, **window)
    ]
    assert found == expected


# --- one assessment per team and year, and the whole summary -------------------------------


def test_one_assessment_per_team_and_year_the_newest_framework_version_wins():
    given = [
        Row(1, 2022, "1.1", M, rank=0),
        Row(1, 2022, "1.1", EX, rank=1),
        Row(1, 2021, "1.1", A, rank=0),
        Row(2, 2022, "1.1", ME, rank=0),
    ]
    kept = one_per_team_year(given)
    assert sorted((r.team, r.year, r.level) for r in kept) == [
        (1, 2021, A),
        (1, 2022, EX),
        (2, 2022, ME),
    ]


def test_the_summary_counts_only_the_chosen_years_but_compares_with_the_year_before():
    given = rows(
        (1, 2020, "1.1", EX),
        (1, 2020, "2.1", ME),
        (1, 2021, "1.1", ME),
        (1, 2021, "2.1", ME),
        (2, 2021, "1.1", M),
        (2, 2021, "2.1", ""),
        (3, 2019, "1.1", EX),  # only before the chosen years
    )
    summary = summarise(
        given,
        SWAP,
        codes=["1.1", "2.1"],
        dimension_of=DIMENSION_OF,
        dimensions=["1", "2"],
        since=2021,
    )
    assert summary.years == [2021]
    assert summary.teams == [1, 2]
    assert summary.team_years == 2
    assert [(d.key, d.counts, d.unrated) for d in summary.by_indicator] == [
        ("1.1", {ME: 1, M: 1}, 0),
        ("2.1", {ME: 1}, 1),
    ]
    assert [(d.key, d.meeting, d.rated) for d in summary.by_dimension] == [("1", 1, 2), ("2", 1, 1)]
    assert [(y.year, y.meeting, y.rated) for y in summary.by_year] == [(2021, 2, 3)]
    assert summary.trend == {"1": [50.0], "2": [100.0]}
    assert [(r.team, r.code, r.from_year) for r in summary.regressions] == [(1, "1.1", 2020)]
    assert summary.regressed_teams == 1
    assert not summary.is_empty


def test_an_empty_summary():
    summary = summarise([], SWAP, codes=["1.1"], dimension_of={}, dimensions=["1"])
    assert summary.is_empty
    assert summary.years == [] and summary.regressions == []
    assert summary.by_indicator[0].rated == 0


def test_the_aggregation_needs_no_django():
    import subprocess
    import sys

    probe = (
        "import sys, cometa.scorecards.reporting.aggregate; "
        "assert not any(name == 'django' or name.startswith('django.') for name in sys.modules)"
    )
    subprocess.run([sys.executable, "-c", probe], check=True)
