"""Parse an existing UNCT-SWAP annual progress report (text form) into plain data.

Pure Python, no Django. The input is the report as converted to text: markdown-ish
headings, tab-separated (or pipe) tables, stray HTML tags. The parser is tolerant of
markup and spacing, and strict about the ratings: a missing ratings table, a rating
that is not a level, an unknown or duplicate indicator, fewer than 15 indicators, or a
chapter-7 section that contradicts the table are all collected, with line numbers,
into one :class:`ReportImportError`; nothing is returned partially.

Parsing is deterministic: the same text always gives an equal :class:`ImportedReport`.

Chapters used (found by their numbered titles, wherever they are):
"… Process in <Country>" (process text, team members, context), the ratings table
(first row headed "Indicator … Rating …"), "… Detailed Findings …" (findings, criteria,
means of verification), "… Action Plan" and "Supporting Evidence".
"""

from __future__ import annotations

from cometa.scorecards.report_import.findings import parse_findings
from cometa.scorecards.report_import.model import (
    FRAMEWORK,
    INDICATOR_CODES,
    LEVELS,
    SOURCE_MEANS_OF_VERIFICATION,
    SOURCE_SUPPORTING_EVIDENCE,
    ImportedAction,
    ImportedEvidence,
    ImportedFinding,
    ImportedMember,
    ImportedRating,
    ImportedReport,
    ImportProblem,
    ReportImportError,
)
from cometa.scorecards.report_import.ratings import find_country_year, parse_ratings
from cometa.scorecards.report_import.tables import parse_actions, parse_supporting_evidence
from cometa.scorecards.report_import.team import parse_team
from cometa.scorecards.report_import.text import document

__all__ = [
    "FRAMEWORK",
    "INDICATOR_CODES",
    "LEVELS",
    "SOURCE_MEANS_OF_VERIFICATION",
    "SOURCE_SUPPORTING_EVIDENCE",
    "ImportProblem",
    "ImportedAction",
    "ImportedEvidence",
    "ImportedFinding",
    "ImportedMember",
    "ImportedRating",
    "ImportedReport",
    "ReportImportError",
    "parse_report",
]


def parse_report(text: str, *, source_name: str = "<text>") -> ImportedReport:
    """Read a UNCT-SWAP annual progress report; raise :class:`ReportImportError` if unusable."""
    doc = document(text)
    problems: list[ImportProblem] = []
    country, year = find_country_year(doc, problems)
    ratings = parse_ratings(doc, problems)
    findings, verification = parse_findings(doc, ratings, problems)
    supporting = parse_supporting_evidence(doc, problems)
    actions = parse_actions(doc, problems)
    members, process_text, context_text = parse_team(doc, country)
    if problems:
        raise ReportImportError(problems, source_name=source_name)
    return ImportedReport(
        country=country,
        year=year,
        framework=FRAMEWORK,
        ratings=tuple(sorted(ratings, key=lambda rating: INDICATOR_CODES.index(rating.code))),
        members=tuple(members),
        findings=tuple(findings),
        evidence=tuple(sorted([*verification, *supporting], key=lambda item: item.line)),
        actions=tuple(actions),
        process_text=process_text,
        context_text=context_text,
    )
