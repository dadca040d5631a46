"""The network API's care routes: mentoring, graduation, consents, a transfer and
psychosocial flags, through the same services as the pages: her partner's editors
record, the others who see her are refused, another partner's woman answers 404, flags
are for the designated people only, and a state the services refuse answers 409."""

from __future__ import annotations

import json

from cometa.accounts.models.audit import AuditEntry
from cometa.network.models import GraduationCriterion, Participant, PsychosocialFlag
from tests.conftest import signed_in
from tests.network.story import NOTE, OUTCOME


def _api(net, person, path, body=None):  # type: ignore[no-untyped-def]
    url = f"/api/v1/network/networks/{net.network.pk}/{path}"
    client = signed_in(person)
    if body is None:
        return client.get(url)
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_mentoring_contact_is_recorded_by_her_partner_only(net, story):
    path = f"enrolments/{story.enrolment.pk}/mentoring/"
    body = {"mentor": net.mentor_a.pk, "contacted_on": "2024-04-01", "mode": "visit"}
    done = _api(net, net.pablo, path, body)
    assert done.status_code == 201 and done.json()["mode"] == "visit"
    assert [row["contacted_on"] for row in _api(net, net.pablo, path).json()] == [
        "2024-03-01",
        "2024-04-01",
    ]
    assert _api(net, net.vera, path, body).status_code == 403
    assert _api(net, net.bea, path).status_code == 403
    refused = _api(net, net.quim, path, body)
    assert refused.status_code == 404 and refused.json()["error"]["code"] == "not_found"
    another = _api(net, net.pablo, path, {**body, "mentor": net.mentor_b.pk})
    assert another.status_code == 400 and "mentor" in another.json()["error"]["fields"]


def test_graduation_is_judged_criterion_by_criterion_and_409_when_not_assessable(net, story):
    GraduationCriterion.objects.create(
        network=net.network, code="plan", name="Plan", method="observation", essential=True
    )
    path = f"enrolments/{story.enrolment.pk}/graduation/"
    done = _api(net, net.pablo, path, {"assessed_on": "2024-09-01", "results": {"plan": "met"}})
    assert done.status_code == 201
    assert done.json()["results"] == [{"criterion": "plan", "result": "met"}]
    assert len(_api(net, net.pablo, path).json()) == 1
    bad = _api(net, net.pablo, path, {"assessed_on": "2024-09-01", "results": {"plan": "x"}})
    assert bad.status_code == 400
    _api(net, net.pablo, f"enrolments/{story.enrolment.pk}/changes/",
         {"to_status": "graduated", "on": "2024-09-02"})  # fmt: skip
    later = _api(net, net.pablo, path, {"assessed_on": "2024-09-03", "results": {"plan": "met"}})
    assert later.status_code == 409, later.content
    assert later.json()["error"]["code"] == "not_assessable"


def test_consents_are_recorded_and_withdrawn_by_purpose(net, story):
    path = f"participants/{story.woman.code}/consents/"
    given = _api(net, net.pablo, path, {"purpose": "transfer", "given_on": "2024-04-01"})
    assert given.status_code == 201
    twice = _api(net, net.pablo, path, {"purpose": "transfer", "given_on": "2024-04-02"})
    assert twice.status_code == 400 and "purpose" in twice.json()["error"]["fields"]
    pk = given.json()["id"]
    gone = _api(net, net.pablo, f"{path}{pk}/withdrawal/", {"withdrawn_on": "2024-05-01"})
    assert gone.status_code == 200 and gone.json()["withdrawn_on"] == "2024-05-01"
    again = _api(net, net.pablo, f"{path}{pk}/withdrawal/", {"withdrawn_on": "2024-05-02"})
    assert again.status_code == 400
    theirs = story.other.consents.first().pk
    assert _api(net, net.pablo, f"{path}{theirs}/withdrawal/", {"withdrawn_on": "2024-05-01"}
                ).status_code == 404  # fmt: skip
    assert _api(net, net.quim, path).status_code == 404
    assert _api(net, net.vera, path).status_code == 403


def test_a_transfer_needs_her_consent_or_an_audited_reason(net, story):
    path = f"participants/{story.woman.code}/transfer/"
    body = {"to_member": net.promexico.pk, "on": "2024-09-05"}
    refused = _api(net, net.pablo, path, body)
    assert refused.status_code == 400
    assert "override_reason" in refused.json()["error"]["fields"]
    assert _api(net, net.pablo, path, {**body, "to_member": net.cemex.pk}).status_code == 400
    done = _api(net, net.pablo, path, {**body, "override_reason": "she moved to Monterrey"})
    assert done.status_code == 200 and done.json()["member"] == net.promexico.pk
    assert Participant.objects.get(pk=story.woman.pk).member_id == net.promexico.pk
    assert any("she moved to Monterrey" in json.dumps(e.changes) for e in AuditEntry.objects.all())
    assert _api(net, net.pablo, f"participants/{story.woman.code}/").status_code == 404


def test_flags_are_raised_by_her_editors_and_read_by_the_designated_only(net, story):
    path = f"participants/{story.woman.code}/flags/"
    raised = _api(net, net.pablo, path,
                  {"trigger": "mentor_concern", "severity": "routine",
                   "raised_on": "2024-09-01", "note": "new-note"})  # fmt: skip
    assert raised.status_code == 201 and "new-note" not in raised.content.decode()
    assert _api(net, net.pablo, path).json() == []
    listed = _api(net, net.sofia, path)
    assert NOTE in listed.content.decode() and len(listed.json()) == 2
    flag = PsychosocialFlag.objects.get(participant=story.woman, note=NOTE)
    for person in (net.pablo, net.vera, net.bea, net.quim):
        answer = _api(net, person, f"flags/{flag.pk}/")
        assert answer.status_code == 404 and NOTE not in answer.content.decode()
        refer = {"service": "health", "referred_on": "2024-09-02"}
        assert _api(net, person, f"flags/{flag.pk}/referrals/", refer).status_code == 404
        move = {"status": "closed", "on": "2024-09-02"}
        assert _api(net, person, f"flags/{flag.pk}/status/", move).status_code == 404
    shown = _api(net, net.sofia, f"flags/{flag.pk}/").json()
    assert shown["note"] == NOTE and shown["referrals"][0]["outcome"] == OUTCOME


def test_referrals_and_moves_by_the_designated_person_and_409_for_a_step_not_allowed(net, story):
    flag = PsychosocialFlag.objects.get(participant=story.woman)
    refer = {"service": "health", "referred_on": "2024-09-02", "provider": "Clinic"}
    added = _api(net, net.sofia, f"flags/{flag.pk}/referrals/", refer)
    assert added.status_code == 201 and added.json()["provider"] == "Clinic"
    closed = _api(
        net, net.sofia, f"flags/{flag.pk}/status/", {"status": "closed", "on": "2024-09-03"}
    )
    assert closed.status_code == 200 and closed.json()["status"] == "closed"
    back = _api(net, net.sofia, f"flags/{flag.pk}/status/", {"status": "open", "on": "2024-09-04"})
    assert back.status_code == 409 and back.json()["error"]["code"] == "step_not_allowed"
