"""CSV and XLSX exports with spreadsheet formula-injection protection.

Text cells that start with ``= + - @``, a tab or a carriage return are prefixed
with a single quote, so a spreadsheet shows them as text instead of evaluating
them (OWASP "CSV injection"). Real numbers are written as numbers and are not
escaped: ``-3`` as an ``int`` is data, ``"-3"`` as a string is escaped.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

Cell = str | int | float | None
Rows = Sequence[Sequence[Cell]]
Sheet = tuple[str, Sequence[str], Rows]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
MIN_COLUMN_WIDTH = 8
MAX_COLUMN_WIDTH = 60
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_SHEET_NAME_MAX = 31


def escape_formula(value: str) -> str:
    """Prefix a single quote if a spreadsheet would treat ``value`` as a formula."""
    return "'" + value if value.startswith(FORMULA_TRIGGERS) else value


def to_csv(headers: Sequence[str], rows: Rows) -> bytes:
    """CSV (RFC 4180, CRLF) as UTF-8 with BOM so Excel detects the encoding."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([_csv_cell(header) for header in headers])
    writer.writerows([_csv_cell(cell) for cell in row] for row in rows)
    return buffer.getvalue().encode("utf-8-sig")


def to_xlsx(sheets: Sequence[Sheet]) -> bytes:
    """One worksheet per (name, headers, rows): bold frozen header, sized columns."""
    if not sheets:
        raise ValueError("to_xlsx needs at least one sheet")
    workbook = Workbook()
    for default_sheet in list(workbook.worksheets):
        workbook.remove(default_sheet)
    used: set[str] = set()
    for name, headers, rows in sheets:
        worksheet = workbook.create_sheet(_sheet_title(name, used))
        _fill_sheet(worksheet, headers, rows)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return escape_formula(value)
    return str(value)


def _xlsx_cell(value: Cell) -> Cell:
    if isinstance(value, str):
        return escape_formula(ILLEGAL_CHARACTERS_RE.sub("", value))
    return value


def _fill_sheet(worksheet: Worksheet, headers: Sequence[str], rows: Rows) -> None:
    worksheet.append([_xlsx_cell(header) for header in headers])
    for row in rows:
        worksheet.append([_xlsx_cell(cell) for cell in row])
    bold = Font(bold=True)
    for cell in worksheet[1]:
        cell.font = bold
        cell.alignment = Alignment(vertical="top", wrap_text=True)
    worksheet.freeze_panes = "A2"
    if headers:
        worksheet.auto_filter.ref = worksheet.dimensions
    _size_columns(worksheet, headers, rows)


def _size_columns(worksheet: Worksheet, headers: Sequence[str], rows: Rows) -> None:
    for index, header in enumerate(headers):
        lengths = [len(str(header))]
        lengths += [len(_csv_cell(row[index])) for row in rows if index < len(row)]
        width = min(max(max(lengths) + 2, MIN_COLUMN_WIDTH), MAX_COLUMN_WIDTH)
        worksheet.column_dimensions[get_column_letter(index + 1)].width = width


def _sheet_title(name: str, used: set[str]) -> str:
    """Excel sheet names: ≤31 chars, none of []:*?/\\, unique (case-insensitive)."""
    base = _SHEET_NAME_FORBIDDEN.sub("_", name).strip("'").strip() or "Sheet"
    base = base[:_SHEET_NAME_MAX]
    title, counter = base, 2
    while title.casefold() in used:
        suffix = f" ({counter})"
        title = base[: _SHEET_NAME_MAX - len(suffix)] + suffix
        counter += 1
    used.add(title.casefold())
    return title
