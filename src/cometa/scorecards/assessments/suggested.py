"""Suggested ratings: what another module's data says about an indicator, rated by this
framework's own rules beside the team's answers.

Scorecards does not know where suggestions come from. Providers (``cometa.links``) register
with ``core.registry`` (``Module.rating_suggestions``) and return :class:`Suggestion`
records built from what the person may see: the answers and inputs their data supports,
the figures and the evidence. Here each one is checked against the framework and rated
with the engine (:func:`cometa.scorecards.frameworks.rating.compute`), the team's other
answers kept, so the suggested level is the one the framework gives, never the provider's.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404

from cometa.accounts.models import Person
from cometa.core.errors import ValidationFailed
from cometa.core.registry import registry
from cometa.scorecards.frameworks.rating import compute
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import (
    Assessment,
    IndicatorAssessment,
    SuggestionDecision,
)


@dataclass(frozen=True)
class EvidenceLine:
    """One thing a suggestion rests on: an office, a plan, an indicator, a count."""

    label: str
    detail: str


@dataclass(frozen=True)
class Suggestion:
    """What a provider suggests for one indicator of a framework."""

    framework: str  # the framework's identifier: "unct-swap"
    indicator_code: str
    source: str  # the providing module: "results"
    answers: Mapping[str, str] = field(default_factory=dict)  # criterion id -> answer
    inputs: Mapping[str, float] = field(default_factory=dict)
    figures: Mapping[str, Any] = field(default_factory=dict)  # plain numbers, the year
    summary: str = ""  # the figures in one sentence
    evidence: tuple[EvidenceLine, ...] = ()
    rows: tuple[int, ...] = ()  # the rows (offices) the figures came from


@dataclass(frozen=True)
class RatedSuggestion:
    suggestion: Suggestion
    level: str  # what the framework's rules give the team's answers with the suggestion's
    answers: dict[str, str]  # the team's answers with the suggestion's applied
    inputs: dict[str, float | None]
    decision: SuggestionDecision | None  # the latest decision on it, if any


def merged(row: IndicatorAssessment, suggestion: Suggestion) -> tuple[dict[str, str], dict]:
    """The row's answers and inputs with the suggestion's put over them."""
    answers = {**row.answers, **suggestion.answers}
    inputs = {**row.inputs, **suggestion.inputs}
    return answers, inputs


def _rated(
    row: IndicatorAssessment, suggestion: Suggestion, decision: SuggestionDecision | None
) -> RatedSuggestion | None:
    definition = framework_of(row.assessment.framework).indicator(row.code)
    answers, inputs = merged(row, suggestion)
    try:
        rating = compute(definition, answers, inputs)
    except ValidationFailed:  # a provider that does not fit this framework version
        return None
    return RatedSuggestion(suggestion, rating.level, answers, inputs, decision)


def suggestions_for(person: Person, assessment: Assessment) -> list[RatedSuggestion]:
    """The suggestions for the assessment's indicators, as the person may see them. The
    caller found ``assessment`` through the person's selector (404 otherwise)."""
    rows = {row.code: row for row in assessment.indicators.all()}
    decisions: dict[tuple[str, str], SuggestionDecision] = {}
    for decision in assessment.suggestion_decisions.select_related("decided_by"):
        decisions.setdefault((decision.indicator_code, decision.source), decision)
    found = []
    for suggestion in registry.rating_suggestions(person, assessment):
        row = rows.get(suggestion.indicator_code)
        if row is None or suggestion.framework != assessment.framework.identifier:
            continue
        row.assessment = assessment
        key = (suggestion.indicator_code, suggestion.source)
        rated = _rated(row, suggestion, decisions.get(key))
        if rated is not None:
            found.append(rated)
    return sorted(found, key=lambda item: (item.suggestion.indicator_code, item.suggestion.source))


def suggestions_of(person: Person, row: IndicatorAssessment) -> list[RatedSuggestion]:
    """The suggestions for one indicator of an assessment."""
    return [
        item
        for item in suggestions_for(person, row.assessment)
        if item.suggestion.indicator_code == row.code
    ]


def suggestion_get(person: Person, row: IndicatorAssessment, source: str) -> RatedSuggestion:
    """The suggestion of ``source`` for the indicator as the person sees it; 404 when there is
    none (no data, or none the person may see)."""
    for item in suggestions_of(person, row):
        if item.suggestion.source == source:
            return item
    raise Http404("No such suggestion.")


def decisions_of(row: IndicatorAssessment) -> list[SuggestionDecision]:
    """Every decision on the indicator's suggestions, the latest first."""
    return list(
        row.assessment.suggestion_decisions.filter(indicator_code=row.code).select_related(
            "decided_by"
        )
    )


def evidence_shown(decision: SuggestionDecision, live: list[RatedSuggestion]) -> bool:
    """Whether a stored decision's figures and evidence may be shown to the person whose
    live suggestions are ``live``: only when the person may now see every row (office) the
    figures came from, so a record never shows what its reader could not read."""
    for item in live:
        if item.suggestion.source == decision.source and (
            item.suggestion.indicator_code == decision.indicator_code
        ):
            return set(decision.rows) <= set(item.suggestion.rows)
    return False
