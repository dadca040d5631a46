"""The report's files read back as a reader's tools would: the PDF with pypdf, the Word file
with python-docx, the CSV and the workbook with their columns and formula-injection
protection."""

from __future__ import annotations

import csv
import io

import pytest
from docx import Document as open_word
from openpyxl import load_workbook
from pypdf import PdfReader

from cometa.indicators.models import IndicatorValue, IndicatorVersion
from cometa.results.models import ResultIndicator
from cometa.results.report import selectors
from cometa.results.report.files import report_file
from cometa.results.report.values import HEADERS


def _pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def _csv(data: bytes) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"))))


def test_the_pdf_holds_every_outcome_and_the_fact_check(report) -> None:
    made = report_file(report, "pdf", "en")
    assert made.filename == "mex-2022-results-report.pdf"
    assert made.content_type == "application/pdf"
    text = _pdf_text(made.data).replace("\n", " ")
    for code in ("D_1.1", "D_3.1", "O_4"):
        assert f"XM-DAC-41146-MEX_{code}" in text
    assert "Matches the stored value." in text
    assert "MEX-SCE-ENROLLED" in text


def test_a_mismatch_is_in_the_pdf_and_the_word_file(mexico, reader) -> None:
    IndicatorValue.objects.filter(kind="actual", key="", value=2763).update(value=2700)
    data = selectors.report_data(reader, mexico.pk, 2022)
    words = "Does not match: the stored value is 2,700 (difference +63)."
    assert words in _pdf_text(report_file(data, "pdf", "en").data).replace("\n", " ")
    document = open_word(io.BytesIO(report_file(data, "docx", "en").data))
    cells = {cell.text for table in document.tables for row in table.rows for cell in row.cells}
    assert words in cells


def test_the_word_file_has_real_headings_and_the_language(report) -> None:
    made = report_file(report, "docx", "es")
    assert made.filename == "mex-2022-results-report-es.docx"
    document = open_word(io.BytesIO(made.data))
    headings = [p.text for p in document.paragraphs if p.style.name == "Heading 1"]
    assert "2. XM-DAC-41146-MEX_D_1.1" in headings
    assert headings[0] == "Contenido" or headings[0] != "Contents"
    assert document.core_properties.language.startswith("es")


def test_the_csv_is_long_format_with_codes(mexico, report) -> None:
    made = report_file(report, "csv", "en")
    assert made.filename == "mex-2022-indicator-values.csv"
    rows = _csv(made.data)
    assert list(rows[0]) == HEADERS
    women = next(row for row in rows if row["dimension_key"] == "sex=F")
    assert women == women | {
        "office": "MEX",
        "outcome_id": "XM-DAC-41146-MEX_D_1.1",
        "output_id": "",
        "indicator_code": "MEX-AGRARIAN-INFORMED",
        "indicator_version": "1",
        "kind": "actual",
        "period": "2022",
        "disaggregation": "Sex: Female",
        "value": "188",
        "unit": "persons",
        "provenance": "entered",
    }
    attached = ResultIndicator.objects.filter(plan__office=mexico).values("pk")
    assert len(rows) == IndicatorValue.objects.filter(owner_id__in=attached).count()  # all periods
    assert {row["office"] for row in rows} == {"MEX"}


def test_the_workbook_has_the_same_columns_and_numbers(report) -> None:
    made = report_file(report, "xlsx", "ru")
    sheet = load_workbook(io.BytesIO(made.data)).active
    assert sheet.title != "Indicator values"  # named in Russian
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    enrolled = next(row for row in rows if row[3] == "MEX-SCE-ENROLLED" and row[6] == "actual")
    assert enrolled[HEADERS.index("value")] == 2763  # a number, not a text


def test_text_that_a_spreadsheet_would_run_is_escaped(mexico, reader) -> None:
    version = IndicatorVersion.objects.get(indicator__code="MEX-SCE-ENROLLED")
    version.title = {"en": '=HYPERLINK("http://example.org")'}
    version.save()
    data = selectors.report_data(reader, mexico.pk, 2022)
    rows = _csv(report_file(data, "csv", "en").data)
    titles = {row["indicator"] for row in rows if row["indicator_code"] == "MEX-SCE-ENROLLED"}
    assert titles == {'\'=HYPERLINK("http://example.org")'}
    sheet = load_workbook(io.BytesIO(report_file(data, "xlsx", "en").data)).active
    cells = {row[5] for row in sheet.iter_rows(values_only=True) if row[3] == "MEX-SCE-ENROLLED"}
    assert cells == {'\'=HYPERLINK("http://example.org")'}


def test_an_unknown_format_or_language_is_refused(report) -> None:
    with pytest.raises(ValueError, match="Reports come as"):
        report_file(report, "html", "en")
    with pytest.raises(ValueError, match="Reports are written in"):
        report_file(report, "pdf", "fr")
