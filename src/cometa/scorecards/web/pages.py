"""What the assessment and indicator pages show, shaped for a page from rows the selectors
gave (:mod:`cometa.scorecards.assessments.selectors`, :mod:`cometa.scorecards.records.selectors`):
labels in the reader's language, rows grouped as the page lists them. Nothing here writes.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from cometa.accounts.models import Person
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.qa import Finding
from cometa.scorecards.assessments.quality import quality_findings
from cometa.scorecards.assessments.workflow import allowed_steps
from cometa.scorecards.frameworks import rating
from cometa.scorecards.frameworks.engine import Rating
from cometa.scorecards.frameworks.model import Framework, Indicator
from cometa.scorecards.frameworks.rule_words import describe_rule, input_names
from cometa.scorecards.frameworks.shown import plain, shown
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    Evidence,
    IndicatorAssessment,
    Removed,
    ReviewComment,
    TeamMember,
)
from cometa.scorecards.records import removal
from cometa.scorecards.web.summary import level_tones

logger = logging.getLogger(__name__)

# --- the assessment page ----------------------------------------------------------------------


@dataclass(frozen=True)
class IndicatorRow:
    code: str
    title: str
    level: str
    level_label: str
    reassessed: bool
    rating_year: int | None
    carried: bool  # the rating comes from an earlier year
    tone: str = ""  # the level's colour in the chart palette (summary.level_tones)


@dataclass(frozen=True)
class DimensionRows:
    code: str
    title: str
    rows: list[IndicatorRow]


@dataclass(frozen=True)
class ActionRow:
    action: ActionPoint
    progress: list[tuple[str, str]]  # (year label, what was done)


@dataclass(frozen=True)
class ActionGroup:
    code: str
    title: str
    actions: list[ActionRow]


def year_label(key: str) -> str:
    """Imported plans number the years of the cycle (1-4); others use calendar years."""
    return _("Year %(n)s") % {"n": key} if len(key) < 3 else key


def _action_row(action: ActionPoint) -> ActionRow:
    keys = sorted(action.progress, key=lambda key: (len(key), key))
    return ActionRow(action, [(year_label(key), action.progress[key]) for key in keys])


@dataclass
class AssessmentPage:
    assessment: Assessment
    framework: Framework
    dimensions: list[DimensionRows]
    indicator_choices: list[tuple[str, str]]
    findings: list[Finding]
    steps: list[str]
    may_edit: bool
    may_comment: bool
    team: list[TeamMember]
    comments: list[ReviewComment]
    action_groups: list[ActionGroup]
    evidence: list[Evidence]
    progress_years: list[str]
    counts: dict[str, int] = field(default_factory=dict)
    removed: list[Removed] = field(default_factory=list)  # what the editors may put back

    @property
    def blocking(self) -> bool:
        return any(finding.severity == "error" for finding in self.findings)


def level_labels(framework: Framework, language: str) -> dict[str, str]:
    return {level.key: plain(level.label, language) for level in framework.levels}


def indicator_title(indicator: Indicator, language: str) -> str:
    return f"PI {indicator.code} {plain(indicator.title, language)}"


def indicator_choices(framework: Framework, language: str) -> list[tuple[str, str]]:
    return [(i.code, indicator_title(i, language)) for i in framework.indicators]


def progress_years(assessment: Assessment, actions: list[ActionPoint]) -> list[str]:
    """The years an action's progress is written for: the cycle's years when the assessment
    has a cycle, else the years already written (imported plans number them 1-4) and the
    assessment's year."""
    if assessment.cycle is not None:
        years = [str(y) for y in range(assessment.cycle.start_year, assessment.cycle.end_year + 1)]
    else:
        years = [str(assessment.year)]
    written = {key for action in actions for key in action.progress}
    return sorted(set(years) | written, key=lambda key: (len(key), key))


def assessment_page(person: Person, assessment: Assessment, language: str) -> AssessmentPage:
    framework = framework_of(assessment.framework)
    stored = {row.code: row for row in assessment.indicators.all()}
    choices = indicator_choices(framework, language)
    actions = list(assessment.actions.all())
    may_edit = access.may_edit(person, assessment)
    return AssessmentPage(
        assessment=assessment,
        framework=framework,
        dimensions=_dimension_rows(assessment, framework, stored, language),
        indicator_choices=choices,
        findings=quality_findings(assessment),
        steps=allowed_steps(person, assessment),
        may_edit=may_edit and assessment.is_editable,
        may_comment=may_edit or access.may_review(person),
        team=list(assessment.team.all()),
        comments=list(assessment.comments.select_related("author")),
        action_groups=_action_groups(actions, choices),
        evidence=list(assessment.evidence.all()),
        progress_years=progress_years(assessment, actions),
        removed=list(removal.removed_for(person, assessment)),
        counts={"reassessed": sum(1 for row in stored.values() if row.reassessed)},
    )


