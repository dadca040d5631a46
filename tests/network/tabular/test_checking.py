from __future__ import annotations

from cometa.network.tabular.checking import RowError, check_table
from cometa.network.tabular.columns import ATTENDANCE
from cometa.network.tabular.reading import read_table


def _check(text: str):
    return check_table(ATTENDANCE, read_table(text.encode()))


def test_every_bad_cell_of_every_row_is_reported():
    rows, errors = _check(
        "participant,cohort,held_on,status\n"
        "A1,CMX,2024-03-01,present\n"
        "A2,,2024-13-01,present\n"
        "A3,CMX,2024-03-01,asleep\n"
    )
    assert [row.number for row in rows] == [2]
    assert [(e.row, e.column, e.value) for e in errors] == [
        (3, "cohort", ""),
        (3, "held_on", "2024-13-01"),
        (4, "status", "asleep"),
    ]
    assert all(e.message for e in errors)


def test_the_header_is_checked_first():
    rows, errors = _check("participant,cohort,when,status,status\nA1,CMX,2024-03-01,present,x\n")
    assert rows == []
    assert {(e.row, e.column) for e in errors} == {(1, "when"), (1, "status"), (1, "held_on")}


def test_an_error_line_names_file_row_and_column():
    error = RowError(7, "held_on", "2024-13-01", "Write the date as YYYY-MM-DD.")
    assert error.line("f.csv") == "f.csv:7:held_on: Write the date as YYYY-MM-DD. (“2024-13-01”)"
