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


class _Hidden:
    """The hidden entries by row line and by column line, and which of them may move
    (+1 or −1 on their signed value) with their count staying at zero or above."""

    def __init__(self, grid: Grid, hidden: Iterable[Entry]) -> None:
        self.entries = set(hidden)
        self.by_row: dict[int, list[Entry]] = {}
        self.by_column: dict[int, list[Entry]] = {}
        self.rows_of: dict[int, set[int]] = {}
        self.moves: dict[int, set[Entry]] = {1: set(), -1: set()}
        for entry in self.entries:
            self.by_row.setdefault(entry[0], []).append(entry)
            self.by_column.setdefault(entry[1], []).append(entry)
            self.rows_of.setdefault(entry[1], set()).add(entry[0])
            for delta in (1, -1):
                if _can_move(grid, entry, delta):
                    self.moves[delta].add(entry)


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
    """The entries on no cycle of ``edges`` (Tarjan's bridges, without recursion)."""
    offset = 1 + max((i for i, _ in edges), default=0)
    adjacent: dict[int, list[tuple[int, int]]] = {}
    for index, (i, j) in enumerate(edges):
        adjacent.setdefault(i, []).append((offset + j, index))
        adjacent.setdefault(offset + j, []).append((i, index))
    found: dict[int, int] = {}
    low: dict[int, int] = {}
    bridges: set[Entry] = set()
    for start in adjacent:
        if start in found:
            continue
        found[start] = low[start] = len(found)
        stack = [(start, -1, iter(adjacent[start]))]
        while stack:
            node, via, onward = stack[-1]
            for after, index in onward:
                if index == via:
                    continue
                if after in found:
                    low[node] = min(low[node], found[after])
                    continue
                found[after] = low[after] = len(found)
                stack.append((after, index, iter(adjacent[after])))
                break
            else:
                stack.pop()
                if stack:
                    parent = stack[-1][0]
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


def recoverable(
    grid: Grid, hidden: Iterable[Entry], among: Iterable[Entry] | None = None
) -> list[Entry]:
    """The hidden entries (of ``among``, default all) that the released entries still pin
    down. An entry on a cycle of hidden entries that all hold one or more can move both
    ways (found for all at once as the non-bridges of that graph); the others are
    searched one by one, but for those on no cycle at all (the bridges of all hidden
    entries), which nothing can move."""
    lines = _Hidden(grid, hidden)
    watched = lines.entries if among is None else lines.entries & set(among)
    positive = [entry for entry in lines.entries if grid[entry[0]][entry[1]] > 0]
    free = set(positive) - _bridges(positive)
    on_no_cycle = _bridges(sorted(lines.entries)) & watched
    left = watched - free - on_no_cycle
    one_way_free, one_way_pinned = _one_way(lines, left)
    left -= one_way_free | one_way_pinned
    return sorted(
        on_no_cycle
        | one_way_pinned
        | {e for e in left if not (_cycle(lines, e, 1) or _cycle(lines, e, -1))}
    )


def _candidate(grids: Sequence[Grid], hidden: set[Entry], entry: Entry) -> Entry | None:
    """The best entry to hide for ``entry``: in its row if any is left, else its column;
    non-zero counts before zeros, cells before totals, the smallest first."""
    grid = grids[0]
    last_row, last_column = len(grid) - 1, len(grid[0]) - 1

    def rank(candidate: Entry) -> tuple[int, int, int, Entry]:
        zero = any(g[candidate[0]][candidate[1]] == 0 for g in grids)
        margin = candidate[0] == last_row or candidate[1] == last_column
        return (int(zero), int(margin), grid[candidate[0]][candidate[1]], candidate)

    for line in (
        [(entry[0], j) for j in range(last_column + 1)],
        [(i, entry[1]) for i in range(last_row + 1)],
    ):
        left = [c for c in line if c not in hidden]
        if left:
            return min(left, key=rank)
    return None


def complementary(
    grids: Sequence[Grid], hidden: Iterable[Entry], among: Iterable[Entry] | None = None
) -> set[Entry]:
    """``hidden`` grown until no hidden entry (of ``among``, default all) of any of
    ``grids`` (extended grids of one shape: counts, or numerators and denominators) is
    recoverable."""
    hidden = set(hidden)
    among = None if among is None else set(among)
    while True:
        pinned = sorted({entry for grid in grids for entry in recoverable(grid, hidden, among)})
        if not pinned:
            return hidden
        touched: set[int] = set()
        for entry in pinned:
            # a complement added to its row in this round may already have freed it
            if entry[0] in touched:
                continue
            added = _complement(grids, hidden, entry)
            if added is None:
                return hidden
            hidden.add(added)
            touched |= {entry[0], added[0]}


def _complement(grids: Sequence[Grid], hidden: set[Entry], entry: Entry) -> Entry | None:
    """The entry to hide next for ``entry``: one of its lines, else the smallest left."""
    candidate = _candidate(grids, hidden, entry)
    if candidate is not None:
        return candidate
    # Its lines are all hidden and it is still pinned: hide the smallest entry left
    # anywhere; an all-hidden table gives nothing away.
    first = grids[0]
    rest = [(i, j) for i in range(len(first)) for j in range(len(first[0])) if (i, j) not in hidden]
    if not rest:
        return None
    return min(rest, key=lambda e: (first[e[0]][e[1]] == 0, first[e[0]][e[1]], e))
