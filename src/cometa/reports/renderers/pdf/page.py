"""The page: the document template that turns headings into PDF outline entries, the
footer with the title, and the canvas that writes "page N of M" once the pages are counted."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, SimpleDocTemplate
from reportlab.platypus import Paragraph as RLParagraph

from cometa.reports.document import Document
from cometa.reports.renderers.pdf.styles import (
    FONT,
    FOOTER_Y,
    MARGIN,
    MUTED_COLOR,
    PAGE_SIZE,
    RULE_COLOR,
    text_markup,
)

_PAGE_LABELS = {
    "en": "Page {page} of {total}",
    "es": "Página {page} de {total}",
    "fr": "Page {page} sur {total}",
    "ru": "Страница {page} из {total}",
}


class HeadingParagraph(RLParagraph):
    """A paragraph that the template turns into a bookmark + outline entry."""

    def __init__(self, text: str, style: ParagraphStyle, level: int, key: str) -> None:
        super().__init__(text_markup(text), style)
        self.outline_title = text
        self.outline_level = level
        self.outline_key = key


class ReportTemplate(SimpleDocTemplate):
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
        if isinstance(flowable, HeadingParagraph):
            self._add_outline_entry(flowable)

    def _add_outline_entry(self, heading: HeadingParagraph) -> None:
        # PDF outlines may not skip levels (h1 -> h3); clamp to one below the previous.
        level = min(heading.outline_level - 1, self._outline_level + 1)
        self.canv.bookmarkPage(heading.outline_key)
        self.canv.addOutlineEntry(heading.outline_title, heading.outline_key, level=level)
        self._outline_level = level


def footer(canvas: Canvas, doc: ReportTemplate) -> None:
    """The rule and the title; the page number comes when the pages are counted."""
    canvas.saveState()
    canvas.setFont(FONT, 8)
    canvas.setFillColor(MUTED_COLOR)
    canvas.setStrokeColor(RULE_COLOR)
    width = PAGE_SIZE[0]
    canvas.line(MARGIN, FOOTER_Y + 10, width - MARGIN, FOOTER_Y + 10)
    canvas.drawString(MARGIN, FOOTER_Y, _truncate(doc.report.title, 80))
    canvas.restoreState()


def page_label(document: Document) -> str:
    return _PAGE_LABELS.get(document.lang.split("-")[0], _PAGE_LABELS["en"])


class NumberedCanvas(Canvas):
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
