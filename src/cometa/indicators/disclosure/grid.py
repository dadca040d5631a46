"""Complementary suppression in a two-way table with its margins.

A table of R rows and C columns is held *extended*: an (R+1) × (C+1) grid whose last
column holds the row totals, whose last row holds the column totals and whose corner
holds the grand total. Every line of that grid is an equation (the cells of a row add up
to its total, the totals of the columns add up to the grand total, ...). Giving the
totals a minus sign turns each into "the line adds up to zero", so the grid is the
edge set of a bipartite graph between its R+1 row lines and C+1 column lines, and what
a reader of the released entries can still change without breaking any equation is
exactly a move of ±1 around a cycle of hidden entries (the matrix is totally
unimodular, so any other solution is a sum of such moves).

A hidden entry is therefore *recoverable* when no cycle of hidden entries passes
through it along which a move of +1 or of −1 keeps every count at zero or above; each
hidden entry is checked by a search for such a cycle, and while one is recoverable a
further entry of one of its lines is hidden (the smallest count that is not zero,
cells before totals). Nothing here touches a database.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence

__all__ = ["Entry", "Grid", "complementary", "extend", "recoverable"]

Entry = tuple[int, int]
Grid = Sequence[Sequence[int]]


def extend(counts: Grid) -> list[list[int]]:
    """The table with its row totals, column totals and grand total added."""
    rows = [[*row, sum(row)] for row in counts]
    width = len(rows[0]) if rows else 1
    totals = [sum(row[j] for row in rows) for j in range(width)]
    return [*rows, totals]


def _sign(grid: Grid, entry: Entry) -> int:
    """+1 for a cell and the grand total, −1 for a margin (its count enters with a minus)."""
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    return -1 if (entry[0] == last_row) != (entry[1] == last_column) else 1


def _can_move(grid: Grid, entry: Entry, delta: int) -> bool:
    """Whether the signed value of ``entry`` may change by ``delta`` with its count ≥ 0."""
    return grid[entry[0]][entry[1]] + _sign(grid, entry) * delta >= 0


def _cycle(grid: Grid, hidden: Iterable[Entry], entry: Entry, delta: int) -> bool:
    """Whether a cycle of hidden entries through ``entry`` allows ``delta`` on it."""
    if not _can_move(grid, entry, delta):
        return False
    row, column = entry
    by_column: dict[int, list[Entry]] = {}
    by_row: dict[int, list[Entry]] = {}
    for other in hidden:
        if other != entry:
            by_column.setdefault(other[1], []).append(other)
            by_row.setdefault(other[0], []).append(other)
    # From a column line step to a row line through an entry that takes −delta, from a
    # row line to a column line through one that takes +delta; arrive back at ``row``.
    seen_rows: set[int] = set()
    seen_columns = {column}
    queue = deque([column])
    while queue:
        at = queue.popleft()
        for step in by_column.get(at, ()):
            if step[0] in seen_rows or not _can_move(grid, step, -delta):
                continue
            if step[0] == row:
                return True
            seen_rows.add(step[0])
            for onward in by_row.get(step[0], ()):
                if onward[1] not in seen_columns and _can_move(grid, onward, delta):
                    seen_columns.add(onward[1])
                    queue.append(onward[1])
    return False


def recoverable(
    grid: Grid, hidden: Iterable[Entry], among: Iterable[Entry] | None = None
) -> list[Entry]:
    """The hidden entries (of ``among``, default all) that the released entries still pin
    down."""
    hidden = set(hidden)
    watched = hidden if among is None else hidden & set(among)
    return sorted(
        entry
        for entry in watched
        if not (_cycle(grid, hidden, entry, 1) or _cycle(grid, hidden, entry, -1))
    )


def _candidates(grids: Sequence[Grid], hidden: set[Entry], entry: Entry) -> list[Entry]:
    grid = grids[0]
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    line = [(entry[0], j) for j in range(last_column + 1)]
    line += [(i, entry[1]) for i in range(last_row + 1)]

    def rank(candidate: Entry) -> tuple[int, int, int, Entry]:
        zero = any(g[candidate[0]][candidate[1]] == 0 for g in grids)
        margin = candidate[0] == last_row or candidate[1] == last_column
        return (int(zero), int(margin), grid[candidate[0]][candidate[1]], candidate)

    return sorted({c for c in line if c not in hidden}, key=rank)


def complementary(
    grids: Sequence[Grid], hidden: Iterable[Entry], among: Iterable[Entry] | None = None
) -> set[Entry]:
    """``hidden`` grown until no hidden entry (of ``among``, default all) of any of
    ``grids`` (extended grids of one shape: counts, or numerators and denominators) is
    recoverable."""
    hidden = set(hidden)
    among = None if among is None else set(among)
    while True:
        pinned = [entry for grid in grids for entry in recoverable(grid, hidden, among)]
        if not pinned:
            return hidden
        candidates = _candidates(grids, hidden, pinned[0])
        if not candidates:
            # The lines of this entry are all hidden and it is still pinned: hide the
            # smallest entry left anywhere; an all-hidden table gives nothing away.
            rest = [
                (i, j)
                for i in range(len(grids[0]))
                for j in range(len(grids[0][0]))
                if (i, j) not in hidden
            ]
            if not rest:
                return hidden
            candidates = sorted(
                rest, key=lambda e: (grids[0][e[0]][e[1]] == 0, grids[0][e[0]][e[1]])
            )
        hidden.add(candidates[0])
