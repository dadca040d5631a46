"""Complementary suppression: which further entries to hide while a hidden entry of a
table can still be worked out (``grid.py`` decides that, exactly).

A reader can only be kept guessing by a cycle of hidden entries along which a move of
+1 and −1 (alternately, on the signed values of ``grid.py``) keeps every count at zero
or above. The shortest such cycle is a rectangle: for a pinned entry (r, c), another
column c2 and another row r2 with (r, c2), (r2, c) and (r2, c2) hidden too. So for each
pinned entry the rectangle is chosen that costs least to close: entries already hidden
cost nothing, then the fewest new entries, cells before totals, counts of one or more
before zeros, the smallest counts first; a zero may only be part of one where the move
raises it, in every grid (counts, or numerators, denominators and n − a). A one-way
table is a line over its never-released mirror (``tables.py``), hidden from the start:
its rectangles need one more cell of the line, the smallest, as before. When no
rectangle can be closed (zeros in the way) one entry of the pinned entry's lines is
hidden instead, the way before: the smallest non-zero count of its row, cells before
totals, then of its column. Whichever is chosen, the exact check runs again and decides
when to stop.

Taking complements from the row until it was full made a few small cells of a table of
400 sites cascade into nearly the whole table (docs/network-indicators.md): a hidden
zero in a column of zeros could only be freed through the totals, and hidden totals
pulled in every row. A rectangle frees its four entries at once and leaves the totals
alone. Nothing here touches a database.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import numpy.typing as npt

from cometa.indicators.disclosure.grid import Entry, Grid, pinned_in

__all__ = ["complementary"]

# What hiding one more entry costs, added up over the three a rectangle may need: any
# number of cells before one more total, fewer entries before smaller ones, a count of
# one or more (its size, capped) before a zero.
TOTAL, ENTRY, ZERO = 1e12, 1e8, 1e7

Mask = npt.NDArray[np.bool_]


class _Rectangles:
    """The cost of hiding each entry (zero once hidden) and, per grid and direction,
    which entries may take a move of +1 or −1 on their signed value: those of one or
    more both ways, a zero only the way that raises its count."""

    def __init__(self, grids: Sequence[Grid], hidden: Iterable[Entry]) -> None:
        counts = [np.asarray(grid, dtype=np.int64) for grid in grids]
        margin = np.zeros(counts[0].shape, dtype=bool)
        margin[-1, :] = margin[:, -1] = True
        sign = np.where(margin, -1, 1)
        sign[-1, -1] = 1
        zeros = [grid == 0 for grid in counts]
        any_zero = np.logical_or.reduce(zeros)
        size = np.minimum(sum(counts), ZERO - 1)
        self.cost = margin * TOTAL + ENTRY + np.where(any_zero, ZERO, size)
        self.moves: list[dict[int, Mask]] = [
            {delta: ~zero | (sign * delta == 1) for delta in (1, -1)} for zero in zeros
        ]
        for entry in hidden:
            self.hide(entry)

    def hide(self, entry: Entry) -> None:
        self.cost[entry] = 0.0

    def _closable(self, row: int, column: int) -> Mask:
        """Per (r2, c2), whether the rectangle with ``(row, column)`` allows a move in
        every grid: +delta on (row, column) and (r2, c2), −delta on the other two."""
        closable = np.ones(self.cost.shape, dtype=bool)
        for moves in self.moves:
            either = np.zeros(self.cost.shape, dtype=bool)
            for delta in (1, -1):
                if moves[delta][row, column]:
                    back = moves[-delta]
                    either |= moves[delta] & back[row, :][None, :] & back[:, column][:, None]
            closable &= either
        return closable

    def best(self, entry: Entry) -> list[Entry] | None:
        """The entries to hide that close the cheapest rectangle through ``entry``
        (empty if one is closed already), or None if none can be closed."""
        row, column = entry
        total = self.cost + self.cost[row, :][None, :] + self.cost[:, column][:, None]
        total = np.where(self._closable(row, column), total, np.inf)
        total[row, :] = total[:, column] = np.inf
        place = int(np.argmin(total))
        other, across = divmod(place, total.shape[1])
        if not np.isfinite(total[other, across]):
            return None
        corners = [(row, across), (other, column), (other, across)]
        return [corner for corner in corners if self.cost[corner] > 0]


class _Choices:
    """Which entry to hide next, per line: the entries of a row or a column line sorted
    by preference (non-zero counts before zeros, cells before totals, the smallest
    first), made when first asked for, with the place of the first not hidden yet (hidden
    entries stay hidden, so a place only moves on); for the whole grid, non-zero counts
    of the first grid first, the smallest first."""

    def __init__(self, grids: Sequence[Grid]) -> None:
        self.grids = grids
        self.last = (len(grids[0]) - 1, len(grids[0][0]) - 1)
        self.lines: dict[tuple[int, int], list[Entry]] = {}
        self.at: dict[tuple[int, int], int] = {}

    def _rank(self, entry: Entry) -> tuple[int, int, int, Entry]:
        i, j = entry
        zero = any(g[i][j] == 0 for g in self.grids)
        margin = i == self.last[0] or j == self.last[1]
        return (int(zero), int(margin), self.grids[0][i][j], entry)

    def _line(self, key: tuple[int, int]) -> list[Entry]:
        kind, index = key
        if kind == 0:
            return sorted(((index, j) for j in range(self.last[1] + 1)), key=self._rank)
        if kind == 1:
            return sorted(((i, index) for i in range(self.last[0] + 1)), key=self._rank)
        grid = self.grids[0]
        every = [(i, j) for i in range(self.last[0] + 1) for j in range(self.last[1] + 1)]
        return sorted(every, key=lambda e: (grid[e[0]][e[1]] == 0, grid[e[0]][e[1]], e))

    def first(self, kind: int, index: int, hidden: set[Entry]) -> Entry | None:
        """The best entry not hidden of row ``index`` (kind 0), column ``index`` (1) or
        the whole grid (2)."""
        key = (kind, index)
        line = self.lines.get(key)
        if line is None:
            line = self.lines[key] = self._line(key)
        place = self.at.get(key, 0)
        while place < len(line) and line[place] in hidden:
            place += 1
        self.at[key] = place
        return line[place] if place < len(line) else None


def complementary(
    grids: Sequence[Grid],
    hidden: Iterable[Entry],
    among: Iterable[Entry] | None = None,
    *,
    rectangles: bool = True,
) -> set[Entry]:
    """``hidden`` grown until no hidden entry (of ``among``, default all) of any of
    ``grids`` (extended grids of one shape: counts, or numerators, denominators and
    n − a) is recoverable. ``rectangles=False``: one entry of the lines at a time, the
    way before (kept to measure against, and proved safe alike).

    Hiding more only adds ways for the reader's unknowns to move, so an entry found
    free stays free: after the first round only the entries still pinned and those just
    hidden are looked at again."""
    hidden = set(hidden)
    among = None if among is None else set(among)
    watched = hidden if among is None else hidden & among
    lines = _Choices(grids)
    closing = _Rectangles(grids, hidden) if rectangles else None
    while True:
        pinned = sorted(pinned_in(grids, hidden, watched))
        if not pinned:
            return hidden
        touched: set[int] = set()
        watched = set(pinned)
        for entry in pinned:
            # a complement added to its row in this round may already have freed it
            if entry[0] in touched:
                continue
            added = closing.best(entry) if closing is not None else None
            if added is None:
                line = _complement(lines, hidden, entry)
                if line is None:
                    return hidden
                added = [line]
            for more in added:
                hidden.add(more)
                if closing is not None:
                    closing.hide(more)
            watched.update(added)
            touched |= {entry[0], *(more[0] for more in added)}
        if among is not None:
            watched &= among


def _complement(choices: _Choices, hidden: set[Entry], entry: Entry) -> Entry | None:
    """The line way (the fallback, and the way before): the best entry of the row of
    ``entry`` if any is left, else of its column, else the smallest left anywhere (its
    lines are all hidden and it is still pinned); None when everything is hidden, which
    gives nothing away."""
    return (
        choices.first(0, entry[0], hidden)
        or choices.first(1, entry[1], hidden)
        or choices.first(2, 0, hidden)
    )
