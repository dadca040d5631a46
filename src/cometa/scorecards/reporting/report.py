"""The report of an assessment, as a plain :class:`~cometa.reports.document.Document`.

The same document becomes the web page, the PDF and the Word file; the ratings also
export as a table (CSV, XLSX). Headings and connecting text go through gettext in the
report's language (``en``, ``es`` or ``ru``); the framework's own texts (dimensions,
indicators, levels, criteria) come from the framework version the assessment was made
with, in that language where the framework has it.

Sections, after the title data: background; the framework; the process and the
assessment team; ratings by indicator; the chart of ratings by dimension; findings for
each reassessed indicator; the action plan; supporting evidence.
"""

from __future__ import annotations

from django.utils import timezone, translation
from django.utils.translation import gettext as _

from cometa.reports.charts import Chart
from cometa.reports.document import Block, BulletList, Document, Heading, PageBreak
from cometa.scorecards.frameworks.shown import plain
from cometa.scorecards.models import Assessment, AssessmentKind, AssessmentStatus
from cometa.scorecards.reporting.data import ReportData, check_language, load, long_date
from cometa.scorecards.reporting.findings import actions_section, evidence_section, findings_section
from cometa.scorecards.reporting.sections import (
    DASH,
    background,
    chart_of,
    chart_section,
    framework_section,
    process_section,
    ratings_section,
    yes_no,
)

__all__ = ["build_report", "ratings_chart", "ratings_table", "report_title"]


def build_report(assessment: Assessment, *, lang: str = "en") -> Document:
    """The whole report of ``assessment`` in ``lang`` ("en", "es" or "ru")."""
    check_language(lang)
    data = load(assessment, lang)
    with translation.override(lang):
        sections = [
            (_("Background"), background(data)),
            (_("The framework"), framework_section(data)),
            (_("The process and the assessment team"), process_section(data)),
            (_("Ratings by indicator"), ratings_section(data)),
            (_("Ratings by dimension"), chart_section(data, chart_of(data))),
            (_("Findings for the reassessed indicators"), findings_section(data)),
            (_("Action plan"), actions_section(data)),
            (_("Supporting evidence"), evidence_section(data)),
        ]
        titles = [f"{number}. {title}" for number, (title, _blocks) in enumerate(sections, 1)]
        blocks: list[Block] = [Heading(_("Contents")), BulletList(titles), PageBreak()]
        for title, (_title, section) in zip(titles, sections, strict=True):
            blocks += [Heading(title), *section]
        return Document(
            title=report_title(data),
            subtitle=_subtitle(assessment),
            metadata=_metadata(data),
            blocks=blocks,
            lang=lang,
        )


def ratings_table(assessment: Assessment, *, lang: str = "en") -> tuple[list[str], list[list[str]]]:
    """Headers and one row per indicator, for CSV and XLSX (texts and findings included)."""
    check_language(lang)
    data = load(assessment, lang, records=False)
    year = assessment.year
    with translation.override(lang):
        headers = [
            _("Dimension"),
            _("Indicator code"),
            _("Indicator"),
            _("Rating"),
            _("Rating key"),
            _("Reassessed"),
            _("Year of the rating"),
            _("Computed rating"),
            _("Findings and justification"),
            _("Findings by criterion"),
        ]
        rows = []
        for row in data.rows:
            record = row.record
            findings = (record.findings or {}) if record is not None else {}
            rows.append(
                [
                    plain(row.dimension.title, lang),
                    row.code,
                    plain(row.indicator.title, lang),
                    data.level_label(row.level) if row.level else "",
                    row.level,
                    yes_no(row.reassessed),
                    str(row.rating_year(year) or ""),
                    data.level_label(record.computed_level)
                    if record is not None and record.computed_level
                    else "",
                    record.justification if record is not None else "",
                    "\n".join(f"{key}: {text}" for key, text in sorted(findings.items())),
                ]
            )
    return headers, rows


def ratings_chart(assessment: Assessment, *, lang: str = "en") -> Chart:
    """The chart of the report: indicators at each level, by dimension (PNG + SVG)."""
    check_language(lang)
    data = load(assessment, lang, records=False)
    with translation.override(lang):
        return chart_of(data)


def report_title(data: ReportData) -> str:
    """``"UNCT-SWAP Gender Equality Scorecard: UNCT Kazakhstan, 2022"`` (active language)."""
    return _("%(framework)s: %(team)s, %(year)s") % {
        "framework": plain(data.framework.title, data.lang),
        "team": data.assessment.organisation.name,
        "year": data.assessment.year,
    }


def _subtitle(assessment: Assessment) -> str:
    if assessment.kind == AssessmentKind.ANNUAL:
        return _("Annual progress report and action plan")
    return _("Comprehensive assessment report and action plan")


def _metadata(data: ReportData) -> list[tuple[str, str]]:
    assessment, framework = data.assessment, data.framework
    pairs = [
        (_("Team"), assessment.organisation.name),
        (_("Year"), str(assessment.year)),
        (_("Assessment"), str(AssessmentKind(assessment.kind).label)),
        (
            _("Framework"),
            _("%(title)s, version %(version)s")
            % {"title": plain(framework.title, data.lang), "version": framework.version},
        ),
    ]
    if assessment.cycle is not None:
        pairs.append((_("Cycle"), assessment.cycle.name))
    pairs += [
        (_("Status"), str(AssessmentStatus(assessment.status).label)),
        (
            _("Indicators reassessed"),
            _("%(reassessed)s of %(total)s")
            % {"reassessed": len(data.reassessed), "total": len(data.rows)},
        ),
    ]
    for label, moment in (
        (_("Approved on"), assessment.approved_at),
        (_("Published on"), assessment.published_at),
    ):
        if moment is not None:
            pairs.append((label, long_date(timezone.localdate(moment))))
    pairs.append((_("Date of this report"), long_date(timezone.localdate())))
    return [(label, value or DASH) for label, value in pairs]
