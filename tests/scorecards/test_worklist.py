"""The landing page's lists: what waits for a reviewer, and what a team still has to finish."""

from __future__ import annotations

from cometa.scorecards.assessments import services, worklist
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.models import AssessmentKind


def _lists(person) -> dict[str, list[str]]:
    return {
        found.label_key: [f"{row.organisation.name} {row.year}" for row in found.rows]
        for found in worklist.worklists(person)
    }


def _assessment(world, swap, organisation, year, actor):
    return services.assessment_create(
        actor=actor,
        new=services.NewAssessment(
            organisation=organisation, framework=swap, year=year, kind=AssessmentKind.COMPREHENSIVE
        ),
    )


def test_a_draft_waits_for_its_team_and_not_for_the_reviewer(world, assessment):
    assert _lists(world.aisha) == {"finish": ["UNCT Kazakhstan 2022"]}
    assert _lists(world.bolat) == {"finish": ["UNCT Kazakhstan 2022"]}  # editor in an entity
    assert _lists(world.rita) == {}
    assert _lists(world.sara) == {}  # a viewer finishes nothing
    assert _lists(world.oscar) == {}  # another team's coordinator sees nothing of it


def test_a_submitted_assessment_moves_to_the_reviewers_list(world, assessment):
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    assert _lists(world.aisha) == {}
    assert _lists(world.rita) == {"review": ["UNCT Kazakhstan 2022"]}
    assert _lists(world.oscar) == {}


def test_a_returned_assessment_goes_back_to_its_team(world, assessment):
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    transition(actor=world.rita, assessment=assessment, step_name="return", comment="More evidence")
    assert _lists(world.aisha) == {"finish": ["UNCT Kazakhstan 2022"]}
    assert _lists(world.rita) == {}


def test_reviewers_see_the_longest_waiting_first(world, swap):
    for team, year, coordinator in (
        (world.other_unct, 2023, world.oscar),
        (world.unct, 2022, world.aisha),
    ):
        made = _assessment(world, swap, team, year, coordinator)
        transition(actor=coordinator, assessment=made, step_name="submit")
    assert _lists(world.rita) == {"review": ["UNCT Mexico 2023", "UNCT Kazakhstan 2022"]}


def test_a_long_list_shows_the_first_rows_and_counts_them_all(world, swap, monkeypatch):
    monkeypatch.setattr(worklist, "SHOWN", 2)
    for year in (2020, 2021, 2022):
        _assessment(world, swap, world.unct, year, world.aisha)
    (found,) = worklist.worklists(world.aisha)
    assert found.total == 3
    assert [row.year for row in found.rows] == [2022, 2021]
    assert found.more == 1


def test_an_administrator_sees_both_lists(world, swap):
    _assessment(world, swap, world.unct, 2022, world.aisha)
    submitted = _assessment(world, swap, world.other_unct, 2022, world.oscar)
    transition(actor=world.oscar, assessment=submitted, step_name="submit")
    assert _lists(world.ada) == {
        "review": ["UNCT Mexico 2022"],
        "finish": ["UNCT Kazakhstan 2022"],
    }
