"""The report of an assessment: the web page, PDF and Word files, and the ratings as CSV
and XLSX.

Whoever may see the assessment may see its report (404 otherwise). ``?lang=en|es|ru``
chooses the report's language (default: the interface language); any other value falls
back to that default. Files are attachments with an ASCII name such as
``unct-kazakhstan-2022-scorecard.pdf``. They are made on each request, synchronously
(see benchmarks/scorecard_reports.py for what that costs), and never cached: the
platform sends ``Cache-Control: no-store`` on every answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import wraps
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import content_disposition_header
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from cometa.accounts.acting import person_of
from cometa.reports.document import (
    BulletList,
    Document,
    Figure,
    Heading,
    PageBreak,
    Paragraph,
    Table,
)
from cometa.scorecards.assessments import access
from cometa.scorecards.frameworks.model import LANGUAGES
from cometa.scorecards.models import Assessment
from cometa.scorecards.reporting.files import report_file
from cometa.scorecards.reporting.report import build_report
from cometa.scorecards.web.views import language

ReportView = Callable[[HttpRequest, Assessment, str], HttpResponse]
_SIZE_ATTRIBUTE = re.compile(r'\s(?:width|height)="[^"]*"')


def report_language(request: HttpRequest) -> str:
    """``?lang=`` if it is a report language, else the interface language (itself English
    when it is not a report language): a link with ``?lang=fr`` still opens the report."""
    chosen = request.GET.get("lang", "")
    if chosen in LANGUAGES:
        return chosen
    current = language()
    return current if current in LANGUAGES else "en"


def _report_view(function: ReportView) -> Callable[[HttpRequest, int], HttpResponse]:
    """Signed in, GET only, the assessment visible to the person."""

    @login_required
    @require_GET
    @wraps(function)
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        assessment = access.assessment_get(person_of(request), pk)
        return function(request, assessment, report_language(request))

    return view


def _download(assessment: Assessment, lang: str, fmt: str) -> HttpResponse:
    made = report_file(assessment, fmt, lang)
    response = HttpResponse(made.data, content_type=made.content_type)
    response["Content-Disposition"] = (
        content_disposition_header(True, made.filename) or "attachment"
    )
    response["Content-Length"] = str(len(made.data))
    return response


@_report_view
def report_pdf(request: HttpRequest, assessment: Assessment, lang: str) -> HttpResponse:
    return _download(assessment, lang, "pdf")


@_report_view
def report_docx(request: HttpRequest, assessment: Assessment, lang: str) -> HttpResponse:
    return _download(assessment, lang, "docx")


@_report_view
def ratings_csv(request: HttpRequest, assessment: Assessment, lang: str) -> HttpResponse:
    return _download(assessment, lang, "csv")


@_report_view
def ratings_xlsx(request: HttpRequest, assessment: Assessment, lang: str) -> HttpResponse:
    return _download(assessment, lang, "xlsx")


@_report_view
def report_page(request: HttpRequest, assessment: Assessment, lang: str) -> HttpResponse:
    document = build_report(assessment, lang=lang)
    context = {
        "assessment": assessment,
        "document": document,
        "blocks": html_blocks(document),
        "lang": lang,
        "report_languages": [
            (code, translation.get_language_info(code)["name_local"]) for code in LANGUAGES
        ],
    }
    return render(request, "scorecards/report.html", context)


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
            blocks.append({"kind": "figure", "svg": _fluid(block.svg), "figure": block})
        elif not isinstance(block, PageBreak):
            raise TypeError(f"Unsupported block: {type(block).__name__}")
    return blocks


def _fluid(svg: str) -> str:
    """The chart's SVG without a fixed size, so it takes the width of the page.

    The SVG is drawn on the server by matplotlib from the report's own data (its texts
    are XML-escaped there, see cometa.reports.charts), so it is safe to inline.
    """
    opening_end = svg.index(">")
    opening = _SIZE_ATTRIBUTE.sub("", svg[:opening_end])
    return mark_safe(opening + svg[opening_end:])  # noqa: S308  # nosec B308 B703
