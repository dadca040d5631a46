"""A report's Document as plain dicts for an HTML template (``templates/*/report.html``):
the web page shows the same document as the PDF and the Word file. Used by the
scorecards report and the results report."""

from __future__ import annotations

import re
from typing import Any

from django.utils.safestring import mark_safe

from cometa.reports.document import (
    BulletList,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)

_SIZE_ATTRIBUTE = re.compile(r'\s(?:width|height)="[^"]*"')


def html_blocks(document: Document) -> list[dict[str, Any]]:
    """The document's blocks as plain dicts for the template.

    Headings move one level down (the report title is the page's ``h1``) and get ids; a
    bullet that repeats a top-level heading (the contents) links to it. Page breaks go.
    """
    ids: dict[str, str] = {}
    for number, heading in enumerate(document.headings()):
        if heading.level == 1:
            ids.setdefault(heading.text, f"section-{number}")
    blocks: list[dict[str, Any]] = []
    headings = 0
    for block in document.blocks:
        if isinstance(block, Heading):
            blocks.append(
                {
                    "kind": "heading",
                    "tag": f"h{block.level + 1}",
                    "id": f"section-{headings}",
                    "text": block.text,
                }
            )
            headings += 1
        elif isinstance(block, Paragraph):
            blocks.append({"kind": "paragraph", "text": block.text})
        elif isinstance(block, BulletList):
            items = [{"text": item, "href": ids.get(item)} for item in block.items]
            blocks.append({"kind": "list", "items": items})
        elif isinstance(block, Table):
            named_by = f"section-{headings - 1}" if headings else ""  # names its scroll box
            blocks.append({"kind": "table", "table": block, "heading": named_by})
        elif isinstance(block, Figure):
            blocks.append({"kind": "figure", "svg": fluid_svg(block.svg), "figure": block})
        elif not isinstance(block, PageBreak):
            raise TypeError(f"Unsupported block: {type(block).__name__}")
    return blocks


def fluid_svg(svg: str) -> str:
    """The chart's SVG without a fixed size, so it takes the width of the page.

    The SVG is drawn on the server by matplotlib from the report's own data (its texts
    are XML-escaped there, see cometa.reports.charts), so it is safe to inline.
    """
    opening_end = svg.index(">")
    opening = _SIZE_ATTRIBUTE.sub("", svg[:opening_end])
    return mark_safe(opening + svg[opening_end:])  # noqa: S308  # nosec B308 B703
