from __future__ import annotations

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted, ServiceError
from cometa.scorecards.assessments import services
from cometa.scorecards.assessments.workflow import allowed_steps, transition
from cometa.scorecards.models import AssessmentKind, IndicatorAssessment


def _advance(world, assessment):
    assessment = transition(actor=world.aisha, assessment=assessment, step_name="submit")
    return transition(actor=world.rita, assessment=assessment, step_name="start_review")


def test_the_full_path_to_publication_is_audited(world, assessment):
    assessment = _advance(world, assessment)
    assessment = transition(actor=world.rita, assessment=assessment, step_name="approve")
    assessment = transition(actor=world.rita, assessment=assessment, step_name="publish")
    assert assessment.status == "published" and assessment.published_at
    actions = list(
        AuditEntry.objects.filter(action__startswith="assessment.").values_list("action", flat=True)
    )
    assert {
        "assessment.submit",
        "assessment.start_review",
        "assessment.approve",
        "assessment.publish",
    } <= set(actions)


def test_a_submitted_assessment_cannot_be_edited_until_returned(world, assessment):
    assessment = transition(actor=world.aisha, assessment=assessment, step_name="submit")
    row = IndicatorAssessment.objects.get(assessment=assessment, code="1.1")
    with pytest.raises(ServiceError) as caught:
        services.indicator_update(
            actor=world.aisha,
            indicator=row,
            expected_version=row.version,
            values=services.IndicatorValues(reassessed=True),
        )
    assert caught.value.code == "not_editable"
    transition(
        actor=world.rita, assessment=assessment, step_name="return", comment="Add evidence for 2.2"
    )
    assessment.refresh_from_db()
    services.indicator_update(
        actor=world.aisha,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(reassessed=True),
    )
    assert assessment.comments.get().text == "Add evidence for 2.2"


def test_returning_needs_a_comment(world, assessment):
    assessment = _advance(world, assessment)
    with pytest.raises(ServiceError) as caught:
        transition(actor=world.rita, assessment=assessment, step_name="return")
    assert caught.value.code == "comment_required"


def test_nobody_approves_what_they_submitted(world, assessment):
    assessment = transition(actor=world.ada, assessment=assessment, step_name="submit")
    assessment = transition(actor=world.ada, assessment=assessment, step_name="start_review")
    with pytest.raises(NotPermitted):
        transition(actor=world.ada, assessment=assessment, step_name="approve")


def test_only_coordinators_submit_and_only_reviewers_approve(world, assessment):
    with pytest.raises(NotPermitted):
        transition(actor=world.bolat, assessment=assessment, step_name="submit")
    assessment = transition(actor=world.aisha, assessment=assessment, step_name="submit")
    with pytest.raises(NotPermitted):
        transition(actor=world.aisha, assessment=assessment, step_name="start_review")
    assert allowed_steps(world.rita, assessment) == ["start_review", "return"]


def test_an_annual_assessment_with_fewer_than_five_reassessed_cannot_be_submitted(world, swap):
    annual = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2024, kind=AssessmentKind.ANNUAL
        ),
    )
    with pytest.raises(ServiceError) as caught:
        transition(actor=world.aisha, assessment=annual, step_name="submit")
    assert caught.value.code == "QA001"
    annual.refresh_from_db()
    assert annual.status == "draft"


def test_unapproving_reopens_review_and_needs_a_reason(world, assessment):
    assessment = _advance(world, assessment)
    assessment = transition(actor=world.rita, assessment=assessment, step_name="approve")
    assessment = transition(
        actor=world.rita, assessment=assessment, step_name="unapprove", comment="Approved too early"
    )
    assert assessment.status == "under_review" and assessment.approved_by is None


def test_a_step_from_the_wrong_state_is_refused(world, assessment):
    with pytest.raises(ServiceError) as caught:
        transition(actor=world.rita, assessment=assessment, step_name="approve")
    assert caught.value.code == "wrong_state"
