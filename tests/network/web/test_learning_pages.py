"""The learning pages: the backbone writes a note on a frozen snapshot and its actions,
partners read it with the values as frozen (never a participant), the owner closes an
action, and the meeting page lists what to review and records the review."""

from __future__ import annotations

from datetime import date

import pytest

from cometa.network.models import LearningAction, LearningNote, LearningReview
from cometa.network.services import network as network_services
from cometa.network.services.learning import action_add, note_write
from tests.conftest import make_person, signed_in
from tests.network.learning import snapshot

pytestmark = pytest.mark.django_db

DUE = date(2024, 9, 30)


def _base(net) -> str:  # type: ignore[no-untyped-def]
    return f"/network/{net.network.pk}/learning/"


def _note(net, run, **kw):  # type: ignore[no-untyped-def]
    fields = {"title": "Attendance fell", "text": "Fewer came after the summer.",
              "codes": ["CI-03", "CI-01"]} | kw  # fmt: skip
    return note_write(actor=net.bea, network=net.network, snapshot=run, **fields)


def test_a_coordinator_writes_a_note_choosing_only_frozen_snapshots(net):
    unfrozen = snapshot(net.network, frozen=False)
    frozen = snapshot(net.network, label="Close of 2024")
    client = signed_in(net.bea)
    form = client.get(_base(net) + "new/")
    assert form.status_code == 200 and "Close of 2024" in form.content.decode()
    assert ">2024 (2024)<" not in form.content.decode()  # the unfrozen run's label
    refused = client.post(_base(net) + "new/", {"snapshot": unfrozen.pk, "title": "T", "text": "X"})
    assert refused.status_code == 400 and not LearningNote.objects.exists()
    done = client.post(
        _base(net) + "new/",
        {"snapshot": frozen.pk, "title": "Reach", "text": "More rural women", "codes": ["CI-01"],
         "member": net.cemex.pk},
    )  # fmt: skip
    note = LearningNote.objects.get()
    assert done.status_code == 302 and done["Location"].endswith(f"/learning/{note.pk}/")
    assert note.code_list == ["CI-01"] and note.member == net.cemex
    assert signed_in(net.pablo).get(_base(net) + "new/").status_code == 403


def test_without_a_frozen_snapshot_the_form_says_how_to_get_one(net):
    snapshot(net.network, frozen=False)
    page = signed_in(net.bea).get(_base(net) + "new/").content.decode()
    assert "No indicator values are frozen yet" in page and '<form method="post"' not in page


def test_a_partner_reads_the_note_with_its_values_as_frozen(net):
    run = snapshot(net.network)
    note = _note(net, run)
    woman = net.register(net.cemex)
    action_add(actor=net.bea, note=note, text="Call the centres", owner=net.sofia, due_on=DUE)
    page = signed_in(net.vera).get(_base(net) + f"{note.pk}/")
    text = page.content.decode()
    assert page.status_code == 200
    assert "40.0%" in text and "(12/30)" in text and "hidden" in text
    assert "Call the centres" in text and "Sofia" in text and "Overdue" in text
    assert woman.code not in text and "María" not in text
    assert "Add an action" not in text and "Change the status" not in text
    outsider = make_person("out@example.org", "Out")
    assert signed_in(outsider).get(_base(net) + f"{note.pk}/").status_code == 404
    assert signed_in(outsider).get(_base(net)).status_code == 404


def test_the_list_searches_filters_and_flags_overdue_actions(net):
    run = snapshot(net.network)
    attendance = _note(net, run)
    _note(net, run, title="Reach", text="More rural women", codes=["CI-01"])
    action_add(actor=net.bea, note=attendance, text="Call", owner=net.sofia, due_on=DUE)
    client = signed_in(net.quim)
    page = client.get(_base(net) + "?q=rural").content.decode()
    assert "Reach" in page and "Attendance fell" not in page
    page = client.get(_base(net) + "?status=overdue").content.decode()
    assert "Attendance fell" in page and ">Reach<" not in page
    assert "Overdue" in page
    page = client.get(_base(net) + "?code=CI-03").content.decode()
    assert "Attendance fell" in page and ">Reach<" not in page


def test_actions_are_added_and_closed_by_their_owner(net):
    note = _note(net, snapshot(net.network))
    added = signed_in(net.bea).post(
        _base(net) + f"{note.pk}/actions/",
        {"text": "Call the centres", "owner": net.sofia.pk, "due_on": "2024-09-30"},
    )
    action = LearningAction.objects.get()
    assert added.status_code == 302 and action.owner == net.sofia
    status = f"{_base(net)}actions/{action.pk}/status/"
    assert signed_in(net.pablo).post(status, {"status": "done"}).status_code == 403
    signed_in(net.sofia).post(status, {"status": "dropped"})  # no reason: refused
    action.refresh_from_db()
    assert action.status == "open"
    signed_in(net.sofia).post(status, {"status": "dropped", "reason": "No budget"})
    action.refresh_from_db()
    assert (action.status, action.reason) == ("dropped", "No budget")
    page = signed_in(net.sofia).get(_base(net) + f"{note.pk}/").content.decode()
    assert '<option value="open">' in page and '<option value="done">' not in page
    signed_in(net.sofia).post(status, {"status": "open"})
    action.refresh_from_db()
    assert action.status == "open"
    signed_in(net.sofia).post(status, {"status": "done"})
    page = signed_in(net.bea).get(_base(net) + f"{note.pk}/").content.decode()
    assert "Done on" in page and "Change the status" not in page  # done stays done


def test_the_meeting_page_lists_what_to_review_and_records_the_review(net):
    note = _note(net, snapshot(net.network))
    action = action_add(actor=net.bea, note=note, text="Call the centres", owner=net.sofia,
                        due_on=DUE)  # fmt: skip
    meeting = network_services.meeting_record(
        actor=net.bea, network=net.network, kind="partners", held_on=date(2100, 1, 1),
        title="Partners",
    )  # fmt: skip
    url = f"/network/{net.network.pk}/meetings/{meeting.pk}/"
    page = signed_in(net.vera).get(url).content.decode()
    assert "Call the centres" in page and "Attendance fell" in page
    assert "Record the review" not in page  # partners' staff read it only
    page = signed_in(net.bea).get(url).content.decode()
    assert "Record the review" in page
    refused = signed_in(net.vera).post(url + "reviews/", {"note": note.pk, "outcome": "x"})
    assert refused.status_code == 403
    moved = {"action": action.pk, "outcome": "Half called", "new_due_on": "2101-01-01"}
    done = signed_in(net.bea).post(url + "reviews/", moved)
    assert done.status_code == 302
    action.refresh_from_db()
    assert action.due_on == date(2101, 1, 1) and LearningReview.objects.get().meeting == meeting
    page = signed_in(net.bea).get(url).content.decode()
    assert "Half called" in page and "Call the centres" in page  # reviewed, now due later
