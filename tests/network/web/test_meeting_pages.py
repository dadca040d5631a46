"""Recording a meeting, its decisions with owner and due date, marking them done, and
the follow-ups still open on the log."""

from __future__ import annotations

from datetime import date

import time_machine

from cometa.network.models import Decision, Meeting
from cometa.network.services import network
from tests.conftest import make_person, signed_in


def _meeting(net):  # type: ignore[no-untyped-def]
    return network.meeting_record(
        actor=net.bea, network=net.network, kind="centres", held_on=date(2024, 3, 4),
        title="Centre coordinators", attendees=[net.cemex],
    )  # fmt: skip


def test_a_partner_s_editor_records_a_meeting_its_member_attended(net):
    url = f"/network/{net.network.pk}/meetings/new/"
    body = {"kind": "partners", "held_on": "2024-03-04", "title": "Monthly partner meeting"}
    assert signed_in(net.vera).get(url).status_code == 403  # a viewer
    absent = signed_in(net.pablo).post(url, {**body, "attendees": [net.promexico.pk]})
    assert absent.status_code == 403  # CEMEX did not attend
    response = signed_in(net.pablo).post(url, {**body, "attendees": [net.cemex.pk]})
    assert response.status_code == 302, response.content[:400]
    meeting = Meeting.objects.get()
    assert response["Location"].endswith(f"/meetings/{meeting.pk}/")
    assert list(meeting.attendees.all()) == [net.cemex] and meeting.recorded_by == net.pablo
    assert signed_in(net.bea).post(url, {**body, "title": ""}).status_code == 400


def test_decisions_with_owner_and_due_date_and_who_marks_them_done(net):
    meeting = _meeting(net)
    url = f"/network/{net.network.pk}/meetings/{meeting.pk}/decisions/"
    body = {"text": "Share the intake form", "follow_up": "Send it to every centre",
            "owner": net.cemex.pk, "due_on": "2024-03-31"}  # fmt: skip
    assert signed_in(net.pablo).post(url, body).status_code == 403  # not the recorder
    assert signed_in(net.bea).post(url, {**body, "text": ""}).status_code == 400
    assert signed_in(net.bea).post(url, body).status_code == 302
    decision = Decision.objects.get()
    assert decision.owner == net.cemex and decision.due_on == date(2024, 3, 31)
    done = f"/network/{net.network.pk}/decisions/{decision.pk}/done/"
    assert signed_in(net.quim).post(done, {"done_on": "2024-03-20"}).status_code == 403
    assert signed_in(net.vera).post(done, {"done_on": "2024-03-20"}).status_code == 403
    assert signed_in(net.pablo).post(done, {"done_on": "2024-03-20"}).status_code == 302
    decision.refresh_from_db()
    assert decision.done_on == date(2024, 3, 20)


@time_machine.travel("2024-04-10 10:00", tick=False)
def test_the_log_lists_open_follow_ups_and_flags_overdue_ones(net):
    meeting = _meeting(net)
    network.decision_add(actor=net.bea, meeting=meeting, text="Open the second kitchen",
                         owner=net.promexico, due_on=date(2024, 3, 31))  # fmt: skip
    closed = network.decision_add(actor=net.bea, meeting=meeting, text="Closed-marker")
    network.decision_done(actor=net.bea, decision=closed, done_on=date(2024, 3, 5))
    page = signed_in(net.vera).get(f"/network/{net.network.pk}/meetings/").content.decode()
    opened = page.split("Follow-ups not done yet")[1].split("<h2>")[0]
    assert "Open the second kitchen" in opened and "Overdue" in opened
    assert "Closed-marker" not in opened
    detail = signed_in(net.quim).get(f"/network/{net.network.pk}/meetings/{meeting.pk}/")
    assert detail.status_code == 200 and 'name="done_on"' in detail.content.decode()  # owner


def test_another_network_s_meeting_is_not_found(net):
    meeting = _meeting(net)
    outsider = make_person("nobody@example.org", "Nobody")
    assert (
        signed_in(outsider).get(f"/network/{net.network.pk}/meetings/{meeting.pk}/").status_code
        == 404
    )
    decision = network.decision_add(actor=net.bea, meeting=meeting, text="x")
    url = f"/network/{net.network.pk}/decisions/{decision.pk}/done/"
    assert signed_in(outsider).post(url, {"done_on": "2024-03-20"}).status_code == 404
