"""PDF renderer (reportlab platypus).

Headings become PDF outline entries (bookmarks), tables repeat their header row
on every page and wrap cell text, the footer shows "page N of M", and the title
and language are written to the PDF metadata. DejaVu Sans (shipped with
matplotlib) is embedded so Cyrillic and accented Latin render everywhere.
"""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence
from functools import cache, partial
from pathlib import Path
from typing import Any
from xml.sax.saxutils import escape

import matplotlib
from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    SimpleDocTemplate,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle as RLTableStyle

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
from cometa.reports.renderers import fit_widths

FONT = "DejaVuSans"
FONT_BOLD = "DejaVuSans-Bold"
PAGE_SIZE = A4
MARGIN = 20 * mm
FOOTER_Y = 11 * mm
HEADER_BACKGROUND = colors.HexColor("#E8EEF4")
STRIPE_BACKGROUND = colors.HexColor("#F7F9FB")
RULE_COLOR = colors.HexColor("#B8C4CE")
TEXT_COLOR = colors.HexColor("#1A1A1A")
MUTED_COLOR = colors.HexColor("#555555")
CELL_PADDING = 4
#: Longer "words" (URLs, identifiers) may be broken rather than widen their column.
MAX_UNBROKEN_WORD = 45 * mm
#: Space a table needs on the current page for its caption, header and a few rows.
TABLE_RESERVE = 38 * mm
#: Space a heading needs for itself (beyond what the next block needs).
HEADING_RESERVE = 14 * mm

_PAGE_LABELS = {
    "en": "Page {page} of {total}",
    "es": "Página {page} de {total}",
    "fr": "Page {page} sur {total}",
    "ru": "Страница {page} из {total}",
}


def render(document: Document) -> bytes:
    """Render ``document`` to PDF bytes, in one pass: the canvas holds each finished page
    until the end, when the total is known and the page numbers are written."""
    _register_fonts()
    buffer = io.BytesIO()
    template = _ReportTemplate(buffer, document)
    story = _story(document, template.width, template.height)
    template.build(
        story,
        onFirstPage=_footer,
        onLaterPages=_footer,
        canvasmaker=partial(_NumberedCanvas, label=_page_label(document)),
    )
    return buffer.getvalue()


# ---------------------------------------------------------------------------
# fonts and styles
# ---------------------------------------------------------------------------


@cache
def _register_fonts() -> None:
    directory = Path(matplotlib.get_data_path()) / "fonts" / "ttf"
    faces = {
        FONT: "DejaVuSans.ttf",
        FONT_BOLD: "DejaVuSans-Bold.ttf",
        f"{FONT}-Oblique": "DejaVuSans-Oblique.ttf",
        f"{FONT}-BoldOblique": "DejaVuSans-BoldOblique.ttf",
    }
    for name, filename in faces.items():
        pdfmetrics.registerFont(TTFont(name, str(directory / filename)))
    pdfmetrics.registerFontFamily(
        FONT,
        normal=FONT,
        bold=FONT_BOLD,
        italic=f"{FONT}-Oblique",
        boldItalic=f"{FONT}-BoldOblique",
    )


@cache
def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle(
        "Body", fontName=FONT, fontSize=10, leading=14.5, textColor=TEXT_COLOR, spaceAfter=7
    )

    def derive(name: str, **overrides: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **overrides)

    return {
        "body": base,
        "title": derive("Title", fontName=FONT_BOLD, fontSize=22, leading=27, spaceAfter=6),
        "subtitle": derive("Subtitle", fontSize=13, leading=17, textColor=MUTED_COLOR),
        "h1": derive("H1", fontName=FONT_BOLD, fontSize=16, leading=20, spaceBefore=14),
        "h2": derive("H2", fontName=FONT_BOLD, fontSize=13, leading=17, spaceBefore=11),
        "h3": derive("H3", fontName=FONT_BOLD, fontSize=11, leading=15, spaceBefore=8),
        "caption": derive("Caption", fontSize=8.5, leading=11.5, textColor=MUTED_COLOR),
        "cell": derive("Cell", fontSize=8.5, leading=11, spaceAfter=0, alignment=TA_LEFT),
        "head": derive("Head", fontName=FONT_BOLD, fontSize=8.5, leading=11, spaceAfter=0),
        "meta_key": derive("MetaKey", fontName=FONT_BOLD, fontSize=9, leading=12, spaceAfter=0),
        "meta_value": derive("MetaValue", fontSize=9, leading=12, spaceAfter=0),
        "bullet": derive("Bullet", spaceAfter=2),
    }


def _text(value: str) -> str:
    """Escape plain text for platypus mini-markup, keeping line breaks."""
    return escape(value).replace("\n", "<br/>")


# ---------------------------------------------------------------------------
# document template: outline + footer
# ---------------------------------------------------------------------------


