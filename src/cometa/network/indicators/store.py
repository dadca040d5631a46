"""Controlled tables to and from their stored form (``StoredTable``), without the
database: what is stored is only what may be shown, so a hidden entry becomes null
before anything is written, and reading back needs no second control.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from cometa.network.indicators.tables import IndicatorTable

__all__ = ["Cell", "ShownTable", "shown_cells", "shown_table", "stored_form"]

#: a stored entry: [n, numerator] (numerator None for a count) or None where hidden
Stored = list[int | None] | None


def shown_cells(table: IndicatorTable) -> list[list[Stored]]:
    """The entries of a controlled table as stored: hidden ones as None."""
    found: list[list[Stored]] = []
    for i, row in enumerate(table.denominators):
        line: list[Stored] = []
        for j, n in enumerate(row):
            if (i, j) in table.control.hidden:
                line.append(None)
            else:
                line.append([n, table.numerators[i][j] if table.is_rate else None])
        found.append(line)
    return found


def stored_form(table: IndicatorTable) -> tuple[list[list[Any]], list[list[Stored]]]:
    """The rows ``[[id, label], ...]`` and the lines of cells a table is stored with: one
    line per row, then the totals (a table without rows gets a placeholder row from
    ``build``, which is not stored)."""
    rows = [[pk, label] for pk, label in table.rows if pk]
    cells = shown_cells(table)
    return rows, (cells if rows else cells[-1:])


@dataclass(frozen=True)
class Cell:
    n: int | None  # None: hidden
    numerator: int | None

    @property
    def hidden(self) -> bool:
        return self.n is None

    @property
    def rate(self) -> Decimal | None:
        """Per cent, one decimal; None for a count, a hidden entry or an empty group."""
        if self.n is None or self.numerator is None or not self.n:
            return None
        return (Decimal(100 * self.numerator) / self.n).quantize(Decimal("0.1"), ROUND_HALF_UP)

    @property
    def value(self) -> Decimal | int | None:
        """What a reader sees: the rate for a rate, the count for a count."""
        return self.rate if self.numerator is not None else self.n


@dataclass(frozen=True)
class ShownTable:
    """A stored table as read back: rows (id, label) then the totals row (id None)."""

    code: str
    version: int | None
    by: str
    dimension: str
    k: int
    rows: tuple[tuple[int | None, str], ...]
    columns: tuple[str, ...]  # codes, then "" for the total
    cells: tuple[tuple[Cell, ...], ...]

    @property
    def is_rate(self) -> bool:
        return any(c.numerator is not None for line in self.cells for c in line)

    @property
    def total(self) -> Cell:
        return self.cells[-1][-1]

    def only_rows(self, ids: set[int]) -> ShownTable:
        """The rows whose ids are in ``ids``, with the totals row kept (it is released
        to everyone who reads the table)."""
        keep = [i for i, (pk, _) in enumerate(self.rows) if pk is None or pk in ids]
        return ShownTable(
            code=self.code, version=self.version, by=self.by, dimension=self.dimension,
            k=self.k, rows=tuple(self.rows[i] for i in keep), columns=self.columns,
            cells=tuple(self.cells[i] for i in keep),
        )  # fmt: skip


def _cell(entry: Any) -> Cell:
    if entry is None:
        return Cell(None, None)
    return Cell(int(entry[0]), None if entry[1] is None else int(entry[1]))


def shown_table(
    *, code: str, version: int | None, by: str, dimension: str, k: int,
    rows: Sequence[Sequence[Any]], columns: Sequence[str], cells: Sequence[Sequence[Any]],
) -> ShownTable:  # fmt: skip
    """A stored table's fields as a ``ShownTable``. A table without rows is stored with
    the placeholder row ``build`` gives it (all zero) before its totals; only the lines of
    the rows kept and the totals line are read."""
    labelled = tuple((int(pk), str(label)) for pk, label in rows)
    cells = cells[len(cells) - len(labelled) - 1 :]
    return ShownTable(
        code=code, version=version, by=by, dimension=dimension, k=k,
        rows=(*labelled, (None, "")), columns=(*columns, ""),
        cells=tuple(tuple(_cell(entry) for entry in line) for line in cells),
    )  # fmt: skip
