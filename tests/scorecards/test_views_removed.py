"""Undo on the assessment page: what was removed is listed for the team's editors, with a
button that puts it back; readers and other teams see nothing of it."""

from __future__ import annotations

from django.urls import reverse

from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.models import ActionPoint, Removed
from cometa.scorecards.records import services as record_services
from tests.conftest import signed_in


def _url(name, *args):
    return reverse(f"scorecards:{name}", args=args)


def _deleted_action(world, assessment) -> tuple[int, str]:
    action = record_services.action_save(
        actor=world.bolat,
        assessment=assessment,
        content=record_services.ActionContent(indicator_code="2.2", text="Joint campaign"),
    )
    pk = action.pk
    client = signed_in(world.bolat)
    response = client.post(_url("action-delete", pk), follow=True)
    return pk, response.content.decode()


def _removed_section(person, assessment) -> str:
    url = _url("assessment", assessment.pk) + "?section=removed"
    return signed_in(person).get(url).content.decode()


def test_deleting_says_how_to_undo_and_the_page_offers_to_put_it_back(world, assessment):
    pk, page = _deleted_action(world, assessment)
    assert "The action point was deleted." in page
    assert "You can put it back under “Recently removed” for 30 days." in page
    assert '<a href="?section=removed">Recently removed</a>' in page
    kept = Removed.objects.get()
    page = _removed_section(world.bolat, assessment)
    assert 'id="removed"' in page and "Joint campaign" in page
    assert _url("removed-restore", kept.pk) in page

    response = signed_in(world.aisha).post(_url("removed-restore", kept.pk))
    assert response.status_code == 302
    assert response["Location"].endswith("#actions")
    assert ActionPoint.objects.get(pk=pk).text == "Joint campaign"
    after = signed_in(world.aisha).get(_url("assessment", assessment.pk)).content.decode()
    assert "?section=removed" not in after
    assert "Nothing was removed" in _removed_section(world.aisha, assessment)


def test_readers_and_reviewers_do_not_see_what_was_removed(world, assessment):
    _deleted_action(world, assessment)
    for reader in (world.sara, world.ada):
        page = signed_in(reader).get(_url("assessment", assessment.pk)).content.decode()
        assert ("Recently removed" in page) is (reader == world.ada)  # the admin may edit
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    page = signed_in(world.rita).get(_url("assessment", assessment.pk)).content.decode()
    assert "Recently removed" not in page and "Joint campaign" not in page


def test_a_submitted_assessment_lists_what_was_removed_without_the_button(world, assessment):
    _deleted_action(world, assessment)
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    kept = Removed.objects.get()
    page = _removed_section(world.aisha, assessment)
    assert "Joint campaign" in page and _url("removed-restore", kept.pk) not in page
    response = signed_in(world.aisha).post(_url("removed-restore", kept.pk))
    assert response.status_code == 409
    assert (
        "The assessment is submitted: it cannot be changed until it is returned."
        in response.content.decode()
    )
    assert not ActionPoint.objects.exists()


def test_the_page_is_in_the_readers_language(world, assessment):
    _deleted_action(world, assessment)
    page = (
        signed_in(world.aisha)
        .get(_url("assessment", assessment.pk), HTTP_ACCEPT_LANGUAGE="ru")
        .content.decode()
    )
    assert "Недавно удалённое" in page