class _HeadingParagraph(RLParagraph):
    """A paragraph that the template turns into a bookmark + outline entry."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(_text(text), style)
        self.outline_title = text
        self.outline_level = level
        self.outline_key = key


class _ReportTemplate(SimpleDocTemplate):
    def __init__(self, buffer: io.BytesIO, document: Document) -> None:
        super().__init__(
            buffer,
            pagesize=PAGE_SIZE,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=MARGIN,
            bottomMargin=MARGIN,
            title=document.title,
            subject=document.subtitle,
            author="Cometa",
            creator="Cometa",
            lang=document.lang,
            initialFontName=FONT,
            displayDocTitle=True,
        )
        self.report = document
        self._outline_level = -1

    def beforeDocument(self) -> None:
        self.canv.showOutline()

    def afterFlowable(self, flowable: Flowable) -> None:
        if isinstance(flowable, _HeadingParagraph):
            self._add_outline_entry(flowable)

    def _add_outline_entry(self, heading: _HeadingParagraph) -> None:
        # PDF outlines may not skip levels (h1 -> h3); clamp to one below the previous.
        level = min(heading.outline_level - 1, self._outline_level + 1)
        self.canv.bookmarkPage(heading.outline_key)
        self.canv.addOutlineEntry(heading.outline_title, heading.outline_key, level=level)
        self._outline_level = level


def _footer(canvas: Canvas, doc: _ReportTemplate) -> None:
    """The rule and the title; the page number comes when the pages are counted."""
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.setFillColor(MUTED_COLOR)
    canvas.setStrokeColor(RULE_COLOR)
    width = PAGE_SIZE[0]
    canvas.line(MARGIN, FOOTER_Y + 10, width - MARGIN, FOOTER_Y + 10)
    canvas.drawString(MARGIN, FOOTER_Y, _truncate(doc.report.title, 80))
    canvas.restoreState()


def _page_label(document: Document) -> str:
    return _PAGE_LABELS.get(document.lang.split("-")[0], _PAGE_LABELS["en"])


class _NumberedCanvas(Canvas):
    """Keeps each finished page's state, and writes "page N of M" on all of them when the
    document is saved (the recipe from ReportLab's own examples: no second layout pass)."""

    def __init__(self, *args: Any, label: str, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._label = label
        self._finished: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._finished.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._finished)
        for state in self._finished:
            self.__dict__.update(state)
            self._page_number(total)
            super().showPage()
        super().save()

    def _page_number(self, total: int) -> None:
        self.saveState()
        self.setFont(FONT, 8)
        self.setFillColor(MUTED_COLOR)
        text = self._label.format(page=self.getPageNumber(), total=total)
        self.drawRightString(PAGE_SIZE[0] - MARGIN, FOOTER_Y, text)
        self.restoreState()


def _truncate(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------
# story
# ---------------------------------------------------------------------------


def _story(document: Document, width: float, height: float) -> list[Flowable]:
    story = _title_block(document, width)
    blocks = document.blocks
    for index, block in enumerate(blocks):
        if isinstance(block, Heading):
            # No heading stranded at the foot of a page: it needs room for what follows.
            story.append(CondPageBreak(_reserve(blocks, index, width, height)))
        story.extend(_flowables(block, index, width, height))
    return story


def _reserve(blocks: Sequence[Block], index: int, width: float, height: float) -> float:
    """Vertical space that ``blocks[index]`` needs to start on the current page."""
    if index >= len(blocks):
        return 0.0
    block = blocks[index]
    if isinstance(block, Heading):
        return HEADING_RESERVE + _reserve(blocks, index + 1, width, height)
    if isinstance(block, Table):
        return _table_reserve(block, width, height)
    if isinstance(block, Figure):
        return _figure_size(block, width, height)[1] + 12 * mm
    return 14 * mm


def _title_block(document: Document, width: float) -> list[Flowable]:
    styles = _styles()
    story: list[Flowable] = [RLParagraph(_text(document.title), styles["title"])]
    if document.subtitle:
        story.append(RLParagraph(_text(document.subtitle), styles["subtitle"]))
    if document.metadata:
        story.append(_metadata_table(document.metadata, width))
    story.append(Spacer(1, 6 * mm))
    return story


def _metadata_table(metadata: Sequence[tuple[str, str]], width: float) -> RLTable:
    styles = _styles()
    rows = [
        [
            RLParagraph(_text(key), styles["meta_key"]),
            RLParagraph(_text(value), styles["meta_value"]),
        ]
        for key, value in metadata
    ]
    table = RLTable(rows, colWidths=[width * 0.28, width * 0.72], hAlign="LEFT")
    table.setStyle(
        RLTableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("LINEABOVE", (0, 0), (-1, 0), 0.6, RULE_COLOR),
                ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE_COLOR),
            ]
        )
    )
    return table


