"""Gathers an assessment's facts from the database and runs the pure quality checks."""

from __future__ import annotations

from collections import Counter

from django.utils import timezone

from cometa.scorecards.assessments.qa import ActionFacts, Finding, IndicatorFacts, check
from cometa.scorecards.assessments.services import latest_ratings
from cometa.scorecards.frameworks.store import framework_of
from cometa.scorecards.models import ActionStatus, Assessment, AssessmentKind


def quality_findings(assessment: Assessment) -> list[Finding]:
    framework = framework_of(assessment.framework)
    evidence = Counter(assessment.evidence.values_list("indicator_code", flat=True))
    previous = latest_ratings(assessment.organisation, framework.identifier, assessment.year)
    facts = []
    for row in assessment.indicators.all():
        definition = framework.indicator(row.code)
        facts.append(
            IndicatorFacts(
                code=row.code,
                reassessed=row.reassessed,
                computed=row.computed_level,
                agreed=row.agreed_level,
                difference_reason=row.difference_reason,
                justification=row.justification,
                answers=dict(row.answers),
                findings=dict(row.findings),
                inputs=dict(row.inputs),
                input_ranges={i.key: (i.min, i.max) for i in definition.inputs},
                evidence_count=evidence.get(row.code, 0),
                previous=previous.get(row.code, (None, 0))[0],
            )
        )
    actions = [
        ActionFacts(
            a.indicator_code,
            a.text,
            a.due_date,
            a.status in (ActionStatus.DONE, ActionStatus.DROPPED),
        )
        for a in assessment.actions.all()
    ]
    return check(
        annual=assessment.kind == AssessmentKind.ANNUAL,
        levels=framework.level_keys,
        indicators=facts,
        actions=actions,
        today=timezone.now().date(),
    )
