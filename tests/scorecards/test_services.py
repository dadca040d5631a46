from __future__ import annotations

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import Conflict, NotPermitted, ServiceError, ValidationFailed
from cometa.scorecards.assessments import services
from cometa.scorecards.models import AssessmentKind, IndicatorAssessment
from cometa.scorecards.records import services as record_services


def _row(assessment, code):
    return IndicatorAssessment.objects.get(assessment=assessment, code=code)


def test_an_assessment_starts_with_every_indicator(assessment):
    codes = list(assessment.indicators.values_list("code", flat=True))
    assert len(codes) == 15 and codes[0] == "1.1" and codes[-1] == "7.1"
    assert all(assessment.indicators.values_list("reassessed", flat=True))


def test_saving_answers_computes_the_rating_and_its_trace(world, assessment):
    row = _row(assessment, "3.2")
    saved = services.indicator_update(
        actor=world.bolat,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True,
            answers={"meets.a": "met", "meets.b": "met", "meets.c": "not_met"},
            findings={"meets.a": "Two joint initiatives with CSOs.", "meets.b": "CSOs consulted."},
        ),
    )
    assert saved.computed_level == saved.agreed_level == "meets"
    assert saved.trace["decided_by"] == "meets"
    assert saved.trace["next_level"] == "exceeds"
    assert AuditEntry.objects.filter(action="assessment.indicator.update").count() == 1


def test_a_band_input_decides_a_numeric_indicator(world, assessment):
    row = _row(assessment, "1.3")
    saved = services.indicator_update(
        actor=world.bolat,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True, inputs={next(iter(_inputs(assessment, "1.3"))): 40}
        ),
    )
    assert saved.computed_level == "meets"


def _inputs(assessment, code):
    from cometa.scorecards.frameworks.store import framework_of

    return [i.key for i in framework_of(assessment.framework).indicator(code).inputs]


def test_a_different_agreed_rating_needs_a_reason(world, assessment):
    row = _row(assessment, "2.1")
    with pytest.raises(ValidationFailed) as caught:
        services.indicator_update(
            actor=world.bolat,
            indicator=row,
            expected_version=row.version,
            values=services.IndicatorValues(reassessed=True, answers={}, agreed_level="exceeds"),
        )
    assert caught.value.field == "difference_reason"
    saved = services.indicator_update(
        actor=world.bolat,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True,
            agreed_level="approaches",
            difference_reason="Evidence found after the workshop.",
        ),
    )
    assert (saved.computed_level, saved.agreed_level) == ("missing", "approaches")


@pytest.mark.parametrize(
    ("answers", "field", "words"),
    [
        ({"meets.z": "met"}, "answers.meets.z", "meets.z"),
        ({"meets.a": "perhaps"}, "answers.meets.a", "perhaps"),
    ],
)
def test_answers_for_criteria_that_do_not_exist_are_refused(
    world, assessment, answers, field, words
):
    row = _row(assessment, "3.2")
    with pytest.raises(ValidationFailed) as caught:
        services.indicator_update(
            actor=world.bolat,
            indicator=row,
            expected_version=row.version,
            values=services.IndicatorValues(reassessed=True, answers=answers),
        )
    assert caught.value.field == field and words in caught.value.message
    assert _row(assessment, "3.2").version == row.version


def test_a_rating_outside_the_levels_is_refused(world, assessment):
    row = _row(assessment, "3.2")
    with pytest.raises(ValidationFailed, match="not a level"):
        services.indicator_update(
            actor=world.bolat,
            indicator=row,
            expected_version=row.version,
            values=services.IndicatorValues(
                reassessed=True, agreed_level="superb", difference_reason="x"
            ),
        )


def test_the_later_of_two_concurrent_saves_is_refused(world, assessment):
    first_view = _row(assessment, "4.1")
    second_view = _row(assessment, "4.1")
    services.indicator_update(
        actor=world.bolat,
        indicator=first_view,
        expected_version=first_view.version,
        values=services.IndicatorValues(reassessed=True, answers={"meets.a": "met"}),
    )
    with pytest.raises(Conflict) as caught:
        services.indicator_update(
            actor=world.aisha,
            indicator=second_view,
            expected_version=second_view.version,
            values=services.IndicatorValues(reassessed=True, answers={"meets.b": "met"}),
        )
    assert caught.value.code == "edit_conflict" and "Reload" in caught.value.message
    assert _row(assessment, "4.1").answers == {"meets.a": "met"}


def test_viewers_and_outsiders_cannot_edit(world, assessment):
    row = _row(assessment, "4.1")
    for person in (world.sara, world.oscar):
        with pytest.raises(NotPermitted):
            services.indicator_update(
                actor=person,
                indicator=row,
                expected_version=row.version,
                values=services.IndicatorValues(reassessed=True),
            )


def test_an_annual_assessment_carries_earlier_ratings_with_their_year(world, swap, assessment):
    row = _row(assessment, "5.1")
    services.indicator_update(
        actor=world.bolat,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True, agreed_level="approaches", difference_reason="Agreed in the workshop."
        ),
    )
    annual = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2023, kind=AssessmentKind.ANNUAL
        ),
    )
    carried = _row(annual, "5.1")
    assert (carried.reassessed, carried.agreed_level, carried.rating_year) == (
        False,
        "approaches",
        2022,
    )


def test_one_assessment_per_team_and_year(world, swap, assessment):
    with pytest.raises(ValidationFailed) as caught:
        services.assessment_create(
            actor=world.aisha,
            new=services.NewAssessment(
                organisation=world.unct, framework=swap, year=2022, kind=AssessmentKind.ANNUAL
            ),
        )
    assert caught.value.field == "year"


def test_action_points_need_a_known_indicator(world, assessment):
    with pytest.raises(ValidationFailed) as caught:
        record_services.action_save(
            actor=world.bolat,
            assessment=assessment,
            content=record_services.ActionContent(indicator_code="9.9", text="Do something"),
        )
    assert caught.value.field == "indicator_code"
    point = record_services.action_save(
        actor=world.bolat,
        assessment=assessment,
        content=record_services.ActionContent(
            indicator_code="4.3", text="Collect parity data", progress={"2022": "Survey planned"}
        ),
    )
    assert point.progress == {"2022": "Survey planned"}


def test_team_members_are_audited(world, assessment):
    record_services.team_member_add(
        actor=world.bolat, assessment=assessment, name="Ana", entity="UNDP"
    )
    assert AuditEntry.objects.filter(action="assessment.team.add").exists()
    with pytest.raises(ServiceError):
        record_services.team_member_add(
            actor=world.bolat, assessment=assessment, name="", entity="UNDP"
        )
