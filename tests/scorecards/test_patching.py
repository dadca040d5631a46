"""Partial updates through the API: what a PATCH leaves out is kept, findings included."""

from __future__ import annotations

from cometa.scorecards.models import IndicatorAssessment
from tests.scorecards.test_api import a_url, call


def test_a_patch_of_one_finding_keeps_the_findings_it_does_not_mention(world, assessment):
    url = a_url(assessment, "indicators/3.2/")
    first = {"meets.a": "Joint initiatives with CSOs.", "meets.b": "A shared workplan."}
    assert call(world.bolat, "PATCH", url, {"version": 1, "findings": first}).status_code == 200
    response = call(
        world.bolat, "PATCH", url, {"version": 2, "findings": {"meets.b": "A costed workplan."}}
    )
    assert response.status_code == 200, response.content
    assert response.json()["findings"] == {
        "meets.a": "Joint initiatives with CSOs.",
        "meets.b": "A costed workplan.",
    }


def test_a_finding_sent_blank_is_removed_and_the_others_stay(world, assessment):
    url = a_url(assessment, "indicators/3.2/")
    first = {"meets.a": "Joint initiatives.", "meets.b": "A workplan."}
    call(world.bolat, "PATCH", url, {"version": 1, "findings": first})
    call(world.bolat, "PATCH", url, {"version": 2, "findings": {"meets.a": ""}})
    row = IndicatorAssessment.objects.get(assessment=assessment, code="3.2")
    assert row.findings == {"meets.b": "A workplan."}


def test_answers_and_inputs_are_merged_too(world, assessment):
    url = a_url(assessment, "indicators/3.2/")
    answers = {"meets.a": "met", "meets.b": "met", "meets.c": "not_met"}
    call(world.bolat, "PATCH", url, {"version": 1, "answers": answers})
    saved = call(world.bolat, "PATCH", url, {"version": 2, "answers": {"meets.c": "met"}}).json()
    assert saved["answers"] == {"meets.a": "met", "meets.b": "met", "meets.c": "met"}


def test_replacing_every_finding_is_asked_for_by_name(world, assessment):
    url = a_url(assessment, "indicators/3.2/")
    first = {"meets.a": "Joint initiatives.", "meets.b": "A workplan."}
    call(world.bolat, "PATCH", url, {"version": 1, "findings": first})
    body = {"version": 2, "findings": {"meets.b": "Only this."}, "replace": ["findings"]}
    response = call(world.bolat, "PATCH", url, body)
    assert response.status_code == 200, response.content
    assert response.json()["findings"] == {"meets.b": "Only this."}
