"""The team's decision on a suggested rating: accept it (its answers and inputs are applied
to the indicator, which is rated again) or override it with a reason (the indicator keeps
the team's own answers). Both are kept as a :class:`SuggestionDecision` and audited.

The suggestion is computed again for the acting person at the moment of the decision: what
is recorded is what that person could see, never figures sent by the client.
"""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.models import Person
from cometa.core.errors import ValidationFailed
from cometa.scorecards.assessments import guards, suggested
from cometa.scorecards.assessments.services import IndicatorValues, indicator_update
from cometa.scorecards.models import (
    IndicatorAssessment,
    SuggestionDecision,
    SuggestionDecisionKind,
)


def _decision(
    actor: Person,
    row: IndicatorAssessment,
    rated: suggested.RatedSuggestion,
    kind: str,
    reason: str,
) -> SuggestionDecision:
    suggestion = rated.suggestion
    decision = SuggestionDecision.objects.create(
        assessment=row.assessment,
        indicator_code=row.code,
        source=suggestion.source,
        decision=kind,
        suggested_level=rated.level,
        team_level=row.level,
        answers=dict(suggestion.answers),
        inputs=dict(suggestion.inputs),
        figures=dict(suggestion.figures),
        summary=suggestion.summary,
        evidence=[{"label": line.label, "detail": line.detail} for line in suggestion.evidence],
        rows=list(suggestion.rows),
        reason=reason,
        decided_by=actor,
    )
    return decision


def _changes(decision: SuggestionDecision) -> dict[str, object]:
    """What the audit entry keeps of a decision: the indicator, the source, both ratings,
    the figures (not the evidence, which names offices) and the reason."""
    return {
        "indicator": decision.indicator_code,
        "source": decision.source,
        "suggested_level": decision.suggested_level,
        "team_level": decision.team_level,
        "figures": decision.figures,
        "reason": decision.reason,
    }


def suggestion_accept(
    *, actor: Person, indicator: IndicatorAssessment, source: str, expected_version: int
) -> SuggestionDecision:
    """Applies the suggestion's answers and inputs to the indicator (reassessed, rated again,
    the computed rating agreed) and records the acceptance. ``expected_version`` is the
    indicator's version the person saw: a row saved since is refused (409)."""
    guards.require_edit(actor, indicator.assessment)
    rated = suggested.suggestion_get(actor, indicator, source)
    values = IndicatorValues(
        reassessed=True,
        answers=rated.answers,
        findings=indicator.findings,
        inputs=rated.inputs,
        justification=indicator.justification,
    )
    with transaction.atomic():
        saved = indicator_update(
            actor=actor, indicator=indicator, expected_version=expected_version, values=values
        )
        saved.assessment = indicator.assessment
        decision = _decision(actor, saved, rated, SuggestionDecisionKind.ACCEPTED, "")
        audit.record(
            actor=actor,
            action="assessment.suggestion.accept",
            target=decision,
            changes=_changes(decision),
            organisation_id=decision.assessment.organisation_id,
        )
    return decision


def suggestion_override(
    *, actor: Person, indicator: IndicatorAssessment, source: str, reason: str
) -> SuggestionDecision:
    """Records that the team keeps its own rating rather than the suggestion, and why."""
    guards.require_edit(actor, indicator.assessment)
    reason = reason.strip()
    if not reason:
        raise ValidationFailed({"reason": [_("Say why the team does not take the suggestion.")]})
    rated = suggested.suggestion_get(actor, indicator, source)
    with transaction.atomic():
        guards.require_edit(actor, indicator.assessment)
        decision = _decision(actor, indicator, rated, SuggestionDecisionKind.OVERRIDDEN, reason)
        audit.record(
            actor=actor,
            action="assessment.suggestion.override",
            target=decision,
            changes=_changes(decision),
            organisation_id=decision.assessment.organisation_id,
        )
    return decision
