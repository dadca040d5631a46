"""The assessment page in sections, its progress summary, rating badges and the list's
rows at a glance. Shapes what the selectors gave; nothing here writes.

The page is one URL per section (``?section=review``): each works without JavaScript, and
a reviewer lands on a summary with the step they may take now at the top.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from cometa.reports.charts import RATING_COLORS
from cometa.scorecards.assessments.qa import MIN_REASSESSED
from cometa.scorecards.frameworks.model import Framework
from cometa.scorecards.frameworks.shown import plain
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import (
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    IndicatorAssessment,
)

# --- sections ---------------------------------------------------------------------------------

SECTIONS: tuple[tuple[str, Promise], ...] = (
    ("indicators", gettext_lazy("Indicators")),
    ("review", gettext_lazy("Checks and review")),
    ("team", gettext_lazy("Team and process")),
    ("actions", gettext_lazy("Action plan")),
    ("evidence", gettext_lazy("Evidence")),
    ("comments", gettext_lazy("Review comments")),
    ("removed", gettext_lazy("Recently removed")),
)
DEFAULT_SECTION = "indicators"
# Anchors the page had when it was one long page, and where each now lives.
ANCHORS = {"workflow": "review", "qa": "review", "process": "team"}
# The section that shows each form of the page (a form sent with errors opens it).
FORM_SECTIONS = {
    "workflow_form": "review",
    "text_form": "team",
    "member_form": "team",
    "action_form": "actions",
    "upload_form": "evidence",
    "link_form": "evidence",
    "comment_form": "comments",
}
# Steps that cannot be taken back by the person taking them: a summary page asks first.
CONFIRMED_STEPS = ("submit", "approve", "publish")


def anchors_json() -> str:
    """Where each anchor of the page lives, for the script that follows old links."""
    return json.dumps({name: name for name, _label in SECTIONS} | ANCHORS)


def section_of(anchor: str) -> str:
    """The section that holds ``anchor`` (a section's own name, an old anchor of the long
    page, ``action-<id>``); the first section for anything else."""
    if anchor.startswith("action-"):
        return "actions"
    name = ANCHORS.get(anchor, anchor)
    return name if name in dict(SECTIONS) else DEFAULT_SECTION


@dataclass(frozen=True)
class Tab:
    name: str
    label: str
    current: bool


def tabs(current: str, *, removed: bool) -> list[Tab]:
    """The page's sections; "Recently removed" only while something may be put back."""
    return [
        Tab(name, str(label), name == current)
        for name, label in SECTIONS
        if name != "removed" or removed or current == "removed"
    ]


# --- badges -----------------------------------------------------------------------------------

SCALE = ("missing", "approaches", "meets", "exceeds")  # the chart palette, lowest first


@dataclass(frozen=True)
class Badge:
    """A rating shown as its words on the level's chart colour (``tone`` names the CSS
    class; "" for a level the palette has no colour for)."""

    label: str
    tone: str


def level_tones(framework: Framework) -> dict[str, str]:
    """The palette colour of each level, as the report's chart chooses it: by key for the
    UNCT-SWAP's levels, else by rank for a framework of four levels."""
    keys = [level.key for level in framework.levels]
    if all(key in RATING_COLORS for key in keys):
        return {key: key for key in keys}
    if len(keys) == len(SCALE):
        return dict(zip(keys, SCALE, strict=True))
    return {}


def badge(framework: Framework, level: str, language: str) -> Badge | None:
    labels = {item.key: plain(item.label, language) for item in framework.levels}
    if not level:
        return None
    return Badge(labels.get(level, level), level_tones(framework).get(level, ""))


# --- progress ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Progress:
    reassessed: int
    required: int  # at least this many (annual), or all of them (comprehensive)
    total: int
    annual: bool
    rated: int
    errors: int  # checks that block submission
    warnings: int
    evidence: int

    @property
    def enough(self) -> bool:
        return self.reassessed >= self.required

    @property
    def missing(self) -> int:
        return max(self.required - self.reassessed, 0)


def progress(
    assessment: Assessment,
    *,
    reassessed: int,
    total: int,
    severities: Sequence[str],
    evidence: int,
    rated: int = 0,
) -> Progress:
    annual = assessment.kind == AssessmentKind.ANNUAL
    return Progress(
        reassessed=reassessed,
        required=min(MIN_REASSESSED, total) if annual else total,
        total=total,
        annual=annual,
        rated=rated,
        errors=sum(1 for item in severities if item == "error"),
        warnings=sum(1 for item in severities if item != "error"),
        evidence=evidence,
    )


def submit_blocked(
    assessment: Assessment, steps: Sequence[str], *, may_edit: bool, errors: int
) -> str:
    """Why the Submit button is disabled, in words; "" when it is not, or when submitting is
    nothing this person would look for (a viewer, a reviewer, a submitted assessment)."""
    if assessment.status not in (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED):
        return ""
    if "submit" in steps:
        if not errors:
            return ""
        return ngettext(
            "%(count)d check must be fixed before the assessment can be submitted.",
            "%(count)d checks must be fixed before the assessment can be submitted.",
            errors,
        ) % {"count": errors}
    if may_edit:
        return _("Only a coordinator of the country team can submit the assessment.")
    return ""


# --- the list at a glance -----------------------------------------------------------------------


@dataclass(frozen=True)
class ListRow:
    assessment: Assessment
    reassessed: int
    required: int
    ratings: list[tuple[Badge, int]]  # each level the indicators are at, lowest first
    unrated: int
    rated: int

    @property
    def total(self) -> int:
        return self.rated + self.unrated


def list_rows(assessments: Sequence[Assessment], language: str) -> list[ListRow]:
    """The rows of a page of the list, with each assessment's progress and ratings (one
    query for all their indicators)."""
    levels: dict[int, list[tuple[str, bool]]] = {item.pk: [] for item in assessments}
    stored = IndicatorAssessment.objects.filter(assessment_id__in=list(levels))
    for pk, agreed, computed, reassessed in stored.values_list(
        "assessment_id", "agreed_level", "computed_level", "reassessed"
    ):
        levels[pk].append((agreed or computed, reassessed))
    return [_list_row(item, levels[item.pk], language) for item in assessments]


def _list_row(assessment: Assessment, rows: list[tuple[str, bool]], language: str) -> ListRow:
    framework = framework_of(assessment.framework)
    counts = Counter(level for level, _reassessed in rows if level)
    ratings = []
    for level in framework.levels:
        shown = badge(framework, level.key, language)
        if counts[level.key] and shown is not None:
            ratings.append((shown, counts[level.key]))
    reassessed = sum(1 for _level, flag in rows if flag)
    made = progress(assessment, reassessed=reassessed, total=len(rows), severities=(), evidence=0)
    unrated = len(rows) - sum(counts.values())
    return ListRow(assessment, reassessed, made.required, ratings, unrated, len(rows) - unrated)
