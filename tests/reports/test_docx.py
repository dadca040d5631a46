"""Word renderer: reopen the .docx with python-docx and inspect styles, tables, picture."""

from __future__ import annotations

import io

import pytest
from docx import Document as open_word
from docx.document import Document as WordDocument
from docx.oxml.ns import qn

from cometa.reports.document import (
    BulletList,
    Document,
    Heading,
    Paragraph,
    Table,
)
from cometa.reports.renderers import CONTENT_TYPES, docx, render
from tests.reports import (
    RUSSIAN,
    RUSSIAN_CELL,
    RUSSIAN_HEADING,
    SPANISH,
    sample_document,
)


@pytest.fixture(scope="module")
def word() -> WordDocument:
    return open_word(io.BytesIO(docx.render(sample_document())))


def _styled(word: WordDocument, style: str) -> list[str]:
    return [p.text for p in word.paragraphs if p.style is not None and p.style.name == style]


def test_title_and_headings_use_real_styles(word: WordDocument) -> None:
    assert _styled(word, "Title") == ["UNCT-SWAP Scorecard 2024 — Colombia"]
    assert _styled(word, "Heading 1") == ["Summary", RUSSIAN_HEADING]
    assert _styled(word, "Heading 2") == ["Ratings by indicator", "Resumen en español"]
    assert _styled(word, "Heading 3") == ["Detalle de la planificación"]


def test_paragraphs_bullets_and_cyrillic_text(word: WordDocument) -> None:
    texts = [p.text for p in word.paragraphs]
    assert RUSSIAN in texts
    assert SPANISH in texts
    assert _styled(word, "List Bullet") == [
        "Strong government engagement",
        "Gender parity still lagging",
    ]
    assert "Country: Colombia" in texts


def test_table_cells_header_row_and_caption(word: WordDocument) -> None:
    assert len(word.tables) == 1
    table = word.tables[0]
    assert len(table.rows) == 16  # header + 15 indicators
    assert [cell.text for cell in table.rows[0].cells] == [
        "Indicator",
        "Name",
        "Rating",
        "Evidence",
    ]
    assert [cell.text for cell in table.rows[15].cells][:3] == [
        "7.1",
        RUSSIAN_CELL,
        "Meets requirements",
    ]
    assert all(run.bold for cell in table.rows[0].cells for run in cell.paragraphs[0].runs)
    assert "Table 1. Ratings by performance indicator" in _styled(word, "Caption")


def test_header_row_repeats_on_each_page(word: WordDocument) -> None:
    rows = word.tables[0].rows
    properties = rows[0]._tr.trPr
    assert properties is not None
    header = properties.find(qn("w:tblHeader"))
    assert header is not None
    assert header.get(qn("w:val")) == "true"
    assert rows[1]._tr.trPr is None or rows[1]._tr.trPr.find(qn("w:tblHeader")) is None


def test_table_fits_the_text_width(word: WordDocument) -> None:
    section = word.sections[0]
    page, left, right = section.page_width, section.left_margin, section.right_margin
    assert page is not None and left is not None and right is not None
    text_width = page - left - right
    widths = [column.width or 0 for column in word.tables[0].columns]
    assert all(width > 0 for width in widths)
    assert abs(sum(widths) - text_width) < 1000  # EMU rounding


def test_explicit_column_widths_are_respected() -> None:
    table = Table(headers=["A", "B"], rows=[["1", "2"]], column_widths=[1, 3])
    opened = open_word(io.BytesIO(docx.render(Document(title="W", blocks=[table]))))
    first, second = (column.width for column in opened.tables[0].columns)
    assert second == pytest.approx(3 * first, rel=0.01)


def test_figure_is_one_inline_picture_with_alt_text_and_caption(word: WordDocument) -> None:
    assert len(word.inline_shapes) == 1
    doc_properties = word.inline_shapes[0]._inline.docPr
    assert doc_properties.get("descr") == "Stacked bar chart of ratings by dimension"
    assert "Figure 1. Ratings by dimension" in _styled(word, "Caption")


def test_core_properties_and_default_language() -> None:
    document = Document(title="Отчёт о результатах", lang="ru", blocks=[Paragraph(RUSSIAN)])
    opened = open_word(io.BytesIO(docx.render(document)))
    assert opened.core_properties.title == "Отчёт о результатах"
    assert opened.core_properties.language == "ru"
    lang = opened.styles.element.find(
        f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:lang')}"
    )
    assert lang is not None
    assert lang.get(qn("w:val")) == "ru-RU"


def test_footer_has_page_field(word: WordDocument) -> None:
    footer = word.sections[0].footer.paragraphs[0]._p
    fields = footer.findall(qn("w:fldSimple"))
    assert [field.get(qn("w:instr")) for field in fields] == ["PAGE"]


def test_dispatch_by_format_name() -> None:
    document = Document(title="T", blocks=[BulletList(["a"])])
    assert render(document, "docx").startswith(b"PK")
    assert render(document, "pdf").startswith(b"%PDF")
    assert CONTENT_TYPES["docx"].endswith("wordprocessingml.document")
    with pytest.raises(ValueError, match="Unknown document format"):
        render(document, "odt")  # type: ignore[arg-type]


def test_document_model_rejects_malformed_blocks() -> None:
    with pytest.raises(ValueError, match="level"):
        Heading("Too deep", 4)
    with pytest.raises(ValueError, match="Row 0 has 1 cells"):
        Table(headers=["A", "B"], rows=[["only one"]])
    with pytest.raises(ValueError, match="one entry per column"):
        Table(headers=["A", "B"], rows=[], column_widths=[1.0])
