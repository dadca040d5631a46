"""The networks a person reaches, one network, a member's shared page and the meetings."""

from __future__ import annotations

from datetime import date

from cometa.network.services import network
from tests.conftest import make_person, signed_in


def test_the_network_page_lists_members_centres_and_cohorts(net):
    page = signed_in(net.vera).get(f"/network/{net.network.pk}/").content.decode()
    assert "Asociación Femenina ProMéxico" in page and "Centro ProMéxico Tonalá" in page
    assert "CMX-24A" in page and "PMX-24A" in page
    outsider = make_person("nobody@example.org", "Nobody")
    assert signed_in(outsider).get(f"/network/{net.network.pk}/").status_code == 404
    assert "Co-Meta" not in signed_in(outsider).get("/network/").content.decode()


def test_a_member_s_page_is_read_across_members_and_written_by_its_editors(net):
    url = f"/network/{net.network.pk}/members/{net.cemex.pk}/"
    body = {"objectives": "Two hundred women trained", "resources_lacking": "A second kitchen"}
    assert signed_in(net.quim).post(url, body).status_code == 403
    assert signed_in(net.vera).post(url, body).status_code == 403
    assert signed_in(net.pablo).post(url, body).status_code == 302
    read = signed_in(net.quim).get(url).content.decode()  # another partner reads it
    assert "A second kitchen" in read and 'name="objectives"' not in read


def test_the_meetings_log_shows_decisions(net):
    meeting = network.meeting_record(
        actor=net.bea, network=net.network, kind="partners", held_on=date(2024, 3, 4),
        title="Monthly partner meeting", attendees=[net.cemex, net.promexico],
    )  # fmt: skip
    network.decision_add(actor=net.bea, meeting=meeting, text="Share the intake form")
    page = signed_in(net.quim).get(f"/network/{net.network.pk}/meetings/").content.decode()
    assert "Monthly partner meeting" in page and "Share the intake form" in page
