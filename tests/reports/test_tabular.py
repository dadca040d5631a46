"""CSV/XLSX exports: formula-injection protection, encoding, round trips."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook
from openpyxl.worksheet.worksheet import Worksheet

from cometa.reports.renderers.tabular import escape_formula, to_csv, to_xlsx
from tests.reports import RUSSIAN_CELL

DANGEROUS = ["=1+1", "+SUM(A1)", "-2+3", "@cmd", "\tTAB", "\rCR"]


def _read_csv(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def _sheet(data: bytes, name: str | None = None) -> Worksheet:
    workbook = load_workbook(io.BytesIO(data))
    worksheet = workbook[name] if name else workbook.worksheets[0]
    assert isinstance(worksheet, Worksheet)
    return worksheet


@pytest.mark.parametrize("value", DANGEROUS)
def test_escape_formula_prefixes_a_quote(value: str) -> None:
    assert escape_formula(value) == "'" + value


@pytest.mark.parametrize("value", ["1+1", "Meets", "", "a=b", " =x", RUSSIAN_CELL])
def test_escape_formula_leaves_safe_text_alone(value: str) -> None:
    assert escape_formula(value) == value


def test_csv_escapes_formulas_and_round_trips() -> None:
    rows = [["=1+1", 'quote " and, comma', "line\nbreak"], [RUSSIAN_CELL, "año", "@x"]]
    parsed = _read_csv(to_csv(["A", "B", "C"], rows))
    assert parsed == [
        ["A", "B", "C"],
        ["'=1+1", 'quote " and, comma', "line\nbreak"],
        [RUSSIAN_CELL, "año", "'@x"],
    ]


def test_csv_escapes_headers_too() -> None:
    assert _read_csv(to_csv(["=HYPERLINK()"], []))[0] == ["'=HYPERLINK()"]


def test_csv_is_utf8_with_bom_and_crlf() -> None:
    data = to_csv(["Name"], [[RUSSIAN_CELL]])
    assert data.startswith(b"\xef\xbb\xbf")
    assert data == "\ufeffName\r\nГендерный анализ\r\n".encode()


def test_csv_numbers_are_data_not_escaped() -> None:
    assert _read_csv(to_csv(["n", "x", "s"], [[-3, 1.5, None]]))[1] == ["-3", "1.5", ""]
    assert _read_csv(to_csv(["s"], [["-3"]]))[1] == ["'-3"]


def test_xlsx_header_bold_frozen_and_escaped() -> None:
    data = to_xlsx([("Ratings", ["Indicator", "Value"], [["=1+1", 3], [RUSSIAN_CELL, None]])])
    sheet = _sheet(data)
    assert sheet.title == "Ratings"
    assert sheet.freeze_panes == "A2"
    assert all(cell.font.bold for cell in sheet[1])
    assert not sheet["A2"].font.bold
    assert sheet["A2"].value == "'=1+1"
    assert sheet["A2"].data_type == "s"  # text, not a formula
    assert sheet["B2"].value == 3
    assert sheet["A3"].value == RUSSIAN_CELL


@pytest.mark.parametrize("value", DANGEROUS)
def test_xlsx_never_stores_a_formula(value: str) -> None:
    sheet = _sheet(to_xlsx([("S", [value], [[value]])]))
    for cell in (sheet["A1"], sheet["A2"]):
        assert cell.data_type == "s"
        assert str(cell.value).startswith("'")


def test_xlsx_column_widths_follow_content() -> None:
    sheet = _sheet(to_xlsx([("S", ["Id", "Long name"], [["1", "x" * 40], ["2", "y"]])]))
    narrow = sheet.column_dimensions["A"].width
    wide = sheet.column_dimensions["B"].width
    assert narrow is not None and wide is not None
    assert narrow < wide
    assert wide >= 40


def test_xlsx_multiple_sheets_with_safe_unique_names() -> None:
    long_name = "A very long sheet name that Excel would reject"
    data = to_xlsx(
        [
            ("Ratings", ["a"], [["1"]]),
            ("ratings", ["b"], [["2"]]),
            ("Q1/Q2: [draft]?", ["c"], [["3"]]),
            (long_name, ["d"], [["4"]]),
        ]
    )
    names = load_workbook(io.BytesIO(data)).sheetnames
    assert names[0] == "Ratings"
    assert names[1] == "ratings (2)"
    assert not set("[]:*?/\\") & set(names[2])
    assert len(names[3]) <= 31
    assert _sheet(data, names[1])["A2"].value == "2"


def test_xlsx_strips_control_characters() -> None:
    sheet = _sheet(to_xlsx([("S", ["h"], [["bell\x07here"]])]))
    assert sheet["A2"].value == "bellhere"


def test_xlsx_needs_a_sheet() -> None:
    with pytest.raises(ValueError, match="at least one sheet"):
        to_xlsx([])
