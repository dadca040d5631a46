"""One indicator of a stored run by member, centre or cohort and one dimension, shaped for
a page or a file without the database: its rows sorted as the reader asks, each with its
total, and the round's response rate beside a follow-up outcome; the totals row apart
(it stays under every page of rows). Hidden entries stay hidden: they sort last, as
values nobody may read.
"""

from __future__ import annotations

from dataclasses import dataclass

from cometa.network.dashboard.content import lines, totals_by_row
from cometa.network.dashboard.headline import column_label
from cometa.network.indicators.store import Cell, ShownTable

__all__ = ["SORTS", "Drill", "DrillRow", "drill"]

#: how rows may be ordered: by name, by n (largest first), by value (highest first)
SORTS = ("label", "n", "value")


@dataclass(frozen=True)
class DrillRow:
    pk: int | None  # None: the totals row
    label: str
    cells: tuple[Cell, ...]  # one per column, the row's total last
    response: Cell | None  # the row's response rate to the round (follow-up outcomes)

    @property
    def total(self) -> Cell:
        return self.cells[-1]


@dataclass(frozen=True)
class Drill:
    code: str
    version: int | None
    by: str
    dimension: str
    k: int
    is_rate: bool
    columns: tuple[tuple[str, str], ...]  # (code, label), the total ("", "") last
    rows: tuple[DrillRow, ...]  # without the totals row
    totals: DrillRow

    @property
    def hidden(self) -> int:
        """How many entries of the table are hidden (the page says so above it)."""
        return sum(1 for row in (*self.rows, self.totals) for cell in row.cells if cell.hidden)


def _key(sort: str, row: DrillRow) -> tuple[bool, float | str]:
    if sort == "label":
        return (False, row.label.casefold())
    cell = row.total
    number = cell.n if sort == "n" else cell.value
    return (number is None, -float(number) if number is not None else 0.0)


def drill(
    table: ShownTable, responses: ShownTable | None = None, *, sort: str = "label",
    is_rate: bool | None = None,
) -> Drill:  # fmt: skip
    """The table's rows ordered by ``sort`` (one of ``SORTS``; by name otherwise)."""
    answered = totals_by_row(responses) if responses else {}
    found = [DrillRow(pk, label, line, answered.get(pk)) for (pk, label), line in lines(table)]
    totals = found.pop()  # the totals row is always last
    rows = sorted(found, key=lambda row: _key(sort if sort in SORTS else "label", row))
    return Drill(
        code=table.code, version=table.version, by=table.by, dimension=table.dimension,
        k=table.k, is_rate=table.is_rate if is_rate is None else is_rate,
        columns=tuple((code, column_label(table.dimension, code) if code else "")
                      for code in table.columns),
        rows=tuple(rows), totals=totals,
    )  # fmt: skip
