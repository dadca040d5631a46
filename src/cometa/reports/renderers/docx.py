"""Word (.docx) renderer (python-docx).

Uses the real built-in styles (Title, Heading 1–3, List Bullet, Caption) so the
navigation pane and tables of contents work; tables are real Word tables whose
header row repeats on every page; figures are inline pictures with alt text and
a caption. Core properties carry the title and language, and the language is
also set as the document default so spell-checking uses the right dictionary.
"""

from __future__ import annotations

import io
from collections.abc import Sequence

from docx import Document as new_word_document
from docx.document import Document as WordDocument
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Emu, Mm, Pt, RGBColor
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph as WordParagraph

from cometa.reports.document import (
    Block,
    BulletList,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)

PAGE_WIDTH = Mm(210)
PAGE_HEIGHT = Mm(297)
MARGIN = Mm(20)
CONTENT_WIDTH = Emu(PAGE_WIDTH - 2 * MARGIN)
TABLE_FONT_SIZE = Pt(9)
HEADER_FILL = "E8EEF4"
MUTED = RGBColor(0x55, 0x55, 0x55)

#: Word wants a region-qualified tag for proofing; bare tags map to a default region.
_WORD_LANGUAGES = {"en": "en-GB", "es": "es-ES", "fr": "fr-FR", "ru": "ru-RU"}


def render(document: Document) -> bytes:
    """Render ``document`` to .docx bytes."""
    word = new_word_document()
    _setup_page(word)
    _set_properties(word, document)
    _set_default_language(word, word_language(document.lang))
    _add_footer(word, document.title)
    _add_title_block(word, document)
    for block in document.blocks:
        _add_block(word, block)
    buffer = io.BytesIO()
    word.save(buffer)
    return buffer.getvalue()


def word_language(lang: str) -> str:
    """``"ru"`` → ``"ru-RU"``; region-qualified tags pass through unchanged."""
    return lang if "-" in lang else _WORD_LANGUAGES.get(lang, lang)


# ---------------------------------------------------------------------------
# document-level setup
# ---------------------------------------------------------------------------


def _setup_page(word: WordDocument) -> None:
    section = word.sections[0]
    section.page_width, section.page_height = PAGE_WIDTH, PAGE_HEIGHT
    section.left_margin = section.right_margin = MARGIN
    section.top_margin = section.bottom_margin = MARGIN


def _set_properties(word: WordDocument, document: Document) -> None:
    properties = word.core_properties
    properties.title = document.title
    properties.subject = document.subtitle
    properties.language = document.lang
    properties.author = "Cometa"
    properties.last_modified_by = "Cometa"
    properties.comments = ""


def _set_default_language(word: WordDocument, language: str) -> None:
    run_defaults = word.styles.element.find(qn("w:docDefaults"))
    if run_defaults is None:
        return
    properties = run_defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
    if properties is None:
        return
    element = properties.find(qn("w:lang"))
    if element is None:
        element = OxmlElement("w:lang")
        properties.append(element)
    element.set(qn("w:val"), language)


def _add_footer(word: WordDocument, title: str) -> None:
    paragraph = word.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    run = paragraph.add_run(f"{title} · ")
    run.font.size, run.font.color.rgb = Pt(8), MUTED
    _append_field(paragraph, "PAGE")


def _append_field(paragraph: WordParagraph, instruction: str) -> None:
    """A simple field (e.g. PAGE) that Word updates when it lays out the page."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), instruction)
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


def _add_title_block(word: WordDocument, document: Document) -> None:
    word.add_heading(document.title, level=0)
    if document.subtitle:
        word.add_paragraph(document.subtitle, style="Subtitle")
    for label, value in document.metadata:
        paragraph = word.add_paragraph()
        paragraph.paragraph_format.space_after = Pt(2)
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)


# ---------------------------------------------------------------------------
# blocks
# ---------------------------------------------------------------------------


def _add_block(word: WordDocument, block: Block) -> None:
    if isinstance(block, Heading):
        word.add_heading(block.text, level=block.level)
    elif isinstance(block, Paragraph):
        word.add_paragraph(block.text)
    elif isinstance(block, BulletList):
        for item in block.items:
            word.add_paragraph(item, style="List Bullet")
    elif isinstance(block, Table):
        _add_table(word, block)
    elif isinstance(block, Figure):
        _add_figure(word, block)
    elif isinstance(block, PageBreak):
        word.add_page_break()
    else:
        raise TypeError(f"Unsupported block: {type(block).__name__}")


def _add_table(word: WordDocument, block: Table) -> None:
    if block.caption:
        caption = word.add_paragraph(block.caption, style="Caption")
        caption.paragraph_format.keep_with_next = True
    table = word.add_table(rows=1, cols=len(block.headers))
    table.style = "Table Grid"
    _fill_header(table, block.headers)
    for row in block.rows:
        cells = table.add_row().cells
        for cell, value in zip(cells, row, strict=True):
            _set_cell_text(cell, value, bold=False)
    _set_column_widths(table, block.relative_widths())
    word.add_paragraph()


def _fill_header(table: WordTable, headers: Sequence[str]) -> None:
    row = table.rows[0]
    for cell, value in zip(row.cells, headers, strict=True):
        _set_cell_text(cell, value, bold=True)
        _shade(cell, HEADER_FILL)
    properties = row._tr.get_or_add_trPr()
    for tag in ("w:tblHeader", "w:cantSplit"):
        element = OxmlElement(tag)
        element.set(qn("w:val"), "true")
        properties.append(element)


def _set_cell_text(cell: _Cell, value: str, *, bold: bool) -> None:
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_after = Pt(0)
    run = paragraph.add_run(value)
    run.bold = bold
    run.font.size = TABLE_FONT_SIZE


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _set_column_widths(table: WordTable, weights: Sequence[float]) -> None:
    table.autofit = False
    total = sum(weights)
    widths = [Emu(int(CONTENT_WIDTH * weight / total)) for weight in weights]
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for row in table.rows:
        for cell, width in zip(row.cells, widths, strict=True):
            cell.width = width


def _add_figure(word: WordDocument, block: Figure) -> None:
    picture = word.add_picture(io.BytesIO(block.png), width=CONTENT_WIDTH)
    doc_properties = picture._inline.docPr
    doc_properties.set("descr", block.alt)
    doc_properties.set("title", block.caption or block.alt)
    paragraph = word.paragraphs[-1]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.keep_with_next = bool(block.caption)
    if block.caption:
        word.add_paragraph(block.caption, style="Caption")
