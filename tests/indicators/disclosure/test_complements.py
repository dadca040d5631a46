"""Which complements are hidden: rectangles closed around a pinned entry, so that a few
small cells in a table of many sites stay a few hidden entries (they cascaded into
nearly the whole table when complements were taken from the row until it was full).
Safety is checked by the independent solver, as in test_tables.py; the line way, now
the fallback, is proved alone too."""

from __future__ import annotations

import random

from hypothesis import given
from hypothesis import strategies as st

from cometa.indicators.disclosure import complementary, extend, protect_counts, protect_rates
from tests.indicators.disclosure.solver import grid_equations, recoverable
from tests.indicators.disclosure.test_tables import PROPERTY, K, grid_values, tables


def exact(grid: list[list[int]], hidden: frozenset | set) -> set:
    return recoverable(grid_equations(len(grid), len(grid[0])), grid_values(grid), sorted(hidden))


def margins(grid: list[list[int]], hidden: frozenset | set) -> set:
    return {(i, j) for i, j in hidden if i == len(grid) - 1 or j == len(grid[0]) - 1}


def test_one_small_cell_among_big_counts_hides_a_rectangle_of_four_cells():
    counts = [[100 + 7 * i + 13 * j for j in range(6)] for i in range(50)]
    counts[20][3] = 2
    grid, control = protect_counts(counts, 5)
    assert (20, 3) in control.hidden
    assert len(control.hidden) == 4
    assert margins(grid, control.hidden) == set()
    assert exact(grid, control.hidden) == set()


def test_one_small_rate_cell_alike_in_numerators_denominators_and_those_without():
    denominators = [[60 + 3 * i + 5 * j for j in range(5)] for i in range(40)]
    numerators = [[n // 3 for n in row] for row in denominators]
    denominators[7][1], numerators[7][1] = 3, 1
    nums, dens, control = protect_rates(numerators, denominators, 5)
    assert len(control.hidden) == 4
    without = [
        [n - a for a, n in zip(ra, rn, strict=True)] for ra, rn in zip(nums, dens, strict=True)
    ]
    for grid in (nums, dens, without):
        assert exact(grid, control.hidden) == set()


def sites(seed: int, rows: int = 30) -> list[list[int]]:
    """Sites of 40 to 300 women by six age bands: nobody in the first (a column of
    zeros), a few in the second: a handful of small cells, many zeros."""
    rng = random.Random(seed)
    shares = [0.0, 0.01, 0.08, 0.3, 0.4, 0.21]
    table = []
    for _ in range(rows):
        bands = rng.choices(range(6), shares, k=rng.randint(40, 300))
        table.append([bands.count(band) for band in range(6)])
    return table


def test_a_table_that_cascaded_row_by_row_stays_small():
    counts = sites(1)
    grid, control = protect_counts(counts, 5)
    small = {e for e, v in grid_values(grid).items() if 0 < v < 5}
    assert len(small) == 25
    # taking complements from the row until it was full hid 184 of these 217 entries
    assert len(control.hidden) <= 2 * len(small)
    assert exact(grid, control.hidden) == set()


def sparse_tables() -> st.SearchStrategy[list[list[int]]]:
    """Tables where most cells are zero or small: zeros can only move one way."""
    cell = st.sampled_from([0, 0, 0, 1, 2, 4, 6, 9, 14])
    shape = st.tuples(st.integers(1, 4), st.integers(1, 4))
    return shape.flatmap(
        lambda s: st.lists(
            st.lists(cell, min_size=s[1], max_size=s[1]), min_size=s[0], max_size=s[0]
        )
    )


@PROPERTY
@given(sparse_tables(), K)
def test_sparse_tables_leave_nothing_recoverable(counts, k):
    grid, control = protect_counts(counts, k)
    assert exact(grid, control.hidden) == set()


@PROPERTY
@given(st.one_of(tables(), sparse_tables()), K)
def test_the_line_way_alone_leaves_nothing_recoverable_either(counts, k):
    grid = extend(counts)
    small = {e for e, v in grid_values(grid).items() if 0 < v < k}
    hidden = complementary([grid], small, rectangles=False)
    assert small <= hidden
    assert exact(grid, hidden) == set()
