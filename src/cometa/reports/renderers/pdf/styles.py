"""The PDF's look: DejaVu Sans (shipped with matplotlib, so Cyrillic and accented Latin
render everywhere), the page geometry, the colours and the paragraph styles."""

from __future__ import annotations

from functools import cache
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


@cache
def register_fonts() -> None:
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
def paragraph_styles() -> dict[str, ParagraphStyle]:
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


def text_markup(value: str) -> str:
    """Escape plain text for platypus mini-markup, keeping line breaks."""
    return escape(value).replace("\n", "<br/>")
