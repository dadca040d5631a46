"""Tables: the metadata block under the title, and the document's tables with their
header row repeated on every page, wrapped cells, striped rows and column widths that never
break a word; and the room a table needs before it may start on a page."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import CondPageBreak, Flowable, Spacer
from reportlab.platypus import Paragraph as RLParagraph
from reportlab.platypus import Table as RLTable
from reportlab.platypus import TableStyle as RLTableStyle

from cometa.reports.document import Table
from cometa.reports.renderers import fit_widths
from cometa.reports.renderers.pdf.styles import (
    CELL_PADDING,
    FONT,
    FONT_BOLD,
    HEADER_BACKGROUND,
    MAX_UNBROKEN_WORD,
    RULE_COLOR,
    STRIPE_BACKGROUND,
    TABLE_RESERVE,
    paragraph_styles,
    text_markup,
)


def metadata_table(metadata: Sequence[tuple[str, str]], width: float) -> RLTable:
    styles = paragraph_styles()
    rows = [
        [
            RLParagraph(text_markup(key), styles["meta_key"]),
            RLParagraph(text_markup(value), styles["meta_value"]),
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


def table_flowables(block: Table, width: float, height: float) -> list[Flowable]:
    styles = paragraph_styles()
    data = _cells(block.headers, block.rows)
    widths = _column_widths(block, width)
    table = RLTable(data, colWidths=widths, repeatRows=1, hAlign="LEFT", splitByRow=1)
    table.setStyle(_table_style(len(data)))
    story: list[Flowable] = [CondPageBreak(table_reserve(block, width, height))]
    if block.caption:
        story.append(RLParagraph(text_markup(block.caption), styles["caption"]))
    story += [table, Spacer(1, 5 * mm)]
    return story


def _cells(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> list[list[Flowable]]:
    styles = paragraph_styles()
    data = [[RLParagraph(text_markup(cell), styles["head"]) for cell in headers]]
    return data + [[RLParagraph(text_markup(cell), styles["cell"]) for cell in row] for row in rows]


def table_reserve(block: Table, width: float, height: float) -> float:
    """Room for the caption, the header row and the first data row (rows never split), so
    that neither a caption nor a heading above the table is left alone at a page foot."""
    opening = RLTable(_cells(block.headers, block.rows[:1]), colWidths=_column_widths(block, width))
    opening.setStyle(_table_style(min(len(block.rows), 1) + 1))
    needed = opening.wrap(width, height)[1]
    if block.caption:
        caption = paragraph_styles()["caption"]
        needed += RLParagraph(text_markup(block.caption), caption).wrap(width, height)[1]
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
    size = paragraph_styles()["cell"].fontSize
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
