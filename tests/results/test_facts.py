"""The figures a narrative reports, checked against the indicator values they claim to
support, and found in the narrative's text."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.indicators.periods import parse_period
from cometa.results.facts import (
    Cell,
    Claim,
    FactStatus,
    check_facts,
    figure_in_text,
    numbers_in,
)

D = Decimal
Y2022 = parse_period("2022")
ENROLLED = Cell(indicator=7, kind="actual", period=Y2022, key="")
ENROLLED_WOMEN = Cell(indicator=7, kind="actual", period=Y2022, key="sex=F")


@pytest.mark.parametrize(
    ("claim", "status", "stored", "difference"),
    [
        (Claim(D(2763), ENROLLED), FactStatus.MATCHES, D(2763), D(0)),
        (Claim(D(2760), ENROLLED), FactStatus.DIFFERS, D(2763), D(-3)),
        (Claim(D(1300), ENROLLED_WOMEN), FactStatus.NO_VALUE, None, None),
        (Claim(D(15), None), FactStatus.NOT_LINKED, None, None),
    ],
)
def test_each_claim_against_the_stored_value(claim, status, stored, difference) -> None:
    [found] = check_facts([claim], {ENROLLED: D(2763)})
    assert (found.status, found.stored, found.difference) == (status, stored, difference)


def test_a_tolerance_admits_rounding() -> None:
    claim = Claim(D("48.6"), ENROLLED)
    assert check_facts([claim], {ENROLLED: D("48.57")})[0].status is FactStatus.DIFFERS
    found = check_facts([claim], {ENROLLED: D("48.57")}, tolerance=D("0.05"))
    assert found[0].status is FactStatus.MATCHES


@pytest.mark.parametrize(
    ("text", "numbers"),
    [
        ("2,763 women enrolled in 15 learning centres", {D(2763), D("2.763"), D(15)}),
        ("1,279 (48.6% women)", {D(1279), D("1.279"), D("48.6"), D(486)}),
        ("5 585 servidores", {D(5585), D(5), D(585)}),
        ("un 94 %", {D(94)}),
        ("no figures here", set()),
    ],
)
def test_numbers_in_reads_both_ways_of_writing_separators(text: str, numbers: set) -> None:
    assert numbers <= numbers_in(text)
    if not numbers:
        assert numbers_in(text) == set()


@pytest.mark.parametrize(
    ("value", "text", "found"),
    [
        (D(2763), "2,763 marginalized women", True),
        (D(2763), "2.763 mujeres", True),
        (D(2763), "2763 women", True),
        (D(2763), "2,736 women", False),
        (D("48.6"), "1,279 (48.6% women)", True),
        (D("48.6"), "48,6 % mujeres", True),
        (D(7787), "a total of 7,787 women", True),
        (D(15), "through 150 centres", False),
    ],
)
def test_figure_in_text(value: Decimal, text: str, found: bool) -> None:
    assert figure_in_text(value, text) is found
