from __future__ import annotations

import io
from datetime import date

import pytest
from openpyxl import load_workbook

from cometa.network.tabular.checking import check_table
from cometa.network.tabular.columns import KINDS, PARTICIPANTS
from cometa.network.tabular.reading import read_table
from cometa.network.tabular.writing import template, write


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_workbook_template_has_the_header_instructions_and_code_lists(kind):
    spec = KINDS[kind]
    book = load_workbook(io.BytesIO(template(spec, "xlsx")))
    assert book.sheetnames == [kind, "instructions", "codes"]
    assert [c.value for c in book[kind][1]] == spec.names
    described = [row[0] for row in book["instructions"].iter_rows(min_row=5, values_only=True)]
    assert described == spec.names
    coded = [c for c in spec.columns if c.codes is not None]
    listed = [c.value for c in book["codes"][1] if c.value]
    assert [c.name for c in coded] == [name for name in listed if name != "meaning"]
    drop_downs = book[kind].data_validations.dataValidation
    assert len(drop_downs) == sum(1 for c in spec.columns if c.type in ("code", "yes/no"))


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_the_csv_template_is_the_header_row(kind):
    content = template(KINDS[kind], "csv")
    assert content.decode("utf-8-sig").splitlines() == [",".join(KINDS[kind].names)]


ROW = {
    "source_system": "kobo",
    "source_id": "=cmd|' /C calc'!A0",
    "registered_on": date(2024, 2, 5),
    "given_names": "María José",
    "family_names": "Núñez",
    "phone": "+52 33 1234 5678",
    "address": "@calle 5",
    "consent_take_part": date(2024, 2, 5),
    "birth_year": 1982,
    "literate": True,
    "wg_see": 2,
    "education": "primary",
}


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_a_written_row_reads_back_the_same(fmt):
    content = write(PARTICIPANTS, [ROW], fmt)
    rows, errors = check_table(PARTICIPANTS, read_table(content, sheet="participants"))
    assert errors == []
    assert {k: v for k, v in rows[0].values.items() if v is not None} == ROW


@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_no_text_cell_of_a_file_starts_a_formula(fmt):
    content = write(PARTICIPANTS, [ROW], fmt)
    if fmt == "csv":
        cells = [c for line in content.decode("utf-8-sig").splitlines() for c in line.split(",")]
    else:
        sheet = load_workbook(io.BytesIO(content))["participants"]
        cells = [str(c) for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    assert "'=cmd|' /C calc'!A0" in cells and "'+52 33 1234 5678" in cells