def _flowables(block: Block, index: int, width: float, height: float) -> list[Flowable]:
    styles = _styles()
    if isinstance(block, Heading):
        style = styles[f"h{block.level}"]
        return [_HeadingParagraph(block.text, style, block.level, f"h{index}")]
    if isinstance(block, Paragraph):
        return [RLParagraph(_text(block.text), styles["body"])]
    if isinstance(block, BulletList):
        return [_bullets(block.items)]
    if isinstance(block, Table):
        return _table(block, width, height)
    if isinstance(block, Figure):
        return [_figure(block, width, height)]
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    raise TypeError(f"Unsupported block: {type(block).__name__}")


def _bullets(items: Sequence[str]) -> ListFlowable:
    style = _styles()["bullet"]
    return ListFlowable(
        [ListItem(RLParagraph(_text(item), style), leftIndent=14) for item in items],
        bulletType="bullet",
        start="•",
        bulletFontName=FONT,
        leftIndent=14,
        spaceAfter=6,
    )


def _table(block: Table, width: float, height: float) -> list[Flowable]:
    styles = _styles()
    data = _cells(block.headers, block.rows)
    widths = _column_widths(block, width)
    table = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
    table.setStyle(_table_style(len(data)))
    story: list[Flowable] = [CondPageBreak(_table_reserve(block, width, height))]
    if block.caption:
        story.append(RLParagraph(_text(block.caption), styles["caption"]))
    story += [table, Spacer(1, 5 * mm)]
    return story


def _cells(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[list[Flowable]]:
    styles = _styles()
    data = [[RLParagraph(_text(cell), styles["head"]) for cell in headers]]
    return data + [[RLParagraph(_text(cell), styles["cell"]) for cell in row] for row in rows]


def _table_reserve(block: Table, width: float, height: float) -> float:
    """Room for the caption, the header row and the first data row (rows never split), so
    that neither a caption nor a heading above the table is left alone at a page foot."""
    opening = RLTable(_cells(block.headers, block.rows[:1]), colWidths=_column_widths(block, width))
    opening.setStyle(_table_style(min(len(block.rows), 1) + 1))
    needed = opening.wrap(width, height)[1]
    if block.caption:
        caption = _styles()["caption"]
        needed += RLParagraph(_text(block.caption), caption).wrap(width, height)[1]
        needed += caption.spaceAfter
    return min(max(TABLE_RESERVE, needed + 4 * mm), height * 0.9)


def _column_widths(block: Table, width: float) -> list[float]:
    """Relative widths, but never so narrow that a single word must be broken."""
    minimums = [
        _longest_word_width(header, [row[column] for row in block.rows])
        for column, header in enumerate(block.headers)
    ]
    return fit_widths(block.relative_widths(), minimums, width)


def _longest_word_width(header: str, cells: Sequence[str]) -> float:
    size = _styles()["cell"].fontSize
    widths = [pdfmetrics.stringWidth(word, FONT_BOLD, size) for word in header.split()]
    widths += [pdfmetrics.stringWidth(word, FONT, size) for cell in cells for word in cell.split()]
    return min(max(widths, default=0.0), MAX_UNBROKEN_WORD) + 2 * CELL_PADDING + 1


def _table_style(row_count: int) -> RLTableStyle:
    commands: list[tuple[Any, ...]] = [
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_BACKGROUND),
        ("LINEBELOW", (0, 0), (-1, 0), 0.9, RULE_COLOR),
        ("LINEBELOW", (0, -1), (-1, -1), 0.6, RULE_COLOR),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("TOPPADDING", (0, 0), (-1, -1), 3.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
    ]
    commands += [
        ("BACKGROUND", (0, row), (-1, row), STRIPE_BACKGROUND) for row in range(2, row_count, 2)
    ]
    return RLTableStyle(commands)


def _figure_size(block: Figure, width: float, height: float) -> tuple[float, float]:
    """Full frame width, aspect ratio kept, at most 80 % of the frame height."""
    pixels_wide, pixels_high = png_size(block.png)
    draw_width = width
    draw_height = draw_width * pixels_high / pixels_wide
    limit = height * 0.8
    if draw_height > limit:
        draw_width, draw_height = draw_width * limit / draw_height, limit
    return draw_width, draw_height


def _figure(block: Figure, width: float, height: float) -> Flowable:
    draw_width, draw_height = _figure_size(block, width, height)
    image = Image(io.BytesIO(block.png), width=draw_width, height=draw_height)
    image.hAlign = "CENTER"
    parts: list[Flowable] = [image]
    if block.caption:
        parts += [Spacer(1, 2 * mm), RLParagraph(_text(block.caption), _styles()["caption"])]
    return KeepTogether([*parts, Spacer(1, 4 * mm)])


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("Figure.png is not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