def _dimension_rows(
    assessment: Assessment,
    framework: Framework,
    stored: dict[str, IndicatorAssessment],
    language: str,
) -> list[DimensionRows]:
    """The stored indicator rows under their dimension, in the framework's order."""
    labels = level_labels(framework, language)
    tones = level_tones(framework)
    dimensions = []
    for dimension in framework.dimensions:
        rows = []
        for indicator in framework.indicators:
            row = stored.get(indicator.code)
            if indicator.dimension != dimension.code or row is None:
                continue
            rows.append(
                IndicatorRow(
                    code=indicator.code,
                    title=shown(indicator.title, language),
                    level=row.level,
                    level_label=labels.get(row.level, row.level),
                    reassessed=row.reassessed,
                    rating_year=row.rating_year,
                    carried=bool(row.rating_year and row.rating_year != assessment.year),
                    tone=tones.get(row.level, ""),
                )
            )
        dimensions.append(DimensionRows(dimension.code, shown(dimension.title, language), rows))
    return dimensions


def _action_groups(actions: list[ActionPoint], choices: list[tuple[str, str]]) -> list[ActionGroup]:
    """The action points by indicator, in the framework's order; codes the framework does not
    know come last, sorted."""
    groups: dict[str, list[ActionPoint]] = defaultdict(list)
    for action in actions:
        groups[action.indicator_code].append(action)
    titles = dict(choices)
    order = [code for code, _title in choices] + sorted(set(groups) - set(titles))
    return [
        ActionGroup(code, titles.get(code, code), [_action_row(a) for a in groups[code]])
        for code in order
        if code in groups
    ]


# --- the indicator page -----------------------------------------------------------------------


@dataclass(frozen=True)
class LevelCriteria:
    key: str
    label: str
    rule: str
    criteria: list[tuple[str, str, str]]  # (criterion id, letter, text)


@dataclass
class IndicatorPage:
    assessment: Assessment
    row: IndicatorAssessment
    indicator: Indicator
    title: str
    statement: str
    dimension: str
    levels: list[LevelCriteria]
    level_labels: dict[str, str]
    may_edit: bool
    may_comment: bool
    evidence: list[Evidence]
    comments: list[ReviewComment]
    language: str = "en"
    previous: str | None = None
    next: str | None = None


def indicator_page(person: Person, row: IndicatorAssessment, language: str) -> IndicatorPage:
    assessment = row.assessment
    framework = framework_of(assessment.framework)
    indicator = framework.indicator(row.code)
    labels = level_labels(framework, language)
    codes = [i.code for i in framework.indicators]
    where = codes.index(row.code)
    may_edit = access.may_edit(person, assessment)
    inputs = input_names(indicator, language)
    texts = {c.id: plain(c.text, language) for c in indicator.criteria}
    return IndicatorPage(
        assessment=assessment,
        row=row,
        indicator=indicator,
        title=indicator_title(indicator, language),
        statement=shown(indicator.statement, language) if indicator.statement else "",
        dimension=shown(framework.dimension(indicator.dimension).title, language),
        levels=[
            LevelCriteria(
                key=level.level,
                label=labels.get(level.level, level.level),
                rule=describe_rule(
                    level.rule,
                    level=level.level,
                    level_labels=labels,
                    inputs=inputs,
                    criteria=texts,
                ),
                criteria=[(c.id, c.letter, shown(c.text, language)) for c in level.criteria],
            )
            for level in indicator.levels[1:]
        ],
        level_labels=labels,
        may_edit=may_edit and assessment.is_editable,
        may_comment=may_edit or access.may_review(person),
        evidence=list(assessment.evidence.filter(indicator_code=row.code)),
        comments=list(assessment.comments.filter(indicator_code=row.code).select_related("author")),
        language=language,
        previous=codes[where - 1] if where > 0 else None,
        next=codes[where + 1] if where + 1 < len(codes) else None,
    )


def rating_preview(
    row: IndicatorAssessment, answers: dict[str, str], inputs: dict[str, Any]
) -> Rating:
    """The rating these answers would give, computed without writing anything (raises
    ValidationFailed for answers or inputs that do not fit the indicator)."""
    indicator = framework_of(row.assessment.framework).indicator(row.code)
    return rating.compute(indicator, answers, inputs)
