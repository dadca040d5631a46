"""The search for small counts that the tests of every output run."""

from __future__ import annotations

from cometa.indicators.disclosure import SmallCount, protect_line, small_counts, small_counts_in_csv


def test_small_counts_are_found_in_count_columns_only():
    rows = [
        {"site": "A", "numerator": 3, "denominator": 40, "rate": "7.5"},
        {"site": "B", "numerator": None, "denominator": "", "rate": "2"},
        {"site": "C", "n": "0", "count": 12.0, "respondents": True},
    ]
    assert small_counts(rows, 5) == [SmallCount(0, "numerator", 3)]


def test_csv_text_is_searched_alike():
    text = "site,n,numerator,rate\nA,12,4,33.3\nB,,,\nC,9,9,100\n"
    assert small_counts_in_csv(text, 5) == [SmallCount(0, "numerator", 4)]
    assert small_counts_in_csv(text, 10) == [
        SmallCount(0, "numerator", 4),
        SmallCount(2, "n", 9),
        SmallCount(2, "numerator", 9),
    ]


def test_a_controlled_table_has_none():
    line, control = protect_line([10, 2, 7, 8], 5)
    rows = [{"count": None if (0, j) in control.hidden else v} for j, v in enumerate(line)]
    assert small_counts(rows, 5) == []
    assert small_counts([{"count": v} for v in line], 5) != []
