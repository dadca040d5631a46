"""The network API: pseudonymous unless the person may read identities, another
partner's rows not found, the one error format, follow-up attempts and answers."""

from __future__ import annotations

import json

import time_machine

from cometa.network.models import FollowUpTask
from tests.conftest import signed_in
from tests.network.story import NAME, OTHER_NAME


def _api(net, person, path, body=None):  # type: ignore[no-untyped-def]
    url = f"/api/v1/network/networks/{net.network.pk}/{path}"
    client = signed_in(person)
    if body is None:
        return client.get(url)
    return client.post(url, json.dumps(body), content_type="application/json")


def test_participants_are_pseudonymous_unless_the_person_may_read_identities(net, story):
    mine = _api(net, net.pablo, "participants/").json()
    assert [row["code"] for row in mine["results"]] == [story.woman.code]
    assert mine["results"][0]["identity"]["given_names"] == NAME
    viewer = _api(net, net.vera, "participants/").json()
    assert viewer["results"][0]["identity"] is None
    backbone = _api(net, net.bea, "participants/").json()
    assert {row["code"] for row in backbone["results"]} == {story.woman.code, story.other.code}
    assert all(row["identity"] is None for row in backbone["results"])
    assert NAME not in json.dumps(backbone) and OTHER_NAME not in json.dumps(backbone)


def test_the_list_is_searched_by_code_and_paginated(net, story):
    found = _api(net, net.bea, f"participants/?code={story.other.code[-4:]}").json()
    assert [row["code"] for row in found["results"]] == [story.other.code]
    assert found["count"] == 1
    bad = _api(net, net.bea, "participants/?page=zero")
    assert bad.status_code == 400 and bad.json()["error"]["code"] == "invalid"


def test_another_partner_s_rows_answer_404_in_the_error_format(net, story):
    for path in (
        f"participants/{story.other.code}/",
        f"enrolments/{story.other_enrolment.pk}/",
    ):
        response = _api(net, net.pablo, path)
        assert response.status_code == 404
        assert response.json()["error"]["code"] == "not_found"
    attempt = {"attempted_at": "2024-12-02T10:00:00Z", "mode": "phone", "result": "no_answer"}
    assert (
        _api(net, net.pablo, f"followups/{story.other_task.pk}/attempts/", attempt).status_code
        == 404
    )


def test_her_detail_carries_identity_for_her_editors_only(net, story):
    detail = _api(net, net.pablo, f"participants/{story.woman.code}/").json()
    assert detail["identity"]["given_names"] == NAME and detail["consents"]
    assert _api(net, net.bea, f"participants/{story.woman.code}/").json()["identity"] is None


def test_enrolments_list_their_changes_and_move_through_the_service(net, story):
    rows = _api(net, net.pablo, "enrolments/").json()["results"]
    assert [c["to_status"] for c in rows[0]["changes"]] == ["enrolled", "active", "completed"]
    path = f"enrolments/{story.enrolment.pk}/changes/"
    refused = _api(net, net.vera, path, {"to_status": "graduated", "on": "2024-09-15"})
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "forbidden"


@time_machine.travel("2024-12-02 10:00", tick=False)
def test_follow_ups_stand_and_take_attempts_and_answers(net, story):
    due = _api(net, net.pablo, "followups/?standing=due").json()["results"]
    assert [(r["participant"], r["round"]) for r in due] == [(story.woman.code, "fu3")]
    attempt = {"attempted_at": "2024-12-02T09:00:00Z", "mode": "phone", "result": "no_answer"}
    made = _api(net, net.pablo, f"followups/{story.task.pk}/attempts/", attempt)
    assert made.status_code == 201 and made.json()["result"] == "no_answer"
    answer = {"responded_on": "2024-12-02", "work_status": "employed", "has_business": True}
    answered = _api(net, net.pablo, f"followups/{story.task.pk}/response/", answer)
    assert answered.status_code == 200, answered.content
    assert answered.json()["standing"] == "closed" and answered.json()["failed"] == 1
    assert FollowUpTask.objects.get(pk=story.task.pk).work_status == "employed"
    again = _api(net, net.pablo, f"followups/{story.task.pk}/response/", answer)
    assert again.status_code == 409 and again.json()["error"]["code"] == "followup_closed"
