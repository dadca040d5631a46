"""Counts into tables that may leave the module: rows (sites, members or cohorts) by the
codes of one dimension, with their totals, through disclosure control.

A completers-only table is nested in its all-enrolled table entry by entry; where both
would show and they differ by 1 to k−1 women (numerator or denominator), the
completers' entry is hidden too (differencing), before its complementary suppression.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from cometa.indicators.disclosure import Controlled, extend, protect_counts, protect_rates, small
from cometa.indicators.disclosure.grid import Entry
from cometa.network.indicators.definitions import Common

__all__ = ["IndicatorTable", "build"]

TOTAL = ""


@dataclass(frozen=True)
class IndicatorTable:
    code: str
    version: int | None
    title: str
    dimension: str
    by: str
    rows: tuple[tuple[int, str], ...]  # (id, label); the totals row follows
    columns: tuple[str, ...]  # codes; the total column follows
    numerators: list[list[int]]  # extended grids
    denominators: list[list[int]]
    control: Controlled
    k: int
    is_rate: bool

    def cells(self) -> list[dict[str, object]]:
        """Every entry as a row (the totals have an empty row or column): ``n``, and for a
        rate ``numerator`` and ``rate`` (per cent); None where disclosure control hides it."""
        labels = [label for _, label in self.rows] + [TOTAL]
        found = []
        for i, label in enumerate(labels):
            for j, column in enumerate([*self.columns, TOTAL]):
                hidden = (i, j) in self.control.hidden
                n = self.denominators[i][j]
                cell: dict[str, object] = {
                    "row": label,
                    "column": column,
                    "n": None if hidden else n,
                }
                if self.is_rate:
                    a = self.numerators[i][j]
                    cell["numerator"] = None if hidden else a
                    cell["rate"] = None if hidden or not n else _percent(a, n)
                found.append(cell)
        return found


def _percent(numerator: int, denominator: int) -> Decimal:
    return (Decimal(100 * numerator) / denominator).quantize(Decimal("0.1"), ROUND_HALF_UP)


def _differencing(
    nums: Sequence[Sequence[int]], dens: Sequence[Sequence[int]], outer: IndicatorTable, k: int
) -> dict[Entry, str]:
    """Entries of a nested table that differ from the shown entries of ``outer`` by
    1 to k−1 in numerator or denominator."""
    extra = {}
    for i, row in enumerate(dens):
        for j in range(len(row)):
            if (i, j) in outer.control.hidden:
                continue
            gaps = (outer.denominators[i][j] - dens[i][j], outer.numerators[i][j] - nums[i][j])
            if any(small(gap, k) for gap in gaps):
                extra[(i, j)] = "differencing"
    return extra


def build(
    common: Common,
    counts: Mapping[tuple[int, str], list[int]],
    place: int,
    *,
    dimension: str,
    by: str,
    rows: Sequence[tuple[int, str]],
    columns: Sequence[str],
    k: int,
    version: int | None = None,
    outer: IndicatorTable | None = None,
) -> IndicatorTable:
    """The controlled table of one indicator (at ``place`` in the counts' lists)."""
    zero = [0] * (2 * place + 2)
    nums = [[counts.get((r, c), zero)[2 * place] for c in columns] for r, _ in rows]
    dens = [[counts.get((r, c), zero)[2 * place + 1] for c in columns] for r, _ in rows]
    if not rows:
        nums = dens = [[0] * len(columns)]
        rows = [(0, "")]
    if common.is_rate:
        extra = None
        if outer is not None:
            extra = _differencing(extend(nums), extend(dens), outer, k)
        nums_x, dens_x, control = protect_rates(
            nums, dens, k, sensitive=common.sensitive, extra=extra
        )
    else:
        dens_x, control = protect_counts(dens, k)
        nums_x = [[0] * len(row) for row in dens_x]
    return IndicatorTable(
        code=common.code, version=version, title=common.definition.title.en,
        dimension=dimension, by=by, rows=tuple(rows), columns=tuple(columns),
        numerators=nums_x, denominators=dens_x, control=control, k=k, is_rate=common.is_rate,
    )  # fmt: skip
