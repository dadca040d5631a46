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
from django.views.decorators.http import require_GET

from cometa.accounts.acting import person_of
from cometa.core.web.downloads import attachment
from cometa.reports.html import html_blocks
from cometa.reports.web import language_choices, report_language
from cometa.scorecards.assessments import access
from cometa.scorecards.frameworks.model import LANGUAGES
from cometa.scorecards.models import Assessment
from cometa.scorecards.reporting.files import report_file
from cometa.scorecards.reporting.report import build_report

ReportView = Callable[[HttpRequest, Assessment, str], HttpResponse]


def _report_view(function: ReportView) -> Callable[[HttpRequest, int], HttpResponse]:
    """Signed in, GET only, the assessment visible to the person."""

    @login_required
    @require_GET
    @wraps(function)
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        assessment = access.assessment_get(person_of(request), pk)
        return function(request, assessment, report_language(request, LANGUAGES))

    return view


def _download(assessment: Assessment, lang: str, fmt: str) -> HttpResponse:
    return attachment(*report_file(assessment, fmt, lang))


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
        "report_languages": language_choices(LANGUAGES),
    }
    return render(request, "scorecards/report.html", context)
