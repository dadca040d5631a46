"""PDF renderer (reportlab platypus).

Headings become PDF outline entries (bookmarks), tables repeat their header row
on every page and wrap cell text, the footer shows "page N of M", and the title
and language are written to the PDF metadata. DejaVu Sans (shipped with
matplotlib) is embedded so Cyrillic and accented Latin render everywhere.
"""

from __future__ import annotations

import io
from functools import partial

from cometa.reports.document import Document
from cometa.reports.renderers.pdf.blocks import build_story, png_size
from cometa.reports.renderers.pdf.page import NumberedCanvas, ReportTemplate, footer, page_label
from cometa.reports.renderers.pdf.styles import register_fonts


def render(document: Document) -> bytes:
    """Render ``document`` to PDF bytes, in one pass: the canvas holds each finished page
    until the end, when the total is known and the page numbers are written."""
    register_fonts()
    buffer = io.BytesIO()
    template = ReportTemplate(buffer, document)
    story = build_story(document, template.width, template.height)
    template.build(
        story,
        onFirstPage=footer,
        onLaterPages=footer,
        canvasmaker=partial(NumberedCanvas, label=page_label(document)),
    )
    return buffer.getvalue()


__all__ = ["png_size", "render"]
