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
hidden entry is checked by a search for such a cycle (``complements.py`` hides more
while one is recoverable). Nothing here touches a database.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence

__all__ = ["Entry", "Grid", "extend", "pinned_in", "recoverable"]

Entry = tuple[int, int]
Grid = Sequence[Sequence[int]]


def extend(counts: Grid) -> list[list[int]]:
    """The table with its row totals, column totals and grand total added."""
    rows = [[*row, sum(row)] for row in counts]
    totals = [sum(column) for column in zip(*rows, strict=True)] if rows else [0]
    return [*rows, totals]


def _sign(grid: Grid, entry: Entry) -> int:
    """+1 for a cell and the grand total, −1 for a margin (its count enters with a minus)."""
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1
    return -1 if (entry[0] == last_row) != (entry[1] == last_column) else 1


class _Hidden:
    """The hidden entries by row line and by column line, and which of them may move
    (+1 or −1 on their signed value) with their count staying at zero or above: those
    of one or more both ways, a zero only the way that raises its count."""

    def __init__(self, grid: Grid, hidden: set[Entry], zeros: set[Entry]) -> None:
        self.entries = hidden
        self.by_row: dict[int, list[Entry]] = {}
        self.by_column: dict[int, list[Entry]] = {}
        self.rows_of: dict[int, set[int]] = {}
        for entry in sorted(hidden):
            self.by_row.setdefault(entry[0], []).append(entry)
            self.by_column.setdefault(entry[1], []).append(entry)
            self.rows_of.setdefault(entry[1], set()).add(entry[0])
        raised = {entry for entry in zeros if _sign(grid, entry) == 1}
        positive = hidden - zeros
        self.moves: dict[int, set[Entry]] = {1: positive | raised, -1: positive | (zeros - raised)}


def _square(hidden: _Hidden, entry: Entry, delta: int) -> bool:
    """The common case first: a rectangle of four hidden entries allowing ``delta``."""
    row, column = entry
    up, down = hidden.moves[delta], hidden.moves[-delta]
    for across in hidden.by_row.get(row, ()):
        if across == entry or across not in down:
            continue
        shared = hidden.rows_of[column] & hidden.rows_of[across[1]]
        for other in shared - {row}:
            if (other, column) in down and (other, across[1]) in up:
                return True
    return False


def _cycle(hidden: _Hidden, entry: Entry, delta: int) -> bool:
    """Whether a cycle of hidden entries through ``entry`` allows ``delta`` on it."""
    up, down = hidden.moves[delta], hidden.moves[-delta]
    if entry not in up:
        return False
    if _square(hidden, entry, delta):
        return True
    row, column = entry
    # From a column line step to a row line through an entry that takes −delta, from a
    # row line to a column line through one that takes +delta; arrive back at ``row``.
    seen_rows: set[int] = set()
    seen_columns = {column}
    queue = deque([column])
    while queue:
        at = queue.popleft()
        for step in hidden.by_column.get(at, ()):
            if step == entry or step[0] in seen_rows or step not in down:
                continue
            if step[0] == row:
                return True
            seen_rows.add(step[0])
            for onward in hidden.by_row.get(step[0], ()):
                if onward[1] not in seen_columns and onward in up:
                    seen_columns.add(onward[1])
                    queue.append(onward[1])
    return False


def _bridges(edges: Sequence[Entry]) -> set[Entry]:
    """The entries on no cycle of ``edges`` (Tarjan's bridges, without recursion; lines
    numbered in lists, rows first, as it runs for every round of every table)."""
    if not edges:
        return set()
    offset = 1 + max(i for i, _ in edges)
    size = offset + 1 + max(j for _, j in edges)
    adjacent: list[list[tuple[int, int]]] = [[] for _ in range(size)]
    for index, (i, j) in enumerate(edges):
        adjacent[i].append((offset + j, index))
        adjacent[offset + j].append((i, index))
    found = [-1] * size
    low = [0] * size
    counter = 0
    bridges: set[Entry] = set()
    for start in range(size):
        if found[start] >= 0 or not adjacent[start]:
            continue
        found[start] = low[start] = counter
        counter += 1
        nodes, vias, places = [start], [-1], [0]
        while nodes:
            node, place = nodes[-1], places[-1]
            onward = adjacent[node]
            if place < len(onward):
                places[-1] = place + 1
                after, index = onward[place]
                if index == vias[-1]:
                    continue
                if found[after] >= 0:
                    low[node] = min(low[node], found[after])
                    continue
                found[after] = low[after] = counter
                counter += 1
                nodes.append(after)
                vias.append(index)
                places.append(0)
                continue
            nodes.pop()
            places.pop()
            via = vias.pop()
            if nodes:
                parent = nodes[-1]
                low[parent] = min(low[parent], low[node])
                if low[node] > found[parent]:
                    bridges.add(edges[via])
    return bridges


