"""Primary, homogeneity and complementary suppression, proved on random tables: nothing
shown is a count of 1 to k−1, and no hidden entry can be worked out from what is shown
(checked by an exact solver written independently of the suppression, ``solver.py``)."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from cometa.core.errors import ValidationFailed
from cometa.indicators.disclosure import (
    Thresholds,
    protect_counts,
    protect_line,
    protect_rate_line,
    protect_rates,
    threshold,
)
from tests.indicators.disclosure.solver import grid_equations, recoverable

PROPERTY = settings(derandomize=True, max_examples=150, deadline=None, database=None)
K = st.integers(min_value=3, max_value=10)


def tables(max_count: int = 14) -> st.SearchStrategy[list[list[int]]]:
    def of(shape: tuple[int, int]) -> st.SearchStrategy[list[list[int]]]:
        cell = st.integers(min_value=0, max_value=max_count)
        row = st.lists(cell, min_size=shape[1], max_size=shape[1])
        return st.lists(row, min_size=shape[0], max_size=shape[0])

    shapes = st.tuples(st.integers(1, 3), st.integers(1, 4))
    return shapes.flatmap(of)


def grid_values(grid: list[list[int]]) -> dict[tuple[int, int], int]:
    return {(i, j): value for i, row in enumerate(grid) for j, value in enumerate(row)}


def line_recoverable(line: list[int], hidden: frozenset[tuple[int, int]]) -> set:
    equation = {**{(0, j): 1 for j in range(len(line) - 1)}, (0, len(line) - 1): -1}
    values = {(0, j): value for j, value in enumerate(line)}
    return recoverable([equation], values, sorted(hidden))


def test_thresholds_default_to_5_inside_and_10_sensitive_or_outside():
    assert threshold() == 5
    assert threshold(sensitive=True) == 10
    assert threshold(leaves_network=True) == 10
    assert threshold(Thresholds(inside=3, strict=6)) == 3


@pytest.mark.parametrize(
    ("inside", "strict", "field"),
    [(2, 10, "inside"), (5, 4, "strict"), (3, 2, "strict"), (5, 101, "strict")],
)
def test_a_network_may_not_go_below_3_or_below_its_own_threshold(inside, strict, field):
    with pytest.raises(ValidationFailed) as refused:
        Thresholds(inside=inside, strict=strict)
    assert field in refused.value.errors


def test_the_solver_finds_a_cell_hidden_alone():
    grid = [[6, 2, 8], [6, 2, 8]]  # a line of two cells and its total, mirrored
    assert line_recoverable(grid[0], frozenset({(0, 1)})) == {(0, 1)}
    assert line_recoverable(grid[0], frozenset({(0, 1), (0, 0)})) == set()


def test_a_small_cell_takes_a_partner_and_zero_is_shown():
    line, control = protect_line([10, 2, 0, 8], 5)
    assert line == [10, 2, 0, 8, 20]
    assert control.reasons == {(0, 1): "small", (0, 3): "complementary"}


@PROPERTY
@given(tables(), K)
def test_no_shown_count_is_small_and_no_hidden_one_can_be_worked_out(counts, k):
    grid, control = protect_counts(counts, k)
    shown = control.shown(grid)
    assert not [v for row in shown for v in row if v is not None and 0 < v < k]
    equations = grid_equations(len(grid), len(grid[0]))
    assert recoverable(equations, grid_values(grid), sorted(control.hidden)) == set()


@PROPERTY
@given(st.lists(st.integers(0, 14), min_size=1, max_size=7), K)
def test_one_way_tables_alike(cells, k):
    line, control = protect_line(cells, k)
    assert not [v for j, v in enumerate(line) if (0, j) not in control.hidden and 0 < v < k]
    assert line_recoverable(line, control.hidden) == set()


def rate_tables() -> st.SearchStrategy[tuple[list[list[int]], list[list[int]]]]:
    def split(denominators: list[list[int]]) -> st.SearchStrategy:
        numerators = st.tuples(
            *[st.tuples(*[st.integers(0, n) for n in row]) for row in denominators]
        )
        return numerators.map(lambda nums: ([list(r) for r in nums], denominators))

    return tables(20).flatmap(split)


@PROPERTY
@given(rate_tables(), K, st.booleans())
def test_rates_hide_small_and_homogeneous_groups_recoverably_never(table, k, sensitive):
    numerators, denominators = table
    nums, dens, control = protect_rates(numerators, denominators, k, sensitive=sensitive)
    for i, j in grid_values(nums):
        if (i, j) in control.hidden:
            continue
        a, n = nums[i][j], dens[i][j]
        assert not any(0 < count < k for count in (a, n, n - a))
        assert not (sensitive and n > 0 and n - a < k)  # everyone, or all but fewer than k
    equations = grid_equations(len(nums), len(nums[0]))
    rows = zip(nums, dens, strict=True)
    without = [[n - a for a, n in zip(ra, rn, strict=True)] for ra, rn in rows]
    for grid in (nums, dens, without):
        assert recoverable(equations, grid_values(grid), sorted(control.hidden)) == set()


@PROPERTY
@given(st.lists(st.tuples(st.integers(0, 20), st.integers(0, 20)), min_size=1, max_size=6), K)
def test_one_way_rates_alike(pairs, k):
    numerators = [min(a, n) for a, n in pairs]
    denominators = [n for _, n in pairs]
    nums, dens, control = protect_rate_line(numerators, denominators, k, sensitive=True)
    assume(len(nums) > 1)
    without = [n - a for a, n in zip(nums, dens, strict=True)]
    for line in (nums, dens, without):
        assert line_recoverable(line, control.hidden) == set()


def test_a_sensitive_group_where_all_but_a_few_share_the_value_is_hidden():
    # all 14 women at one centre have a flag: showing the centre says it of each of them
    _, _, control = protect_rate_line([14, 3, 20], [14, 30, 40], 10, sensitive=True)
    assert control.reasons[(0, 0)] == "homogeneous"
    _, _, plain = protect_rate_line([14, 3, 20], [14, 30, 40], 10, sensitive=False)
    assert (0, 0) not in plain.hidden
