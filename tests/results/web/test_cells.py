"""Reading a typed cell of the data-entry grid: numbers as people type them, and messages
that name the cell."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.results.web.cells import read_cell, same, shown

WHERE = "Actual, Total"


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("2763", Decimal(2763)),
        (" 2763 ", Decimal(2763)),
        ("2 763", Decimal(2763)),
        ("12.5", Decimal("12.5")),
        ("12,5", Decimal("12.5")),
        ("0.125", Decimal("0.125")),
        ("0", Decimal(0)),
    ],
)
def test_numbers_are_read(typed, value):
    reading = read_cell(typed, numeric=True, counts=True, where=WHERE)
    assert (reading.problem, reading.value, reading.empty) == ("", value, False)


@pytest.mark.parametrize(
    ("typed", "says"),
    [
        ("2,763", "without a thousands separator"),
        ("1.250.000", "without a thousands separator"),
        ("many", "is not a number"),
        ("12.5.1", "is not a number"),
        ("-3", "below zero"),
    ],
)
def test_problems_name_the_cell(typed, says):
    reading = read_cell(typed, numeric=True, counts=True, where=WHERE)
    assert reading.value is None
    assert reading.problem.startswith(WHERE + ": ")
    assert says in reading.problem


def test_a_rate_may_go_below_zero():
    assert read_cell("-3", numeric=True, counts=False, where=WHERE).value == Decimal(-3)


def test_an_empty_cell_and_a_text():
    assert read_cell("  ", numeric=True, counts=True, where=WHERE).empty
    reading = read_cell(" Law adopted ", numeric=False, counts=False, where=WHERE)
    assert (reading.text, reading.value, reading.problem) == ("Law adopted", None, "")


def test_stored_values_show_plainly_and_compare():
    assert shown(Decimal("2763.000000"), "") == "2763"
    assert shown(Decimal("12.500000"), "") == "12.5"
    assert shown(None, "Law adopted") == "Law adopted"
    typed = read_cell("2763", numeric=True, counts=True, where=WHERE)
    assert same(typed, Decimal("2763.000000"), "")
    assert not same(typed, Decimal(2762), "")
    assert not same(typed, None, "")
    assert same(read_cell("", numeric=True, counts=True, where=WHERE), None, "")