def _components(hidden: _Hidden, delta: int) -> dict[int, int]:
    """Strongly connected components of the lines when an entry that can take −delta
    leads from its column to its row and one that can take +delta from its row to its
    column (columns numbered after the rows); Kosaraju's, without recursion."""
    offset = 1 + max((i for i, _ in hidden.entries), default=0)
    forward: dict[int, list[int]] = {}
    backward: dict[int, list[int]] = {}
    arcs = [(offset + j, i) for i, j in hidden.moves[-delta]]
    arcs += [(i, offset + j) for i, j in hidden.moves[delta]]
    for start, end in arcs:
        forward.setdefault(start, []).append(end)
        backward.setdefault(end, []).append(start)
    order: list[int] = []
    seen: set[int] = set()
    for root in forward:
        if root in seen:
            continue
        seen.add(root)
        stack = [(root, iter(forward.get(root, ())))]
        while stack:
            node, onward = stack[-1]
            for after in onward:
                if after not in seen:
                    seen.add(after)
                    stack.append((after, iter(forward.get(after, ()))))
                    break
            else:
                stack.pop()
                order.append(node)
    component: dict[int, int] = {}
    for root in reversed(order):
        if root in component:
            continue
        component[root] = root
        pending = [root]
        while pending:
            for before in backward.get(pending.pop(), ()):
                if before not in component:
                    component[before] = root
                    pending.append(before)
    return component


def _one_way(hidden: _Hidden, entries: set[Entry]) -> tuple[set[Entry], set[Entry]]:
    """Of the entries that can move one way only (a zero count), those that are free and
    those that are pinned: free exactly when their row and column lines are strongly
    connected in that direction's graph, for then a path leads back that cannot use the
    entry itself."""
    offset = 1 + max((i for i, _ in hidden.entries), default=0)
    free: set[Entry] = set()
    decided: set[Entry] = set()
    for delta in (1, -1):
        one_way = {e for e in entries if e in hidden.moves[delta] and e not in hidden.moves[-delta]}
        if not one_way:
            continue
        decided |= one_way
        component = _components(hidden, delta)
        free |= {
            (i, j) for i, j in one_way if component.get(i, -1) == component.get(offset + j, -2)
        }
    return free, decided - free


def _pinned(
    grid: Grid, hidden: set[Entry], watched: set[Entry], on_no_cycle: set[Entry]
) -> set[Entry]:
    """``recoverable`` of the entries ``watched``, given the bridges of all hidden
    entries (``on_no_cycle``: the same for every grid of one table)."""
    zeros = {entry for entry in hidden if grid[entry[0]][entry[1]] == 0}
    if zeros:
        positive = hidden - zeros
        free = positive - _bridges(sorted(positive))
    else:  # every hidden entry holds one or more: its cycles are those of all of them
        free = hidden - on_no_cycle
    pinned = on_no_cycle & watched
    left = watched - free - pinned
    if not left:
        return pinned
    lines = _Hidden(grid, hidden, zeros)
    one_way_free, one_way_pinned = _one_way(lines, left)
    left -= one_way_free | one_way_pinned
    return (
        pinned
        | one_way_pinned
        | {e for e in left if not (_cycle(lines, e, 1) or _cycle(lines, e, -1))}
    )


def recoverable(
    grid: Grid, hidden: Iterable[Entry], among: Iterable[Entry] | None = None
) -> list[Entry]:
    """The hidden entries (of ``among``, default all) that the released entries still pin
    down. An entry on a cycle of hidden entries that all hold one or more can move both
    ways (found for all at once as the non-bridges of that graph); the others are
    searched one by one, but for those on no cycle at all (the bridges of all hidden
    entries), which nothing can move."""
    hidden = set(hidden)
    watched = hidden if among is None else hidden & set(among)
    return sorted(_pinned(grid, hidden, watched, _bridges(sorted(hidden))))


def pinned_in(grids: Sequence[Grid], hidden: set[Entry], watched: set[Entry]) -> set[Entry]:
    """The entries of ``watched`` recoverable in any of ``grids``: the bridges of the
    hidden entries found once for all grids, and an entry pinned in one grid not looked
    at again in the next."""
    on_no_cycle = _bridges(sorted(hidden))
    pinned: set[Entry] = set()
    for grid in grids:
        if watched - pinned:
            pinned |= _pinned(grid, hidden, watched - pinned, on_no_cycle)
    return pinned
