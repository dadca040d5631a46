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
    audit.record(
        actor=actor,
        action=f"assessment.suggestion.{'accept' if kind == 'accepted' else 'override'}",
        target=decision,
        changes={
            "indicator": row.code,
            "source": suggestion.source,
            "suggested_level": rated.level,
            "team_level": row.level,
            "figures": dict(suggestion.figures),
            "reason": reason,
        },
        organisation_id=row.assessment.organisation_id,
    )
    return decision


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
        return _decision(actor, saved, rated, SuggestionDecisionKind.ACCEPTED, "")


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
        return _decision(actor, indicator, rated, SuggestionDecisionKind.OVERRIDDEN, reason)
