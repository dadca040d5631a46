"""Budget totals and the share with gender equality marker 2 or 3, by currency."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.results.budgets import (
    BudgetLine,
    BudgetShare,
    budget_shares,
    currency_problem,
    share_of,
)

PROPERTY = settings(derandomize=True, max_examples=200, deadline=None, database=None)
D = Decimal


def test_sums_by_currency_with_the_marked_part() -> None:
    lines = [
        BudgetLine(D("100"), "USD", 3),
        BudgetLine(D("300"), "USD", 1),
        BudgetLine(D("50"), "MXN", 2),
        BudgetLine(D("150"), "MXN", 0),
        BudgetLine(D("100"), "USD", 2),
    ]
    assert budget_shares(lines) == [
        BudgetShare("MXN", D("200"), D("50"), D("0.25")),
        BudgetShare("USD", D("500"), D("200"), D("0.4")),
    ]


def test_no_budget_has_no_share() -> None:
    assert budget_shares([BudgetLine(D("0"), "USD", 3)]) == [
        BudgetShare("USD", D("0"), D("0"), None)
    ]
    assert budget_shares([]) == []


@pytest.mark.parametrize(
    ("marked", "total", "share"),
    [(D(1), D(3), D("0.3333")), (D(2), D(3), D("0.6667")), (D(0), D(5), D(0)), (D(1), D(0), None)],
)
def test_share_of(marked: Decimal, total: Decimal, share: Decimal | None) -> None:
    assert share_of(marked, total) == share


@pytest.mark.parametrize(
    ("currency", "wrong"),
    [("USD", False), ("MXN", False), ("usd", True), ("US$", True), ("", True)],
)
def test_currency_is_an_iso_code(currency: str, wrong: bool) -> None:
    assert bool(currency_problem(currency)) is wrong


amounts = st.decimals(min_value=0, max_value=10**9, places=2, allow_nan=False)
lines = st.lists(
    st.builds(BudgetLine, amounts, st.sampled_from(["USD", "MXN"]), st.integers(0, 3)), max_size=20
)


@PROPERTY
@given(lines)
def test_totals_are_the_sums_and_the_share_stays_between_0_and_1(items) -> None:
    for found in budget_shares(items):
        mine = [line for line in items if line.currency == found.currency]
        assert found.total == sum((line.amount for line in mine), D(0))
        assert found.marked == sum((line.amount for line in mine if line.marker >= 2), D(0))
        assert found.share is None or D(0) <= found.share <= D(1)


@PROPERTY
@given(lines, amounts.filter(lambda a: a > 0))
def test_a_line_marked_0_or_1_never_raises_the_share(items, amount) -> None:
    before = {s.currency: s.share for s in budget_shares(items)}
    after = {s.currency: s.share for s in budget_shares([*items, BudgetLine(amount, "USD", 1)])}
    if before.get("USD") is not None:
        assert after["USD"] is not None and after["USD"] <= before["USD"]
