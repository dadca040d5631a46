"""Quality checks a reviewer makes, run by the team before it submits. Pure: plain data in,
findings out. Each finding has a stable code; its message is in the language active when
the checks run (Django's translation machinery only, no database)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

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


def check(
    *,
    annual: bool,
    levels: Sequence[str],
    indicators: Sequence[IndicatorFacts],
    actions: Sequence[ActionFacts],
    today: date,
) -> list[Finding]:
    findings = _reassessed_count(annual, indicators)
    for item in indicators:
        if item.reassessed:
            findings += _indicator(item, levels)
    findings += [
        Finding(
            "QA006",
            "warning",
            action.indicator,
            _("An action point under %(indicator)s was due on %(due)s and is not done.")
            % {"indicator": action.indicator, "due": action.due},
            {"due": str(action.due)},
        )
        for action in actions
        if action.due is not None and action.due < today and not action.done
    ]
    return findings


def _reassessed_count(annual: bool, indicators: Sequence[IndicatorFacts]) -> list[Finding]:
    count = sum(1 for item in indicators if item.reassessed)
    if annual and count < MIN_REASSESSED:
        message = ngettext(
            "Only %(count)d indicator is reassessed; an annual assessment needs at least "
            "%(minimum)d.",
            "Only %(count)d indicators are reassessed; an annual assessment needs at least "
            "%(minimum)d.",
            count,
        ) % {"count": count, "minimum": MIN_REASSESSED}
        return [Finding("QA001", "error", None, message, {"count": count})]
    return []


def _indicator(item: IndicatorFacts, levels: Sequence[str]) -> list[Finding]:
    return [
        *_agreed_without_reason(item),
        *_met_without_findings(item),
        *_no_evidence(item),
        *_unexplained_change(item, levels),
        *_input_out_of_range(item),
    ]


def _agreed_without_reason(item: IndicatorFacts) -> list[Finding]:
    if item.agreed and item.agreed != item.computed and not item.difference_reason.strip():
        message = _(
            "PI %(code)s: the agreed rating differs from the computed one without a written reason."
        )
        return [Finding("QA002", "error", item.code, message % {"code": item.code})]
    return []


def _met_without_findings(item: IndicatorFacts) -> list[Finding]:
    return [
        Finding(
            "QA003",
            "warning",
            item.code,
            _("PI %(code)s: criterion %(criterion)s is marked met without findings.")
            % {"code": item.code, "criterion": criterion},
            {"criterion": criterion},
        )
        for criterion, answer in sorted(item.answers.items())
        if answer == "met" and not item.findings.get(criterion, "").strip()
    ]


def _no_evidence(item: IndicatorFacts) -> list[Finding]:
    if item.evidence_count == 0:
        message = _("PI %(code)s is reassessed but has no evidence attached.")
        return [Finding("QA004", "warning", item.code, message % {"code": item.code})]
    return []


def _unexplained_change(item: IndicatorFacts, levels: Sequence[str]) -> list[Finding]:
    level = item.agreed or item.computed
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
    params: dict[str, object] = {"from": item.previous, "to": level}
    return [Finding("QA005", "warning", item.code, message % {"code": item.code}, params)]


def _input_out_of_range(item: IndicatorFacts) -> list[Finding]:
    found = []
    for key, value in sorted(item.inputs.items()):
        low, high = item.input_ranges.get(key, (float("-inf"), float("inf")))
        if value is not None and not low <= value <= high:
            found.append(
                Finding(
                    "QA007",
                    "error",
                    item.code,
                    _("PI %(code)s: %(input)s = %(value)s is outside %(low)s–%(high)s.")
                    % {"code": item.code, "input": key, "value": value, "low": low, "high": high},
                    {"input": key},
                )
            )
    return found
