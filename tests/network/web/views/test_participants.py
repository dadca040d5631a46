"""A partner's participant list and a participant's page: who sees what, the state
changes, and removal, restoring and erasure with their confirmation step."""

from __future__ import annotations

from cometa.accounts.models import AuditEntry
from cometa.network.models import Enrolment, Identity, Participant
from tests.conftest import signed_in
from tests.network.story import NAME, NOTE, OTHER_NAME, PHONE


def _list(net, person, query=""):  # type: ignore[no-untyped-def]
    url = f"/network/{net.network.pk}/participants/"
    return signed_in(person).get(url + (f"?q={query}" if query else ""))


def _page(net, person, woman):  # type: ignore[no-untyped-def]
    return signed_in(person).get(f"/network/{net.network.pk}/participants/{woman.code}/")


def test_the_list_shows_her_partner_s_women_with_names_for_editors_only(net, story):
    editor = _list(net, net.pablo).content.decode()
    assert story.woman.code in editor and NAME in editor
    assert story.other.code not in editor and OTHER_NAME not in editor
    viewer = _list(net, net.vera).content.decode()
    assert story.woman.code in viewer and NAME not in viewer
    backbone = _list(net, net.bea).content.decode()
    assert story.woman.code in backbone and story.other.code in backbone
    assert NAME not in backbone and OTHER_NAME not in backbone


def test_names_shown_in_the_list_are_audited(net, story):
    before = AuditEntry.objects.filter(action="network.identity.read").count()
    _list(net, net.pablo)
    _list(net, net.vera)
    assert AuditEntry.objects.filter(action="network.identity.read").count() == before + 1


def test_the_list_is_searched_by_code(net, story):
    found = _list(net, net.bea, story.other.code[-5:]).content.decode()
    assert story.other.code in found and story.woman.code not in found


def test_another_partner_s_woman_is_not_found(net, story):
    assert _page(net, net.quim, story.woman).status_code == 404
    assert _page(net, net.pablo, story.other).status_code == 404
    outsider_list = signed_in(net.quim).get(f"/network/{net.network.pk + 99}/participants/")
    assert outsider_list.status_code == 404


def test_her_page_shows_identity_to_editors_and_flags_to_the_designated(net, story):
    sofia = _page(net, net.sofia, story.woman).content.decode()
    assert NAME in sofia and PHONE in sofia and NOTE in sofia
    pablo = _page(net, net.pablo, story.woman).content.decode()
    assert NAME in pablo and NOTE not in pablo
    bea = _page(net, net.bea, story.woman).content.decode()
    assert story.woman.code in bea and NAME not in bea and NOTE not in bea
    assert "CMX-24A" in bea and "call again" in bea


def test_an_editor_moves_her_enrolment_and_a_viewer_may_not(net, story):
    enrolment = story.enrolment
    url = f"/network/{net.network.pk}/enrolments/{enrolment.pk}/change/"
    body = {"to_status": "graduated", "on": "2024-09-15"}
    assert signed_in(net.vera).post(url, body).status_code == 403
    assert signed_in(net.quim).post(url, body).status_code == 404
    refused = signed_in(net.pablo).post(url, body)  # no graduation assessment passed
    assert refused.status_code == 409 and b'role="status"' in refused.content
    assert Enrolment.objects.get(pk=enrolment.pk).status == "completed"


def test_a_drop_out_is_recorded_with_its_reasons(net, story):
    fresh = net.register(net.cemex, name="Another")
    from datetime import date

    from cometa.network.services import progress

    enrolment = progress.enrol(
        actor=net.pablo, participant=fresh, cohort=net.cohort_a, enrolled_on=date(2024, 2, 5)
    )
    url = f"/network/{net.network.pk}/enrolments/{enrolment.pk}/change/"
    body = {"to_status": "dropped_out", "on": "2024-03-01", "reasons": ["care_child"]}
    response = signed_in(net.pablo).post(url, body)
    assert response.status_code == 302
    assert Enrolment.objects.get(pk=enrolment.pk).status == "dropped_out"


def test_removal_asks_first_then_removes_and_the_coordinator_puts_her_back(net, story):
    base = f"/network/{net.network.pk}/participants/{story.woman.code}/"
    asked = signed_in(net.pablo).get(base + "remove/")
    assert asked.status_code == 200 and b'name="reason"' in asked.content
    assert Participant.objects.get(pk=story.woman.pk).deleted_at is None
    assert signed_in(net.sofia).post(base + "remove/", {"reason": "duplicate"}).status_code == 403
    done = signed_in(net.pablo).post(base + "remove/", {"reason": "duplicate"})
    assert done.status_code == 302
    assert _page(net, net.pablo, story.woman).status_code == 404
    assert story.woman.code in _list(net, net.pablo).content.decode()  # among removed ones
    assert signed_in(net.quim).post(base + "restore/").status_code == 404
    assert signed_in(net.pablo).post(base + "restore/").status_code == 302
    assert _page(net, net.pablo, story.woman).status_code == 200


def test_erasure_asks_first_and_then_deletes_her_identity(net, story):
    base = f"/network/{net.network.pk}/participants/{story.woman.code}/erase/"
    assert signed_in(net.pablo).get(base).status_code == 200
    assert signed_in(net.pablo).post(base, {}).status_code == 400
    assert Identity.objects.filter(participant=story.woman).exists()
    assert signed_in(net.pablo).post(base, {"reason": "her_request"}).status_code == 302
    assert not Identity.objects.filter(participant=story.woman).exists()
