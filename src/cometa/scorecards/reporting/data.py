"""What an assessment report reads, as plain values: a few queries, no rendering.

Indicators come in the order of the framework version the assessment was made with (not
the order of the rows), each with its dimension and its stored record (if any).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from django.utils import formats
from django.utils.translation import gettext as _

from cometa.scorecards.frameworks.model import LANGUAGES, Dimension, Framework, Indicator
from cometa.scorecards.frameworks.shown import plain
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    Evidence,
    IndicatorAssessment,
    TeamMember,
)

_BLANK_LINES = re.compile(r"\n\s*\n")
NOT_RATED = "not_rated"


def check_language(lang: str) -> str:
    """``lang`` if a report can be written in it; ``ValueError`` otherwise."""
    if lang not in LANGUAGES:
        raise ValueError(f"Reports are written in {', '.join(LANGUAGES)}, not {lang!r}")
    return lang


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator of the framework and what the assessment holds for it."""

    indicator: Indicator
    dimension: Dimension
    record: IndicatorAssessment | None

    @property
    def code(self) -> str:
        return self.indicator.code

    @property
    def level(self) -> str:
        """The rating that counts (agreed, else computed), or ``""`` when not rated."""
        return self.record.level if self.record is not None else ""

    @property
    def reassessed(self) -> bool:
        return self.record is not None and self.record.reassessed

    def rating_year(self, assessment_year: int) -> int | None:
        if self.record is None or not self.level:
            return None
        if self.record.rating_year:
            return self.record.rating_year
        return assessment_year if self.record.reassessed else None


@dataclass(frozen=True)
class ReportData:
    assessment: Assessment
    framework: Framework
    rows: list[IndicatorRow]
    team: list[TeamMember]
    actions: list[ActionPoint]
    evidence: list[Evidence]
    lang: str

    @property
    def reassessed(self) -> list[IndicatorRow]:
        return [row for row in self.rows if row.reassessed]

    def indicator_title(self, code: str) -> str:
        """``"2.2 Communication & Advocacy"`` (the bare code if the framework lacks it)."""
        try:
            return f"{code} {plain(self.framework.indicator(code).title, self.lang)}"
        except KeyError:
            return code

    def order(self, code: str) -> int:
        """Position of an indicator in the framework (unknown codes last)."""
        codes = [row.code for row in self.rows]
        return codes.index(code) if code in codes else len(codes)

    def level_label(self, key: str) -> str:
        for level in self.framework.levels:
            if level.key == key:
                return plain(level.label, self.lang)
        return _("Not rated yet") if not key or key == NOT_RATED else key


def load(assessment: Assessment, lang: str, *, records: bool = True) -> ReportData:
    """The report's data; ``records=False`` skips the team, actions and evidence."""
    framework = framework_of(assessment.framework)
    stored = {row.code: row for row in IndicatorAssessment.objects.filter(assessment=assessment)}
    rows = [
        IndicatorRow(
            indicator, framework.dimension(indicator.dimension), stored.get(indicator.code)
        )
        for indicator in framework.indicators
    ]
    if not records:
        return ReportData(assessment, framework, rows, [], [], [], lang)
    return ReportData(
        assessment,
        framework,
        rows,
        team=list(TeamMember.objects.filter(assessment=assessment)),
        actions=list(ActionPoint.objects.filter(assessment=assessment)),
        evidence=list(Evidence.objects.filter(assessment=assessment)),
        lang=lang,
    )


def text_blocks(text: str) -> list[str]:
    """A stored text cut into paragraphs at blank lines (single line breaks are kept)."""
    return [part.strip() for part in _BLANK_LINES.split(text.strip()) if part.strip()]


def long_date(value: date) -> str:
    """A date as the active language writes it in full (e.g. 5 March 2024)."""
    return formats.date_format(value, "DATE_FORMAT")
