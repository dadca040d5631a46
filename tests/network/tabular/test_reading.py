from __future__ import annotations

import io

import pytest
from openpyxl import Workbook

from cometa.network.tabular.reading import Unreadable, encoding_of, read_table

HEADER = "given_names,family_names\r\n"
ROW = "María José,Núñez\r\n"


@pytest.mark.parametrize(
    "content,encoding",
    [
        ((HEADER + ROW).encode("utf-8"), "utf-8"),
        (b"\xef\xbb\xbf" + (HEADER + ROW).encode("utf-8"), "utf-8-sig"),
        ((HEADER + ROW).encode("cp1252"), "cp1252"),
    ],
)
def test_accented_names_survive_every_encoding(content, encoding):
    table = read_table(content)
    assert table.encoding == encoding
    assert table.header == ["given_names", "family_names"]
    assert list(table.rows) == [(2, ["María José", "Núñez"])]


def test_semicolons_as_excel_writes_them_in_spanish():
    table = read_table("a;b\r\n1;Peña\r\n\r\n2;x\r\n".encode("cp1252"))
    assert table.header == ["a", "b"]
    assert list(table.rows) == [(2, ["1", "Peña"]), (4, ["2", "x"])]  # line numbers kept


def test_bytes_no_encoding_reads_are_refused():
    with pytest.raises(Unreadable):
        encoding_of(b"a\x81\x8d\x8f\x90")  # undefined in Windows-1252 and not UTF-8


def test_a_workbook_is_read_by_its_sheet_name_or_first_sheet():
    book = Workbook()
    book.active.title = "notes"
    book.active.append(["x"])
    sheet = book.create_sheet("participants")
    sheet.append(["given_names", "birth_year"])
    sheet.append(["Núñez", 1982])
    sheet.append([None, None])
    buffer = io.BytesIO()
    book.save(buffer)
    table = read_table(buffer.getvalue(), sheet="participants")
    assert table.encoding == "xlsx"
    assert table.header == ["given_names", "birth_year"]
    assert list(table.rows) == [(2, ["Núñez", 1982])]
    assert read_table(buffer.getvalue()).header == ["x"]


def test_a_damaged_workbook_is_unreadable():
    with pytest.raises(Unreadable):
        read_table(b"PK\x03\x04 not really a zip")
