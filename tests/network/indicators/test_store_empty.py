"""A table without rows (no cohort ended in the period) is stored with ``build``'s
placeholder row: read back, it is the totals row alone, its cells the totals line."""

from __future__ import annotations

from cometa.network.indicators.definitions import by_code
from cometa.network.indicators.store import shown_cells, shown_table
from cometa.network.indicators.tables import build


def test_a_table_without_rows_reads_back_as_its_totals_alone():
    table = build(by_code()["CI-05"], {}, 0, dimension="sex", by="cohort", rows=[],
                  columns=["F", "M"], k=5)  # fmt: skip
    stored = [[pk, label] for pk, label in table.rows if pk]
    cells = shown_cells(table)
    assert stored == [] and len(cells) == 2  # the placeholder row, then the totals
    shown = shown_table(code="CI-05", version=1, by="cohort", dimension="sex", k=5,
                        rows=stored, columns=["F", "M"], cells=cells)  # fmt: skip
    assert shown.rows == ((None, ""),)
    assert len(shown.cells) == 1 and [c.n for c in shown.cells[0]] == [0, 0, 0]


def test_a_run_stores_a_table_without_rows_as_its_totals_line_alone():
    from cometa.network.indicators.store import stored_form

    empty = build(by_code()["CI-05"], {}, 0, dimension="sex", by="cohort", rows=[],
                  columns=["F", "M"], k=5)  # fmt: skip
    assert stored_form(empty)[1] == shown_cells(empty)[-1:] and len(stored_form(empty)[1]) == 1
    full = build(by_code()["CI-05"], {(7, "F"): [3, 9]}, 0, dimension="sex", by="cohort",
                 rows=[(7, "C-7")], columns=["F", "M"], k=5)  # fmt: skip
    assert stored_form(full)[1] == shown_cells(full) and len(stored_form(full)[1]) == 2
