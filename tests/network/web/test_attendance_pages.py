"""The attendance sheet: one tick per woman and one POST; names for the partner's
editors (audited), codes for its viewers, counts for the backbone, nothing for another
partner."""

from __future__ import annotations

from datetime import date

from cometa.accounts.models import AuditEntry
from cometa.network.models import Attendance
from cometa.network.services import delivery, progress
from cometa.network.web.sheet import marks_from_ticks, parse_ids
from tests.conftest import signed_in


def _sheet(net):  # type: ignore[no-untyped-def]
    women = [net.register(net.cemex, name=f"Sheet-name-{n}") for n in range(3)]
    enrolments = [
        progress.enrol(
            actor=net.pablo, participant=w, cohort=net.cohort_a, enrolled_on=date(2024, 2, 5)
        )
        for w in women
    ]
    session = delivery.session_create(
        actor=net.pablo, cohort=net.cohort_a, held_on=date(2024, 3, 1)
    )
    url = f"/network/{net.network.pk}/sessions/{session.pk}/attendance/"
    return women, enrolments, session, url


def _marks(session) -> dict[int, str]:  # type: ignore[no-untyped-def]
    return dict(Attendance.objects.filter(session=session).values_list("enrolment_id", "status"))


def test_one_post_marks_the_ticked_present_and_the_others_absent(net):
    _women, enrolments, session, url = _sheet(net)
    listed = [e.pk for e in enrolments]
    response = signed_in(net.sofia).post(url, {"listed": listed, "attended": listed[:2]})
    assert response.status_code == 302, response.content[:400]
    assert _marks(session) == {listed[0]: "present", listed[1]: "present", listed[2]: "absent"}
    page = signed_in(net.sofia).get(url).content.decode()
    assert page.count("checked") == 2 and "Sheet-name-0" in page


def test_a_second_save_keeps_finer_marks_that_agree_with_the_ticks(net):
    _women, enrolments, session, url = _sheet(net)
    a, b, c = (e.pk for e in enrolments)
    delivery.attendance_record(
        actor=net.pablo, session=session, marks={a: "late", b: "absent_excused", c: "present"}
    )
    signed_in(net.pablo).post(url, {"listed": [a, b, c], "attended": [a]})
    assert _marks(session) == {a: "late", b: "absent_excused", c: "absent"}


def test_viewers_read_codes_the_backbone_counts_another_partner_nothing(net):
    women, enrolments, _session, url = _sheet(net)
    signed_in(net.pablo).post(url, {"listed": [e.pk for e in enrolments], "attended": []})
    before = AuditEntry.objects.filter(action="network.identity.read").count()
    viewer = signed_in(net.vera).get(url).content.decode()
    assert (
        women[0].code in viewer and "Sheet-name-0" not in viewer and 'name="attended"' not in viewer
    )
    assert AuditEntry.objects.filter(action="network.identity.read").count() == before
    signed_in(net.pablo).get(url)
    assert AuditEntry.objects.filter(action="network.identity.read").count() == before + 1
    assert signed_in(net.vera).post(url, {"listed": [enrolments[0].pk]}).status_code == 403
    backbone = signed_in(net.bea).get(url).content.decode()
    assert women[0].code not in backbone and "Sheet-name-0" not in backbone
    assert "<strong>3</strong>" in backbone  # three absent
    assert signed_in(net.quim).get(url).status_code == 404
    assert signed_in(net.quim).post(url, {"listed": [enrolments[0].pk]}).status_code == 404


def test_women_of_another_cohort_cannot_be_slipped_onto_the_sheet(net):
    _women, _enrolments, session, url = _sheet(net)
    stranger = net.register(net.cemex, name="Stranger")
    cohort = delivery.cohort_create(
        actor=net.pablo, site=net.cohort_a.site, pathway=net.cohort_a.pathway, code="CMX-X",
        starts_on=date(2024, 2, 5), ends_on=date(2024, 6, 1), capacity=5,
    )  # fmt: skip
    elsewhere = progress.enrol(
        actor=net.pablo, participant=stranger, cohort=cohort, enrolled_on=date(2024, 2, 5)
    )
    signed_in(net.pablo).post(url, {"listed": [elsewhere.pk, "x"], "attended": [elsewhere.pk]})
    assert _marks(session) == {}


def test_ticks_become_marks():
    assert parse_ids(["3", "x", "-1", "4"]) == {3, 4}
    before = {1: "late", 2: "absent_excused", 3: "absent_excused", 4: "present"}
    marks = marks_from_ticks([1, 2, 3, 4, 5], ticked=[1, 3, 5, 9], before=before)
    assert marks == {1: "late", 2: "absent_excused", 3: "present", 4: "absent", 5: "present"}


def test_the_sheet_lists_women_still_in_the_cohort_that_day(net):
    women, enrolments, _session, url = _sheet(net)
    left_after, left_before, _stays = enrolments
    progress.enrolment_change(actor=net.pablo, enrolment=left_after, to_status="active",
                              on=date(2024, 2, 6))  # fmt: skip
    progress.enrolment_change(actor=net.pablo, enrolment=left_after, to_status="completed",
                              on=date(2024, 3, 20))  # fmt: skip
    progress.enrolment_change(actor=net.pablo, enrolment=left_before, to_status="dropped_out",
                              on=date(2024, 2, 20), reasons=["transport"])  # fmt: skip
    page = signed_in(net.vera).get(url).content.decode()
    assert women[0].code in page and women[2].code in page
    assert women[1].code not in page  # she had dropped out before the session
