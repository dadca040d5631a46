"""Quality checks a reviewer makes, run by the team before it submits. Pure: plain data in,
findings out. Each finding has a stable code; its message is in the language active when
the checks run (Django's translation machinery only, no database).

The checks are a table of rules (:data:`RULES`): each has its code, its severity, what it
looks at (the assessment as a whole, each reassessed indicator, each action point) and a
small function that says what is wrong with one such subject. :func:`check` runs the
table over the subjects in order, so findings come by subject: the assessment, then each
reassessed indicator in turn, then the action points."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

MIN_REASSESSED = 5


@dataclass(frozen=True)
class IndicatorFacts:
    code: str
    reassessed: bool
    computed: str
    agreed: str
    difference_reason: str
    justification: str
    answers: dict[str, str]
    findings: dict[str, str]
    inputs: dict[str, float | None]
    input_ranges: dict[str, tuple[float, float]]
    evidence_count: int
    previous: str | None  # the rating of the latest earlier assessment


@dataclass(frozen=True)
class ActionFacts:
    indicator: str
    text: str
    due: date | None
    done: bool


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str  # "error" blocks submission; "warning" is shown to the reviewer
    indicator: str | None
    message: str
    params: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    """What a rule may read besides its subject."""

    annual: bool
    levels: Sequence[str]
    indicators: Sequence[IndicatorFacts]
    today: date


@dataclass(frozen=True)
class Hit:
    """One thing a rule found wrong with its subject."""

    message: str
    params: dict[str, object] = field(default_factory=dict)


Subject = Literal["assessment", "indicator", "action"]


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str  # "error" or "warning", as in Finding
    subject: Subject  # the assessment once, each reassessed indicator, or each action point
    check: Callable[[Any, Context], Iterable[Hit]]  # the subject (Context for "assessment")


def check(
    *,
    annual: bool,
    levels: Sequence[str],
    indicators: Sequence[IndicatorFacts],
    actions: Sequence[ActionFacts],
    today: date,
) -> list[Finding]:
    context = Context(annual, levels, indicators, today)
    subjects: list[tuple[Subject, object, str | None]] = [
        ("assessment", context, None),
        *(("indicator", item, item.code) for item in indicators if item.reassessed),
        *(("action", action, action.indicator) for action in actions),
    ]
    return [
        Finding(rule.code, rule.severity, where, hit.message, hit.params)
        for kind, subject, where in subjects
        for rule in RULES
        if rule.subject == kind
        for hit in rule.check(subject, context)
    ]


# --- the rules, one function each: what is wrong with one subject ---------------------------


def _too_few_reassessed(context: Context, _context: Context) -> list[Hit]:
    count = sum(1 for item in context.indicators if item.reassessed)
    if not context.annual or count >= MIN_REASSESSED:
        return []
    message = ngettext(
        "Only %(count)d indicator is reassessed; an annual assessment needs at least %(minimum)d.",
        "Only %(count)d indicators are reassessed; an annual assessment needs at least "
        "%(minimum)d.",
        count,
    ) % {"count": count, "minimum": MIN_REASSESSED}
    return [Hit(message, {"count": count})]


def _agreed_without_reason(item: IndicatorFacts, _context: Context) -> list[Hit]:
    if item.agreed and item.agreed != item.computed and not item.difference_reason.strip():
        message = _(
            "PI %(code)s: the agreed rating differs from the computed one without a written reason."
        )
        return [Hit(message % {"code": item.code})]
    return []


def _met_without_findings(item: IndicatorFacts, _context: Context) -> list[Hit]:
    return [
        Hit(
            _("PI %(code)s: criterion %(criterion)s is marked met without findings.")
            % {"code": item.code, "criterion": criterion},
            {"criterion": criterion},
        )
        for criterion, answer in sorted(item.answers.items())
        if answer == "met" and not item.findings.get(criterion, "").strip()
    ]


def _no_evidence(item: IndicatorFacts, _context: Context) -> list[Hit]:
    if item.evidence_count == 0:
        message = _("PI %(code)s is reassessed but has no evidence attached.")
        return [Hit(message % {"code": item.code})]
    return []


def _unexplained_change(item: IndicatorFacts, context: Context) -> list[Hit]:
    levels, level = context.levels, item.agreed or item.computed
    if not (item.previous and level and item.previous in levels and level in levels):
        return []
    step = levels.index(level) - levels.index(item.previous)
    if not (step >= 2 or step < 0) or item.justification.strip():
        return []
    if step >= 2:
        message = _(
            "PI %(code)s: the rating jumps two levels or more since the last "
            "assessment without an explanation."
        )
    else:
        message = _(
            "PI %(code)s: the rating falls since the last assessment without an explanation."
        )
    return [Hit(message % {"code": item.code}, {"from": item.previous, "to": level})]


def _input_out_of_range(item: IndicatorFacts, _context: Context) -> list[Hit]:
    found = []
    for key, value in sorted(item.inputs.items()):
        low, high = item.input_ranges.get(key, (float("-inf"), float("inf")))
        if value is not None and not low <= value <= high:
            found.append(
                Hit(
                    _("PI %(code)s: %(input)s = %(value)s is outside %(low)s–%(high)s.")
                    % {"code": item.code, "input": key, "value": value, "low": low, "high": high},
                    {"input": key},
                )
            )
    return found


def _overdue(action: ActionFacts, context: Context) -> list[Hit]:
    if action.due is None or action.due >= context.today or action.done:
        return []
    message = _("An action point under %(indicator)s was due on %(due)s and is not done.")
    return [
        Hit(message % {"indicator": action.indicator, "due": action.due}, {"due": str(action.due)})
    ]


# The table. Within a subject, findings come in this order.
RULES: tuple[Rule, ...] = (
    Rule("QA001", "error", "assessment", _too_few_reassessed),
    Rule("QA002", "error", "indicator", _agreed_without_reason),
    Rule("QA003", "warning", "indicator", _met_without_findings),
    Rule("QA004", "warning", "indicator", _no_evidence),
    Rule("QA005", "warning", "indicator", _unexplained_change),
    Rule("QA007", "error", "indicator", _input_out_of_range),
    Rule("QA006", "warning", "action", _overdue),
)
