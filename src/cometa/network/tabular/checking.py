"""Every row of a table checked against its kind's columns, and every error kept: the
row, the column, the value and why. Pure."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _

from cometa.network.tabular.cells import Bad, parse, text_of
from cometa.network.tabular.columns import Kind
from cometa.network.tabular.reading import Table

HEADER_ROW = 1


@dataclass(frozen=True)
class RowError:
    row: int
    column: str
    value: str
    message: str

    def line(self, filename: str) -> str:
        """``FILE:row:column: message`` for the command line."""
        shown = f" (“{self.value}”)" if self.value else ""
        return f"{filename}:{self.row}:{self.column}: {self.message}{shown}"


@dataclass(frozen=True)
class Row:
    number: int
    values: dict[str, Any]


def header_errors(kind: Kind, header: list[str]) -> list[RowError]:
    """Columns the kind does not know, columns named twice, required columns missing."""
    errors = []
    known = set(kind.names)
    for name in header:
        if name and name not in known:
            errors.append(RowError(HEADER_ROW, name, name, _("This is not a column of the file.")))
        elif name and header.count(name) > 1:
            errors.append(RowError(HEADER_ROW, name, name, _("This column is given twice.")))
    for column in kind.columns:
        if column.required and column.name not in header:
            errors.append(RowError(HEADER_ROW, column.name, "", _("This column is missing.")))
    return list(dict.fromkeys(errors))


def checked_rows(kind: Kind, table: Table, errors: list[RowError]) -> Iterator[Row]:
    """The rows whose every cell parses; the errors of the others go into ``errors``."""
    positions = {name: index for index, name in enumerate(table.header) if name in kind.names}
    for number, cells in table.rows:
        values: dict[str, Any] = {}
        good = True
        for column in kind.columns:
            index = positions.get(column.name)
            raw = cells[index] if index is not None and index < len(cells) else None
            value = parse(column, raw)
            if isinstance(value, Bad):
                errors.append(RowError(number, column.name, text_of(raw), value.message))
                good = False
            else:
                values[column.name] = value
        if good:
            yield Row(number, values)


def check_table(
    kind: Kind, table: Table, *, each: Callable[[int], None] | None = None
) -> tuple[list[Row], list[RowError]]:
    """All rows parsed, and every error; ``each(n)`` is told of the rows read so far."""
    errors = header_errors(kind, table.header)
    if errors:
        return [], errors
    rows = []
    for count, row in enumerate(checked_rows(kind, table, errors), start=1):
        rows.append(row)
        if each is not None and count % 1000 == 0:
            each(count)
    return rows, errors
