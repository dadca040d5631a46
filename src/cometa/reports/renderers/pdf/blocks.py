"""The story: the title block, then each of the document's blocks as flowables, with no
heading left alone at the foot of a page."""

from __future__ import annotations

import io
import struct
from collections.abc import Sequence

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    Image,
    KeepTogether,
    ListFlowable,
    ListItem,
    Spacer,
)
from reportlab.platypus import PageBreak as RLPageBreak
from reportlab.platypus import Paragraph as RLParagraph

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
from cometa.reports.renderers.pdf.page import HeadingParagraph
from cometa.reports.renderers.pdf.styles import FONT, HEADING_RESERVE, paragraph_styles, text_markup
from cometa.reports.renderers.pdf.tables import metadata_table, table_flowables, table_reserve


def build_story(document: Document, width: float, height: float) -> list[Flowable]:
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
        return table_reserve(block, width, height)
    if isinstance(block, Figure):
        return _figure_size(block, width, height)[1] + 12 * mm
    return 14 * mm


def _title_block(document: Document, width: float) -> list[Flowable]:
    styles = paragraph_styles()
    story: list[Flowable] = [RLParagraph(text_markup(document.title), styles["title"])]
    if document.subtitle:
        story.append(RLParagraph(text_markup(document.subtitle), styles["subtitle"]))
    if document.metadata:
        story.append(metadata_table(document.metadata, width))
    story.append(Spacer(1, 6 * mm))
    return story


def _flowables(block: Block, index: int, width: float, height: float) -> list[Flowable]:
    styles = paragraph_styles()
    if isinstance(block, Heading):
        style = styles[f"h{block.level}"]
        return [HeadingParagraph(block.text, style, block.level, f"h{index}")]
    if isinstance(block, Paragraph):
        return [RLParagraph(text_markup(block.text), styles["body"])]
    if isinstance(block, BulletList):
        return [_bullets(block.items)]
    if isinstance(block, Table):
        return table_flowables(block, width, height)
    if isinstance(block, Figure):
        return [_figure(block, width, height)]
    if isinstance(block, PageBreak):
        return [RLPageBreak()]
    raise TypeError(f"Unsupported block: {type(block).__name__}")


def _bullets(items: Sequence[str]) -> ListFlowable:
    style = paragraph_styles()["bullet"]
    return ListFlowable(
        [ListItem(RLParagraph(text_markup(item), style), leftIndent=14) for item in items],
        bulletType="bullet",
        start="•",
        bulletFontName=FONT,
        leftIndent=14,
        spaceAfter=6,
    )


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
        caption = RLParagraph(text_markup(block.caption), paragraph_styles()["caption"])
        parts += [Spacer(1, 2 * mm), caption]
    return KeepTogether([*parts, Spacer(1, 4 * mm)])


def png_size(png: bytes) -> tuple[int, int]:
    """(width, height) in pixels from a PNG's IHDR chunk."""
    if png[:8] != b"\x89PNG\r\n\x1a\n" or png[12:16] != b"IHDR":
        raise ValueError("Figure.png is not a PNG image")
    width, height = struct.unpack(">II", png[16:24])
    return int(width), int(height)
