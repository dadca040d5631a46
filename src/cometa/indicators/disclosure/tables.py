"""Small-cell control of whole tables: primary suppression, homogeneity and the
complementary suppression of ``grid.py``.

- **Counts.** A count of 1 to k−1 people is hidden ("small"); zero is shown.
- **Rates.** A cell of a rate is a numerator a over a denominator n; each of a, n and
  n − a (those without) is a count a reader can work out from the rate and its n, so a
  cell where any of them is 1 to k−1 is hidden ("small"). For a *sensitive* numerator (a
  psychosocial or violence variable) a group where everyone, or all but fewer than k,
  has it is hidden too ("homogeneous"): n − a < k.
- **Complementary.** Then further entries are hidden ("complementary") until none of the
  hidden ones can be worked out from the shown cells and totals of the same table (in
  counts, numerators, denominators and n − a alike).

A one-way table (cells and their total) and a two-way table (cells, row and column
totals, grand total) are both handled; entries are (row, column) of the extended grid.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from cometa.indicators.disclosure.complements import complementary
from cometa.indicators.disclosure.grid import Entry, Grid, extend

__all__ = [
    "Controlled",
    "protect_counts",
    "protect_line",
    "protect_rate_line",
    "protect_rates",
    "rate_problem",
    "small",
]

SMALL, HOMOGENEOUS, COMPLEMENTARY = "small", "homogeneous", "complementary"


def small(count: int, k: int) -> bool:
    """Whether a count of people is too small to show (1 to k−1)."""
    return 0 < count < k


def rate_problem(numerator: int, denominator: int, k: int, *, sensitive: bool) -> str | None:
    """Why a rate's cell may not be shown on its own, or None."""
    if any(small(count, k) for count in (numerator, denominator, denominator - numerator)):
        return SMALL
    if sensitive and denominator > 0 and denominator - numerator < k:
        return HOMOGENEOUS
    return None


@dataclass(frozen=True)
class Controlled:
    """Which entries of an extended grid are hidden, and why."""

    hidden: frozenset[Entry]
    reasons: Mapping[Entry, str]

    def shown(self, grid: Grid) -> list[list[int | None]]:
        """``grid`` with its hidden entries as None."""
        return [
            [None if (i, j) in self.hidden else value for j, value in enumerate(row)]
            for i, row in enumerate(grid)
        ]


def _control(
    grids: Sequence[Grid], primary: Mapping[Entry, str], among: set[Entry] | None = None
) -> Controlled:
    hidden = complementary(grids, primary, among)
    reasons = {entry: primary.get(entry, COMPLEMENTARY) for entry in hidden}
    if among is not None:
        hidden &= among
        reasons = {entry: reason for entry, reason in reasons.items() if entry in among}
    return Controlled(frozenset(hidden), reasons)


def _entries(grid: Grid) -> list[Entry]:
    return [(i, j) for i in range(len(grid)) for j in range(len(grid[0]))]


def protect_counts(
    counts: Grid, k: int, *, extra: Mapping[Entry, str] | None = None
) -> tuple[list[list[int]], Controlled]:
    """A two-way table of counts: its extended grid and what of it may not be shown.
    ``extra``: entries the caller hides for its own reasons (differencing)."""
    grid = extend(counts)
    primary = {entry: SMALL for entry in _entries(grid) if small(grid[entry[0]][entry[1]], k)}
    return grid, _control([grid], {**(extra or {}), **primary})


def _mirrored(cells: Sequence[int]) -> list[list[int]]:
    # A one-way table is row 0 of a two-row grid whose row 1 (the "column totals", the
    # same numbers) is never released: its only equation is then "cells add up to total".
    line = [*cells, sum(cells)]
    return [line, list(line)]


def protect_line(cells: Sequence[int], k: int) -> tuple[list[int], Controlled]:
    """A one-way table of counts: cells then their total, and what may not be shown
    (entries (0, j); j = len(cells) is the total)."""
    grid = _mirrored(cells)
    row = set(_entries(grid)[: len(grid[0])])
    primary = {entry: SMALL for entry in row if small(grid[0][entry[1]], k)}
    mirror = {entry: COMPLEMENTARY for entry in _entries(grid) if entry not in row}
    return grid[0], _control([grid], {**primary, **mirror}, row)


def _rate_grids(numerators: Grid, denominators: Grid) -> list[list[list[int]]]:
    without = [
        [n - a for a, n in zip(ra, rn, strict=True)]
        for ra, rn in zip(numerators, denominators, strict=True)
    ]
    return [list(map(list, numerators)), list(map(list, denominators)), without]


def _rate_primary(
    grids: Sequence[Grid], entries: list[Entry], k: int, sensitive: bool
) -> dict[Entry, str]:
    """``rate_problem`` of every entry, written out: it runs on every entry of every
    table."""
    primary = {}
    numerators, denominators = grids[0], grids[1]
    for i, j in entries:
        a, n = numerators[i][j], denominators[i][j]
        if 0 < a < k or 0 < n < k or 0 < n - a < k:
            primary[(i, j)] = SMALL
        elif sensitive and n > 0 and n - a < k:
            primary[(i, j)] = HOMOGENEOUS
    return primary


def protect_rates(
    numerators: Grid,
    denominators: Grid,
    k: int,
    *,
    sensitive: bool = False,
    extra: Mapping[Entry, str] | None = None,
) -> tuple[list[list[int]], list[list[int]], Controlled]:
    """A two-way table of a rate: the extended numerators and denominators, and what
    may not be shown (``extra`` as for ``protect_counts``)."""
    grids = _rate_grids(extend(numerators), extend(denominators))
    primary = _rate_primary(grids, _entries(grids[0]), k, sensitive)
    return grids[0], grids[1], _control(grids, {**(extra or {}), **primary})


def protect_rate_line(
    numerators: Sequence[int], denominators: Sequence[int], k: int, *, sensitive: bool = False
) -> tuple[list[int], list[int], Controlled]:
    """A one-way table of a rate (cells then the total), as ``protect_line``."""
    grids = _rate_grids(_mirrored(numerators), _mirrored(denominators))
    row = set(_entries(grids[0])[: len(grids[0][0])])
    primary = _rate_primary(grids, sorted(row), k, sensitive)
    mirror = {entry: COMPLEMENTARY for entry in _entries(grids[0]) if entry not in row}
    return grids[0][0], grids[1][0], _control(grids, {**primary, **mirror}, row)
