"""PDF renderer: read the produced file back with poppler and check what a reader sees."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest

from cometa.reports.document import Document, Heading, Paragraph, Table
from cometa.reports.renderers import pdf
from tests.reports import (
    RUSSIAN,
    RUSSIAN_CELL,
    RUSSIAN_HEADING,
    SPANISH,
    ratings_rows,
    sample_document,
)


def _poppler(tool: str) -> str:
    path = shutil.which(tool)
    if path is None:
        pytest.skip(f"{tool} (poppler-utils) is not installed")
    return path


def _run(tool: str, *args: str) -> str:
    result = subprocess.run(
        [_poppler(tool), *args], capture_output=True, check=True, text=True, timeout=60
    )
    return result.stdout


def _write(tmp_path: Path, document: Document) -> Path:
    path = tmp_path / "report.pdf"
    path.write_bytes(pdf.render(document))
    return path


def _page_text(path: Path, page: int) -> str:
    return _run("pdftotext", "-layout", "-f", str(page), "-l", str(page), str(path), "-")


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.fixture(scope="module")
def sample_pdf(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _write(tmp_path_factory.mktemp("pdf"), sample_document())


def test_is_a_pdf() -> None:
    data = pdf.render(sample_document())
    assert data.startswith(b"%PDF-")
    assert data.rstrip().endswith(b"%%EOF")


def test_text_contains_headings_cells_and_three_languages(sample_pdf: Path) -> None:
    text = _squash(_run("pdftotext", str(sample_pdf), "-"))
    for heading in sample_document().headings():
        assert heading.text in text
    assert "Common Country Analysis" in text
    assert RUSSIAN_CELL in text
    assert RUSSIAN_HEADING in text
    assert RUSSIAN in text
    assert SPANISH in text
    assert "¿correctos? ¡Sí!" in text


def test_outline_has_one_entry_per_heading_with_nesting(sample_pdf: Path) -> None:
    xml = _run("pdftohtml", "-xml", "-stdout", "-i", "-q", str(sample_pdf))
    entries = re.findall(r"<item page=\"\d+\">(.*?)</item>", xml)
    assert entries == [heading.text for heading in sample_document().headings()]
    # "Ratings by indicator" (level 2) is nested under "Summary" (level 1).
    assert re.search(r"Summary</item>\s*<outline>\s*<item page=\"\d+\">Ratings", xml)


def test_outline_tolerates_skipped_heading_levels(tmp_path: Path) -> None:
    document = Document(
        title="Skips", blocks=[Heading("Top", 1), Heading("Deep", 3), Heading("Next", 1)]
    )
    xml = _run("pdftohtml", "-xml", "-stdout", "-i", "-q", str(_write(tmp_path, document)))
    assert re.findall(r"<item page=\"\d+\">(.*?)</item>", xml) == ["Top", "Deep", "Next"]


def test_metadata_title_language_and_page_count(sample_pdf: Path) -> None:
    info = _run("pdfinfo", str(sample_pdf))
    assert re.search(r"^Title:\s+UNCT-SWAP Scorecard 2024 — Colombia$", info, re.M)
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    assert pages >= 2
    assert b"/Lang (en)" in sample_pdf.read_bytes()
    assert b"/PageMode /UseOutlines" in sample_pdf.read_bytes()


def test_footer_has_page_numbers_of_total(sample_pdf: Path) -> None:
    info = _run("pdfinfo", str(sample_pdf))
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    for page in range(1, pages + 1):
        assert f"Page {page} of {pages}" in _page_text(sample_pdf, page)


def test_footer_is_localised(tmp_path: Path) -> None:
    document = Document(title="Отчёт", lang="ru", blocks=[Paragraph(RUSSIAN)])
    assert "Страница 1 из 1" in _page_text(_write(tmp_path, document), 1)


def test_dejavu_is_embedded_so_cyrillic_renders(sample_pdf: Path) -> None:
    fonts = _run("pdffonts", str(sample_pdf))
    embedded = [line for line in fonts.splitlines() if "DejaVuSans" in line]
    assert embedded
    assert all(" yes " in line for line in embedded)


def test_long_table_repeats_header_row_on_every_page(tmp_path: Path) -> None:
    rows = ratings_rows() * 6
    table = Table(headers=["Indicator", "Name", "Rating", "Evidence"], rows=rows)
    path = _write(tmp_path, Document(title="Long", blocks=[table]))
    info = _run("pdfinfo", str(path))
    pages = int(re.search(r"^Pages:\s+(\d+)$", info, re.M).group(1))  # type: ignore[union-attr]
    assert pages >= 3
    for page in range(1, pages + 1):
        text = _page_text(path, page)
        assert re.search(r"Indicator\s+Name\s+Rating\s+Evidence", text), f"page {page}"


def test_long_cell_text_wraps_inside_the_page(tmp_path: Path) -> None:
    long_text = " ".join(["доказательства"] * 60)
    table = Table(headers=["Key", "Value"], rows=[["k", long_text]])
    path = _write(tmp_path, Document(title="Wrap", blocks=[table]))
    text = _page_text(path, 1)
    lines_with_word = [line for line in text.splitlines() if "доказательства" in line]
    assert len(lines_with_word) > 3  # wrapped, not one overflowing line
    assert _squash(text).count("доказательства") == 60


def test_markup_characters_are_shown_literally(tmp_path: Path) -> None:
    document = Document(title="A & B <b>", blocks=[Paragraph("x < y & <i>not italic</i>")])
    text = _squash(_page_text(_write(tmp_path, document), 1))
    assert "A & B <b>" in text
    assert "x < y & <i>not italic</i>" in text


def test_png_size_reads_ihdr() -> None:
    chart_png = sample_document().blocks[5]
    assert pdf.png_size(chart_png.png)[0] > 500  # type: ignore[union-attr]
    with pytest.raises(ValueError, match="not a PNG"):
        pdf.png_size(b"GIF89a" + bytes(30))
