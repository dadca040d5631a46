"""An independent, exact check that a hidden entry cannot be worked out.

The reader knows the shown entries and the equations of the table (each line adds up to
its total) and that every count is a whole number ≥ 0. Gaussian elimination in fractions
writes every hidden entry in terms of free ones; then every combination of the free
entries within ±1 of their true values is tried. That is enough: the equations form a
network matrix, so any other solution differs from the true one by a sum of cycles in
which each entry moves by one, and a single such cycle is itself a solution. A hidden
entry is *recoverable* when it takes the same value in every solution found.
"""

from __future__ import annotations

import itertools
from collections.abc import Hashable, Iterator, Mapping, Sequence
from fractions import Fraction

Equation = Mapping[Hashable, int]  # entry -> coefficient; the sum is zero


def grid_equations(rows: int, columns: int) -> list[dict[tuple[int, int], int]]:
    """The equations of an extended grid (last row and column are totals)."""
    equations = []
    for i in range(rows):
        equations.append({**{(i, j): 1 for j in range(columns - 1)}, (i, columns - 1): -1})
    for j in range(columns):
        equations.append({**{(i, j): 1 for i in range(rows - 1)}, (rows - 1, j): -1})
    return equations


def _reduce(
    equations: Sequence[Equation], values: Mapping[Hashable, int], hidden: Sequence[Hashable]
) -> tuple[list[tuple[Hashable, dict[Hashable, Fraction], Fraction]], list[Hashable]]:
    index = {entry: n for n, entry in enumerate(hidden)}
    matrix = []
    for equation in equations:
        row = [Fraction(0)] * (len(hidden) + 1)
        for entry, coefficient in equation.items():
            if entry in index:
                row[index[entry]] += coefficient
            else:
                row[-1] -= coefficient * values[entry]
        matrix.append(row)
    pivots: list[int] = []
    rank = 0
    for column in range(len(hidden)):
        found = next((r for r in range(rank, len(matrix)) if matrix[r][column] != 0), None)
        if found is None:
            continue
        matrix[rank], matrix[found] = matrix[found], matrix[rank]
        lead = matrix[rank][column]
        matrix[rank] = [value / lead for value in matrix[rank]]
        for r in range(len(matrix)):
            if r != rank and matrix[r][column] != 0:
                factor = matrix[r][column]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        pivots.append(column)
        rank += 1
    free = [hidden[c] for c in range(len(hidden)) if c not in pivots]
    solved = []
    for r, column in enumerate(pivots):
        terms = {hidden[c]: matrix[r][c] for c in range(len(hidden)) if c not in pivots}
        solved.append((hidden[column], terms, matrix[r][-1]))
    return solved, free


def _steps(size: int) -> Iterator[tuple[int, ...]]:
    """Every vector of −1, 0, +1 of this size, the fewest non-zero steps first."""
    for weight in range(size + 1):
        for support in itertools.combinations(range(size), weight):
            for signs in itertools.product((-1, 1), repeat=weight):
                steps = [0] * size
                for place, sign in zip(support, signs, strict=True):
                    steps[place] = sign
                yield tuple(steps)


def recoverable(
    equations: Sequence[Equation], values: Mapping[Hashable, int], hidden: Sequence[Hashable]
) -> set[Hashable]:
    """The hidden entries that take one value in every whole, non-negative solution."""
    hidden = list(hidden)
    solved, free = _reduce(equations, values, hidden)
    seen: dict[Hashable, set[Fraction]] = {entry: set() for entry in hidden}
    unsettled = set(hidden)
    for steps in _steps(len(free)):
        if not unsettled:
            break
        trial = {
            entry: Fraction(values[entry] + step) for entry, step in zip(free, steps, strict=True)
        }
        for entry, terms, constant in solved:
            trial[entry] = constant - sum(c * trial[f] for f, c in terms.items())
        if all(v >= 0 and v.denominator == 1 for v in trial.values()):
            for entry, value in trial.items():
                seen[entry].add(value)
                if len(seen[entry]) > 1:
                    unsettled.discard(entry)
    return {entry for entry, found in seen.items() if len(found) < 2}
