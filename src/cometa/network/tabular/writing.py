"""The file of a kind: the template (header only) or an export (header and rows), as a
workbook or as CSV. The workbook carries, beside the data sheet, an instructions sheet
(each column's type, whether it is required and what it holds, in the person's language)
and a codes sheet with every code list; coded columns get a drop-down of their codes.
Text cells are protected against formula injection (``cells.cell``)."""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.worksheet import Worksheet

from cometa.network.tabular.cells import cell
from cometa.network.tabular.columns import Column, Kind, Type
from cometa.reports.renderers.tabular import to_csv

CODES_SHEET = "codes"
INSTRUCTIONS_SHEET = "instructions"
LAST_ROW = 1048576
FORMATS = ("csv", "xlsx")


def row_cells(kind: Kind, values: dict[str, Any]) -> list[Any]:
    return [cell(values.get(name)) for name in kind.names]


def write(kind: Kind, rows: Iterable[dict[str, Any]], fmt: str) -> bytes:
    """The file in ``fmt`` (``csv`` or ``xlsx``); no rows makes the template."""
    if fmt == "csv":
        return to_csv(kind.names, [row_cells(kind, values) for values in rows])
    if fmt == "xlsx":
        return _workbook(kind, rows)
    raise ValueError(f"unknown format {fmt!r}")


def _workbook(kind: Kind, rows: Iterable[dict[str, Any]]) -> bytes:
    book = Workbook()
    data = book.active
    assert data is not None
    data.title = kind.name
    data.append(kind.names)
    for header in data[1]:
        header.font = Font(bold=True)
    data.freeze_panes = "A2"
    for values in rows:
        data.append(row_cells(kind, values))
    for index, column in enumerate(kind.columns, start=1):
        data.column_dimensions[get_column_letter(index)].width = max(12, len(column.name) + 2)
    _instructions(book.create_sheet(INSTRUCTIONS_SHEET), kind)
    lists = _codes(book.create_sheet(CODES_SHEET), kind)
    _drop_downs(data, kind, lists)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _instructions(sheet: Worksheet, kind: Kind) -> None:
    sheet.append([_("Fill in one row per record on the sheet “%s”.") % kind.name])
    sheet.append(
        [_("Dates as YYYY-MM-DD; yes/no columns take yes or no; codes from the codes sheet.")]
    )
    sheet.append([])
    sheet.append([_("column"), _("type"), _("required"), _("what it holds"), _("codes")])
    for header in sheet[4]:
        header.font = Font(bold=True)
    for column in kind.columns:
        sheet.append(
            [
                column.name,
                str(column.type),
                _("yes") if column.required else _("no"),
                str(column.help),
                _code_meanings(column),
            ]
        )
    for letter, width in zip("ABCDE", (22, 10, 10, 70, 70), strict=True):
        sheet.column_dimensions[letter].width = width


def _code_meanings(column: Column) -> str:
    if column.codes is None:
        return ""
    return "; ".join(f"{value} = {label}" for value, label in column.codes.choices)


def _codes(sheet: Worksheet, kind: Kind) -> dict[str, str]:
    """One code list per coded column (code and meaning side by side); the range of each
    list's codes, for the drop-downs."""
    ranges: dict[str, str] = {}
    position = 1
    for column in kind.columns:
        if column.type not in (Type.CODE, Type.CODES) or column.codes is None:
            continue
        code_letter = get_column_letter(position)
        label_letter = get_column_letter(position + 1)
        sheet.cell(1, position, column.name).font = Font(bold=True)
        sheet.cell(1, position + 1, _("meaning")).font = Font(bold=True)
        for row, (value, label) in enumerate(column.codes.choices, start=2):
            sheet.cell(row, position, str(value))
            sheet.cell(row, position + 1, str(label))
        last = len(column.codes.choices) + 1
        ranges[column.name] = f"{CODES_SHEET}!${code_letter}$2:${code_letter}${last}"
        sheet.column_dimensions[label_letter].width = 40
        position += 3
    return ranges


def _drop_downs(sheet: Worksheet, kind: Kind, lists: dict[str, str]) -> None:
    for index, column in enumerate(kind.columns, start=1):
        letter = get_column_letter(index)
        if column.type is Type.CODE and column.name in lists:
            rule = DataValidation(type="list", formula1=lists[column.name], allow_blank=True)
        elif column.type is Type.YESNO:
            rule = DataValidation(type="list", formula1='"yes,no"', allow_blank=True)
        else:
            continue
        rule.error = _("Choose a value from the list.")
        rule.showErrorMessage = True
        sheet.add_data_validation(rule)
        rule.add(f"{letter}2:{letter}{LAST_ROW}")


def template(kind: Kind, fmt: str) -> bytes:
    return write(kind, (), fmt)
