"""Two people editing the same action point, or the same process and context texts, from
pages opened at the same time: the second save is refused (409, with a way to reload)
instead of silently overwriting the first (attacker finding 4)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cometa.core.errors import Conflict
from cometa.scorecards.assessments import services
from cometa.scorecards.models import ActionPoint
from cometa.scorecards.records import services as record_services
from tests.conftest import signed_in
from tests.scorecards.test_api import a_url, call, error_of


@pytest.fixture
def action(world, assessment):
    return record_services.action_save(
        actor=world.bolat,
        assessment=assessment,
        content=record_services.ActionContent(indicator_code="2.2", text="Train staff."),
    )


def _content(text):
    return record_services.ActionContent(indicator_code="2.2", text=text)


# --- services ---------------------------------------------------------------------------------


def test_a_stale_action_point_save_is_refused_and_keeps_the_first(world, assessment, action):
    assert action.version == 1
    first = record_services.action_save(
        actor=world.aisha,
        assessment=assessment,
        action=ActionPoint.objects.get(pk=action.pk),
        expected_version=1,
        content=_content("First."),
    )
    assert first.version == 2
    with pytest.raises(Conflict) as refused:
        record_services.action_save(
            actor=world.bolat,
            assessment=assessment,
            action=action,
            expected_version=1,
            content=_content("Second."),
        )
    assert refused.value.code == "edit_conflict" and "Reload" in refused.value.message
    assert ActionPoint.objects.get(pk=action.pk).text == "First."


def test_a_change_of_an_action_point_must_say_which_version_it_read(world, assessment, action):
    with pytest.raises(TypeError):
        record_services.action_save(
            actor=world.bolat, assessment=assessment, action=action, content=_content("X.")
        )


def test_stale_process_and_context_texts_are_refused(world, assessment):
    assert assessment.text_version == 1
    services.assessment_update_text(
        actor=world.aisha,
        assessment=assessment,
        process_text="First.",
        context_text="",
        expected_version=1,
    )
    with pytest.raises(Conflict) as refused:
        services.assessment_update_text(
            actor=world.bolat,
            assessment=assessment,
            process_text="Second.",
            context_text="",
            expected_version=1,
        )
    assert refused.value.code == "edit_conflict"
    assessment.refresh_from_db()
    assert (assessment.process_text, assessment.text_version) == ("First.", 2)


# --- API ---------------------------------------------------------------------------------------


def test_the_api_answers_409_for_a_stale_action_point(world, assessment, action):
    url = a_url(assessment, f"actions/{action.pk}/")
    listed = call(world.bolat, "GET", a_url(assessment, "actions/")).json()["results"]
    assert listed[0]["version"] == 1
    assert call(world.aisha, "PATCH", url, {"version": 1, "text": "First."}).status_code == 200
    error = error_of(
        call(world.bolat, "PATCH", url, {"version": 1, "text": "Second."}), 409, "edit_conflict"
    )
    assert "Reload" in error["message"]
    assert (
        "version"
        in error_of(call(world.bolat, "PATCH", url, {"text": "X"}), 400, "invalid")["fields"]
    )
    later = call(world.bolat, "PATCH", url, {"version": 2, "status": "done"}).json()
    assert (later["text"], later["status"], later["version"]) == ("First.", "done", 3)


def test_the_api_answers_409_for_stale_texts(world, assessment):
    url = a_url(assessment)
    assert call(world.bolat, "GET", url).json()["text_version"] == 1
    assert (
        call(world.aisha, "PATCH", url, {"text_version": 1, "process_text": "First."}).status_code
        == 200
    )
    stale = call(world.bolat, "PATCH", url, {"text_version": 1, "context_text": "Second."})
    assert "Reload" in error_of(stale, 409, "edit_conflict")["message"]
    assessment.refresh_from_db()
    assert (assessment.process_text, assessment.context_text) == ("First.", "")


# --- pages -------------------------------------------------------------------------------------


def test_the_action_page_shows_a_conflict_with_a_reload_link(world, assessment, action):
    url = reverse("scorecards:action-edit", args=[action.pk])
    body = {"indicator_code": "2.2", "status": "planned", "version": 1}
    first = signed_in(world.aisha).post(url, {**body, "text": "First."})
    assert first.status_code == 302
    stale = signed_in(world.bolat).post(url, {**body, "text": "Second."})
    assert stale.status_code == 409
    page = stale.content.decode()
    assert "Reload" in page and f'href="{url}"' in page and "Second." in page
    assert ActionPoint.objects.get(pk=action.pk).text == "First."


def test_the_assessment_page_shows_a_conflict_on_the_texts(world, assessment):
    url = reverse("scorecards:assessment-text", args=[assessment.pk])
    first = signed_in(world.aisha).post(url, {"process_text": "First.", "text_version": 1})
    assert first.status_code == 302
    stale = signed_in(world.bolat).post(url, {"process_text": "Second.", "text_version": 1})
    assert stale.status_code == 409
    page = stale.content.decode()
    reload_url = reverse("scorecards:assessment", args=[assessment.pk])
    assert "Reload" in page and f'href="{reload_url}#process"' in page and "Second." in page
    assessment.refresh_from_db()
    assert assessment.process_text == "First."
