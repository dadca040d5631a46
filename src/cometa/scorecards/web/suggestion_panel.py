"""The suggested ratings beside an indicator on its page: what another module's data
suggests (its level by this framework's rules, the figures, the answers it would set and
the evidence), the form to accept or override it, and the decisions taken so far.

A stored decision's figures and evidence are shown only to a person who may now see every
office they came from (``suggested.evidence_shown``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.accounts.models import Person
from cometa.scorecards.assessments import suggested
from cometa.scorecards.frameworks.model import Indicator
from cometa.scorecards.frameworks.shown import plain
from cometa.scorecards.models import SuggestionDecision

SOURCES = {"results": gettext_lazy("Suggested from the results data of the country's offices")}
ANSWER_WORDS = {
    "met": gettext_lazy("met"),
    "not_met": gettext_lazy("not met"),
    "unknown": gettext_lazy("unknown"),
}


@dataclass(frozen=True)
class Shown:
    rated: suggested.RatedSuggestion
    source: str
    level: str
    sets: list[str]  # what accepting writes, in words


@dataclass(frozen=True)
class DecisionShown:
    decision: SuggestionDecision
    level: str
    team_level: str
    summary: str = ""  # the figures, for a person who may see where they came from


@dataclass(frozen=True)
class SuggestionPanel:
    items: list[Shown]
    decisions: list[DecisionShown]
    may_decide: bool

    @property
    def shown(self) -> bool:
        return bool(self.items or self.decisions)


def _sets(indicator: Indicator, item: suggested.RatedSuggestion, language: str) -> list[str]:
    criteria = {criterion.id: criterion for criterion in indicator.criteria}
    inputs = {spec.key: spec for spec in indicator.inputs}
    found = []
    for key, value in item.suggestion.inputs.items():
        label = plain(inputs[key].label, language) if key in inputs else key
        found.append(f"{label}: {value:.1f}")
    for key, answer in item.suggestion.answers.items():
        criterion = criteria.get(key)
        text = f"({criterion.letter}) {plain(criterion.text, language)}" if criterion else key
        found.append(f"{text}: {ANSWER_WORDS.get(answer, answer)}")
    return found


def suggestion_panel(
    person: Person, page: Any, *, may_edit: bool, labels: dict[str, str]
) -> SuggestionPanel:
    """The panel for the indicator page ``page`` (``pages.IndicatorPage``)."""
    live = suggested.suggestions_of(person, page.row)
    items = [
        Shown(
            item,
            str(SOURCES.get(item.suggestion.source, item.suggestion.source)),
            labels.get(item.level, item.level),
            _sets(page.indicator, item, page.language),
        )
        for item in live
    ]
    decisions = []
    for decision in suggested.decisions_of(page.row):
        visible = suggested.evidence_shown(decision, live)
        decisions.append(
            DecisionShown(
                decision,
                labels.get(decision.suggested_level, decision.suggested_level),
                labels.get(decision.team_level, decision.team_level or _("not rated")),
                decision.summary if visible else "",
            )
        )
    return SuggestionPanel(items, decisions, may_edit and page.assessment.is_editable)
