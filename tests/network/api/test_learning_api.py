"""The learning API: the backbone writes notes on frozen snapshots and their actions,
everyone in the network reads them with the snapshot's values as frozen (hidden entries
stay null), an action's owner closes it, a review at a meeting moves its due date, and
outsiders find nothing."""

from __future__ import annotations

import json
from datetime import date

import pytest

from cometa.network.models import LearningAction
from cometa.network.services import network as network_services
from cometa.network.services.learning import action_add, note_write
from tests.conftest import make_person, signed_in
from tests.network.learning import snapshot

pytestmark = pytest.mark.django_db


def _api(net, person, path, body=None, method="post"):  # type: ignore[no-untyped-def]
    url = f"/api/v1/network/networks/{net.network.pk}/learning/{path}"
    client = signed_in(person)
    if body is None:
        return client.get(url)
    return getattr(client, method)(url, json.dumps(body), content_type="application/json")


def test_a_note_is_written_on_a_frozen_snapshot_only(net):
    run, unfrozen = snapshot(net.network), snapshot(net.network, frozen=False)
    body = {"snapshot": run.pk, "title": "Reach", "text": "More rural women",
            "codes": ["CI-01"], "member": net.cemex.pk}  # fmt: skip
    done = _api(net, net.bea, "notes/", body)
    assert done.status_code == 201
    assert done.json()["codes"] == ["CI-01"] and done.json()["member"] == net.cemex.pk
    refused = _api(net, net.bea, "notes/", {**body, "snapshot": unfrozen.pk})
    assert refused.status_code == 400 and "snapshot" in refused.json()["error"]["fields"]
    wrong = _api(net, net.bea, "notes/", {**body, "codes": ["CI-99"]})
    assert wrong.status_code == 400 and "codes" in wrong.json()["error"]["fields"]
    assert _api(net, net.pablo, "notes/", body).status_code == 403


def test_partners_read_notes_and_values_outsiders_nothing(net):
    run = snapshot(net.network)
    note = note_write(actor=net.bea, network=net.network, snapshot=run, title="Attendance",
                      text="Fewer came", codes=["CI-01", "CI-03"])  # fmt: skip
    listed = _api(net, net.vera, "notes/?q=fewer").json()
    assert [row["id"] for row in listed["results"]] == [note.pk]
    assert _api(net, net.vera, "notes/?q=nothing").json()["results"] == []
    assert _api(net, net.vera, "notes/?status=bogus").status_code == 400
    detail = _api(net, net.vera, f"notes/{note.pk}/").json()
    values = {v["code"]: v for v in detail["values"]}
    assert values["CI-03"]["total"] == {"n": 30, "numerator": 12, "rate": "40.0"}
    assert values["CI-01"]["total"]["n"] is None  # hidden in the snapshot, hidden here
    assert values["CI-01"]["splits"][0]["cells"][0]["n"] == 32
    assert detail["computed_at"]
    outsider = make_person("out@example.org", "Out")
    assert _api(net, outsider, f"notes/{note.pk}/").status_code == 404
    assert _api(net, outsider, "notes/").status_code == 404


def test_actions_are_added_closed_by_their_owner_and_reviewed(net):
    note = note_write(actor=net.bea, network=net.network, snapshot=snapshot(net.network),
                      title="T", text="X")  # fmt: skip
    body = {"text": "Call the centres", "owner": net.sofia.pk, "due_on": "2024-09-30"}
    added = _api(net, net.bea, f"notes/{note.pk}/actions/", body)
    assert added.status_code == 201 and added.json()["overdue"] is True
    stranger = make_person("s@example.org", "S")
    bad = _api(net, net.bea, f"notes/{note.pk}/actions/", {**body, "owner": stranger.pk})
    assert bad.status_code == 400 and "owner" in bad.json()["error"]["fields"]
    action = f"actions/{added.json()['id']}/"
    assert _api(net, net.pablo, action, {"status": "done"}, "patch").status_code == 403
    dropped = _api(net, net.sofia, action, {"status": "dropped"}, "patch")
    assert dropped.status_code == 400 and "reason" in dropped.json()["error"]["fields"]
    done = _api(net, net.sofia, action, {"status": "done"}, "patch")
    assert done.status_code == 200 and done.json()["status"] == "done"
    assert done.json()["done_at"]


def test_a_review_at_a_meeting_moves_the_due_date(net):
    note = note_write(actor=net.bea, network=net.network, snapshot=snapshot(net.network),
                      title="T", text="X")  # fmt: skip
    action = action_add(actor=net.bea, note=note, text="Call", owner=net.sofia,
                        due_on=date(2024, 9, 30))  # fmt: skip
    meeting = network_services.meeting_record(
        actor=net.bea, network=net.network, kind="partners", held_on=date(2024, 10, 1),
        title="Partners",
    )  # fmt: skip
    body = {"meeting": meeting.pk, "action": action.pk, "outcome": "Half called",
            "new_due_on": "2024-12-01"}  # fmt: skip
    assert _api(net, net.vera, "reviews/", body).status_code == 403
    due = _api(net, net.vera, f"reviews/?meeting={meeting.pk}").json()
    assert [a["id"] for a in due["actions"]] == [action.pk] and due["reviews"] == []
    assert [n["id"] for n in due["notes"]] == []  # written after the meeting's day
    assert _api(net, net.vera, "reviews/").status_code == 400
    done = _api(net, net.bea, "reviews/", body)
    assert done.status_code == 201 and done.json()["action"] == action.pk
    assert LearningAction.objects.get().due_on == date(2024, 12, 1)
    both = _api(net, net.bea, "reviews/", {**body, "note": note.pk})
    assert both.status_code == 400
    detail = _api(net, net.vera, f"notes/{note.pk}/").json()
    assert [r["outcome"] for r in detail["reviews"]] == ["Half called"]
    due = _api(net, net.vera, f"reviews/?meeting={meeting.pk}").json()
    assert due["actions"] == [] and [r["outcome"] for r in due["reviews"]] == ["Half called"]
