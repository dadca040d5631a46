"""Writing one demo assessment (one :class:`~cometa.demo.loading.Year` of a team file)
through the services, as its people would: the coordinator creates it and writes its
records, the editors rate, the reviewer takes it through review. Ratings are computed by
the engine and every change is in the audit trail.
"""

from __future__ import annotations

from dataclasses import dataclass

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation, Person
from cometa.demo import answers
from cometa.demo.loading import Common, DemoDataError, Document, Rated, Year
from cometa.scorecards.assessments import services
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.frameworks.engine import Answer, rate
from cometa.scorecards.frameworks.model import Framework
from cometa.scorecards.models import (
    Assessment,
    AssessmentStatus,
    Cycle,
    Evidence,
    FrameworkVersion,
    IndicatorAssessment,
)
from cometa.scorecards.records import evidence, good_practice
from cometa.scorecards.records import services as record_services


@dataclass
class Cast:
    """Who does what for one team."""

    coordinator: Person
    reviewer: Person | None
    editors: dict[str, Person]  # demo accounts by local part, as ratings name them

    def editor(self, account: str) -> Person:
        return self.editors[account] if account else self.coordinator


@dataclass(frozen=True)
class Place:
    """Where a year is written: the team's organisation, framework and cycle."""

    organisation: Organisation
    version: FrameworkVersion
    framework: Framework
    cycle: Cycle | None
    key: str  # the team's key in the data: stable choices derive from it


def write_year(cast: Cast, place: Place, spec: Year, common: Common) -> Assessment:
    actor = cast.coordinator
    assessment = services.assessment_create(
        actor=actor,
        new=services.NewAssessment(
            organisation=place.organisation,
            framework=place.version,
            year=spec.year,
            kind=spec.kind,
            cycle=place.cycle,
        ),
    )
    if spec.process:
        services.assessment_update_text(
            actor=actor,
            assessment=assessment,
            process_text=spec.process,
            context_text="",
            expected_version=assessment.text_version,
        )
    for member in spec.team or ():
        record_services.team_member_add(
            actor=actor,
            assessment=assessment,
            name=member.name,
            entity=member.entity,
            title=member.title,
        )
    for code, rated in spec.ratings.items():
        _rate(cast, place, assessment, code, rated, common)
    for code, note in spec.notes.items():
        _note(actor, assessment, code, note)
    for document in spec.documents:
        _document(actor, assessment, document)
    for action in spec.actions:
        record_services.action_save(
            actor=actor,
            assessment=assessment,
            content=record_services.ActionContent(
                indicator_code=action.indicator,
                text=action.text,
                responsible=action.responsible,
                status=action.status,
                progress=dict(action.progress),
            ),
        )
    return _walk(cast, assessment, spec)


def _rate(
    cast: Cast, place: Place, assessment: Assessment, code: str, rated: Rated, common: Common
) -> None:
    framework, key = place.framework, f"{place.key}/{assessment.year}/{code}"
    indicator = framework.indicator(code)
    answers_given, inputs = rated.answers, dict(rated.inputs)
    findings = dict(rated.findings)
    if answers_given is None:
        answers_given, inputs = answers.answers_for(framework, indicator, rated.level, inputs, key)
        sentences = common.finding_sentences
        for criterion, answer in sorted(answers_given.items()):
            if answer == "met" and criterion not in findings:
                findings[criterion] = sentences[answers.pick(key + criterion, len(sentences))]
    rating = rate(indicator, {k: Answer(v) for k, v in answers_given.items()}, inputs)
    if rating.level != rated.level:
        raise DemoDataError(
            f"{key}: the answers give {rating.level!r}, the demo data says {rated.level!r}"
        )
    row = _row(assessment, code)
    services.indicator_update(
        actor=cast.editor(rated.editor),
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True,
            answers=answers_given,
            findings=findings,
            inputs=inputs,
            agreed_level=rated.agreed_level,
            difference_reason=rated.difference_reason,
            justification=rated.justification
            or answers.justification(framework, indicator, rating, assessment.year),
        ),
    )


def _row(assessment: Assessment, code: str) -> IndicatorAssessment:
    """The indicator row, holding the very assessment object (whose team and framework are
    loaded already), which saves the service several queries per save."""
    row = IndicatorAssessment.objects.get(assessment=assessment, code=code)
    row.assessment = assessment
    return row


def _note(actor: Person, assessment: Assessment, code: str, note: str) -> None:
    row = _row(assessment, code)
    services.indicator_update(
        actor=actor,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(reassessed=False, justification=note),
    )


def _document(actor: Person, assessment: Assessment, document: Document) -> Evidence:
    """A link, or (as imported reports list them) only the name of a document; a good
    practice is marked as such by the system (the demo's curation)."""
    if document.url:
        item = evidence.evidence_link(
            actor=actor,
            assessment=assessment,
            url=document.url,
            title=document.title,
            indicator_code=document.indicator,
            category=document.category,
            shared=document.shared,
        )
    else:
        item = evidence.evidence_document(
            actor=actor,
            assessment=assessment,
            title=document.title,
            indicator_code=document.indicator,
            category=document.category,
            shared=document.shared,
        )
    if document.good_practice:
        item = good_practice.evidence_good_practice_set(
            actor=SYSTEM, evidence=item, good_practice=True
        )
    return item


# The workflow steps that take a draft to each status, in order.
STEPS_TO: dict[str, tuple[str, ...]] = {
    AssessmentStatus.DRAFT: (),
    AssessmentStatus.SUBMITTED: ("submit",),
    AssessmentStatus.UNDER_REVIEW: ("submit", "start_review"),
    AssessmentStatus.RETURNED: ("submit", "start_review", "return"),
    AssessmentStatus.APPROVED: ("submit", "start_review", "approve"),
    AssessmentStatus.PUBLISHED: ("submit", "start_review", "approve", "publish"),
}


def _walk(cast: Cast, assessment: Assessment, spec: Year) -> Assessment:
    """Takes a draft through the workflow up to the year's status: the coordinator
    submits, the reviewer does the rest."""
    for step in STEPS_TO[spec.status]:
        actor = cast.coordinator if step == "submit" else cast.reviewer
        if actor is None:
            raise DemoDataError(f"{spec.source}: {spec.year} needs a reviewer to {step}")
        comment = spec.return_comment if step == "return" else ""
        assessment = transition(actor=actor, assessment=assessment, step_name=step, comment=comment)
    return assessment
