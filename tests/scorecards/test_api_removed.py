"""Undo through the API: the list of what was removed, and putting an item back."""

from __future__ import annotations

from cometa.scorecards.assessments import services
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.models import ActionPoint, Removed
from cometa.scorecards.records import services as record_services
from tests.scorecards.test_api import a_url, call, error_of


def _removed_action(world, assessment) -> tuple[int, Removed]:
    action = record_services.action_save(
        actor=world.bolat,
        assessment=assessment,
        content=record_services.ActionContent(indicator_code="5.2", text="Train focal points"),
    )
    pk = action.pk
    response = call(world.bolat, "DELETE", a_url(assessment, f"actions/{pk}/"))
    assert response.status_code == 204
    return pk, Removed.objects.get()


def test_editors_list_what_was_removed_and_readers_see_an_empty_list(world, assessment):
    _pk, kept = _removed_action(world, assessment)
    listed = call(world.aisha, "GET", a_url(assessment, "removed/")).json()
    assert [
        (row["id"], row["kind"], row["label"], row["removed_by"]) for row in listed["results"]
    ] == [(kept.pk, "action", "Train focal points", "Bolat")]
    assert call(world.sara, "GET", a_url(assessment, "removed/")).json()["results"] == []


def test_putting_back_returns_the_same_id(world, assessment):
    pk, kept = _removed_action(world, assessment)
    response = call(world.aisha, "POST", a_url(assessment, f"removed/{kept.pk}/restore/"))
    assert response.status_code == 200 and response.json() == {"kind": "action", "id": pk}
    assert ActionPoint.objects.get(pk=pk).text == "Train focal points"
    error_of(
        call(world.aisha, "POST", a_url(assessment, f"removed/{kept.pk}/restore/")),
        404,
        "not_found",
    )


def test_a_removal_is_reached_only_through_its_own_assessment(world, assessment, swap):
    _pk, kept = _removed_action(world, assessment)
    other = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2023, kind="annual"
        ),
    )
    error_of(
        call(world.aisha, "POST", a_url(other, f"removed/{kept.pk}/restore/")), 404, "not_found"
    )
    assert Removed.objects.filter(pk=kept.pk).exists()


def test_nothing_is_put_back_into_a_submitted_assessment(world, assessment):
    _pk, kept = _removed_action(world, assessment)
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    error_of(
        call(world.aisha, "POST", a_url(assessment, f"removed/{kept.pk}/restore/")),
        409,
        "not_editable",
    )
    error_of(
        call(world.sara, "POST", a_url(assessment, f"removed/{kept.pk}/restore/")), 403, "forbidden"
    )
