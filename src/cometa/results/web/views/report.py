"""The annual results report of an office as a web page, its PDF and Word files and its
indicator values as CSV and XLSX; and the view across offices for headquarters.

Whoever reads the office's results reads its report (404 otherwise, and for a year no plan
of the office covers). ``?lang=en|es|ru`` chooses the report's language (default: the
interface language). Files are attachments with an ASCII name such as
``mex-2022-results-report.pdf``, made on each request (benchmarks/results_report.py says
what that costs). The overview counts only the offices the person reads.
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
from cometa.indicators.texts import LANGUAGES
from cometa.reports.html import fluid_svg, html_blocks
from cometa.reports.web import language_choices, report_language
from cometa.results.report import selectors
from cometa.results.report.data import ReportData
from cometa.results.report.document import build_report
from cometa.results.report.files import report_file
from cometa.results.report.overview import by_region, percent, share_by_year
from cometa.results.report.overview_chart import chart_alt, region_chart, region_name
from cometa.results.scales import Progress

ReportView = Callable[[HttpRequest, ReportData, str], HttpResponse]
YEARS_SHOWN = 5  # the overview's table of shares: the chosen year and the four before


def _report_view(function: ReportView) -> Callable[[HttpRequest, int, int], HttpResponse]:
    """Signed in, GET only, the office's results readable by the person."""

    @login_required
    @require_GET
    @wraps(function)
    def view(request: HttpRequest, office: int, year: int) -> HttpResponse:
        data = selectors.report_data(person_of(request), office, year)
        return function(request, data, report_language(request, LANGUAGES))

    return view


def _download(data: ReportData, lang: str, fmt: str) -> HttpResponse:
    return attachment(*report_file(data, fmt, lang))


@_report_view
def report_pdf(request: HttpRequest, data: ReportData, lang: str) -> HttpResponse:
    return _download(data, lang, "pdf")


@_report_view
def report_docx(request: HttpRequest, data: ReportData, lang: str) -> HttpResponse:
    return _download(data, lang, "docx")


@_report_view
def values_csv(request: HttpRequest, data: ReportData, lang: str) -> HttpResponse:
    return _download(data, lang, "csv")


@_report_view
def values_xlsx(request: HttpRequest, data: ReportData, lang: str) -> HttpResponse:
    return _download(data, lang, "xlsx")


@_report_view
def report_page(request: HttpRequest, data: ReportData, lang: str) -> HttpResponse:
    document = build_report(data, lang=lang)
    context = {
        "data": data,
        "document": document,
        "blocks": html_blocks(document),
        "lang": lang,
        "report_languages": language_choices(LANGUAGES),
    }
    return render(request, "results/report.html", context)


def _year(request: HttpRequest, default: int) -> int:
    text = request.GET.get("year", "")
    return int(text) if text.isdigit() and 1990 <= int(text) <= 2100 else default


@login_required
@require_GET
def overview(request: HttpRequest) -> HttpResponse:
    """Outcomes on and off track by region and year, across the offices the person reads."""
    person = person_of(request)
    year = _year(request, selectors.latest_year(person) or 2022)
    years = list(range(year - YEARS_SHOWN + 1, year + 1))
    offices = selectors.progress_years(person, years)
    regions = by_region(offices)
    this_year = [row for row in regions if row.year == year]
    chart = region_chart(this_year, year) if this_year else None
    context = {
        "year": year,
        "years": years,
        "codes": [(code, label) for code, label in Progress.choices],
        "regions": [
            (region_name(row.region), row.offices, [row.counts[c] for c in Progress.values],
             percent(row.on_track))
            for row in this_year
        ],
        "shares": [(region_name(region), cells) for region, cells in share_by_year(regions, years)],
        "offices": [
            (row, region_name(row.region), [row.counts[c] for c in Progress.values],
             percent(row.on_track))
            for row in offices if row.year == year
        ],
        "chart_svg": fluid_svg(chart.svg) if chart else "",
        "chart_alt": chart_alt(this_year, year) if this_year else "",
    }  # fmt: skip
    return render(request, "results/overview.html", context)
