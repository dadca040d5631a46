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

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import translation
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_GET

from cometa.accounts.acting import person_of
from cometa.reports.html import html_blocks
from cometa.scorecards.assessments import access
from cometa.scorecards.frameworks.model import LANGUAGES
from cometa.scorecards.models import Assessment
from cometa.scorecards.reporting.files import report_file
from cometa.scorecards.reporting.report import build_report
from cometa.scorecards.web.views import language

ReportView = Callable[[HttpRequest, Assessment, str], HttpResponse]


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
