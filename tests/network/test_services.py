"""The business operations: registration and consent, the enrolment path with exit and
follow-ups, graduation, transfers, mentor load, training, members and meetings."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.network import selectors, selectors_network
from cometa.network.codes import ConsentPurpose as Purpose
from cometa.network.models import (
    Attendance,
    ExitReason,
    FollowUpTask,
    GraduationCriterion,
    Identity,
)
from cometa.network.rules import TrainingState
from cometa.network.services import delivery, network, participants, progress


def test_registration_needs_consent_to_take_part(net):
    with pytest.raises(ValidationFailed) as caught:
        net.register(net.cemex, consents={Purpose.SHARE_BACKBONE: date(2024, 2, 1)})
    assert caught.value.field == "consents"
    assert not Identity.objects.exists()


def test_registration_splits_the_record_from_her_identity(net):
    woman = net.register(
        net.cemex, profile={"birth_year": 1980, "wg_walk": 3, "migration": "returnee"}
    )
    assert len(woman.code) == 9 and woman.code[4] == "-"
    assert woman.disability is True and woman.migration == "returnee"
    assert woman.identity.given_names == "María José Núñez"
    assert set(woman.consents.values_list("purpose", flat=True)) == {"take_part", "share_backbone"}
    entry = AuditEntry.objects.get(action="network.participant.register")
    assert entry.changes["given_names"] == {"changed": True}


@pytest.mark.parametrize(
    "profile,field",
    [
        ({"wg_see": 5}, "wg_see"),
        ({"education": "phd"}, "education"),
        ({"birth_year": 2020}, "birth_year"),
        ({"shoe_size": 38}, "shoe_size"),
    ],
)
def test_a_wrong_profile_value_is_named(net, profile, field):
    with pytest.raises(ValidationFailed) as caught:
        net.register(net.cemex, profile=profile)
    assert caught.value.field == field


def _through_to_exit(net, to_status="completed", reasons=()):  # type: ignore[no-untyped-def]
    woman = net.register(net.cemex)
    enrolment = progress.enrol(
        actor=net.pablo,
        participant=woman,
        cohort=net.cohort_a,
        enrolled_on=date(2024, 2, 5),
        mentor=net.mentor_a,
    )
    progress.enrolment_change(
        actor=net.pablo, enrolment=enrolment, to_status="active", on=date(2024, 2, 6)
    )
    return progress.enrolment_change(
        actor=net.pablo,
        enrolment=enrolment,
        to_status=to_status,
        on=date(2024, 8, 30),
        reasons=reasons,
    )


def test_completion_is_an_exit_with_three_follow_ups(net):
    enrolment = _through_to_exit(net)
    assert enrolment.exited_on == date(2024, 8, 30) and enrolment.exit.exit_type == "completed"
    tasks = FollowUpTask.objects.filter(enrolment=enrolment).order_by("due_on")
    assert [(t.round, t.due_on) for t in tasks] == [
        ("fu3", date(2024, 11, 30)),
        ("fu6", date(2025, 2, 28)),
        ("fu12", date(2025, 8, 30)),
    ]
    assert list(enrolment.changes.values_list("to_status", flat=True)) == [
        "enrolled",
        "active",
        "completed",
    ]


def test_drop_outs_are_followed_up_too_and_give_coded_reasons(net):
    enrolment = _through_to_exit(net, "dropped_out", reasons=["care_child", "transport"])
    assert FollowUpTask.objects.filter(enrolment=enrolment).count() == 3
    reasons = ExitReason.objects.filter(exit__enrolment=enrolment)
    assert {(r.code, r.first) for r in reasons} == {("care_child", True), ("transport", False)}


def test_a_step_outside_the_table_is_refused_and_changes_nothing(net):
    enrolment = _through_to_exit(net)
    with pytest.raises(Conflict) as caught:
        progress.enrolment_change(
            actor=net.pablo, enrolment=enrolment, to_status="active", on=date(2024, 9, 1)
        )
    assert caught.value.code == "step_not_allowed"
    with pytest.raises(Conflict) as caught:
        progress.enrolment_change(
            actor=net.pablo, enrolment=enrolment, to_status="dropped_out", on=date(2024, 9, 1)
        )
    enrolment.refresh_from_db()
    assert enrolment.status == "completed" and enrolment.changes.count() == 3


def test_graduation_needs_a_passed_assessment(net):
    GraduationCriterion.objects.create(
        network=net.network, code="G1", name="Savings", method="verification"
    )
    GraduationCriterion.objects.create(
        network=net.network,
        code="G2",
        name="Children at school",
        method="self_report",
        essential=False,
    )
    enrolment = _through_to_exit(net)
    with pytest.raises(Conflict) as caught:
        progress.enrolment_change(
            actor=net.pablo, enrolment=enrolment, to_status="graduated", on=date(2024, 9, 15)
        )
    assert caught.value.code == "not_assessed"
    failed = progress.graduation_assess(
        actor=net.pablo,
        enrolment=enrolment,
        assessed_on=date(2024, 9, 10),
        results={"G1": "not_met", "G2": "n_a"},
    )
    assert not failed.passed
    passed = progress.graduation_assess(
        actor=net.pablo,
        enrolment=enrolment,
        assessed_on=date(2024, 9, 12),
        results={"G1": "met", "G2": "n_a"},
    )
    assert passed.passed and passed.results.count() == 2
    done = progress.enrolment_change(
        actor=net.pablo, enrolment=enrolment, to_status="graduated", on=date(2024, 9, 15)
    )
    assert done.status == "graduated"


def test_a_follow_up_answer_outside_its_window_is_kept_and_marked(net):
    enrolment = _through_to_exit(net)
    fu3, fu6 = FollowUpTask.objects.filter(enrolment=enrolment).order_by("due_on")[:2]
    progress.followup_attempt(
        actor=net.pablo,
        task=fu3,
        attempted_at=datetime(2024, 11, 29, 10, tzinfo=UTC),
        mode="phone",
        result="no_answer",
    )
    answered = progress.followup_respond(
        actor=net.pablo,
        task=fu3,
        responded_on=date(2024, 12, 2),
        work_status="self_employed",
        has_business=True,
    )
    assert answered.status == "completed" and answered.in_window is True
    late = progress.followup_respond(
        actor=net.pablo, task=fu6, responded_on=date(2025, 6, 1), work_status="employed"
    )
    assert late.in_window is False
    with pytest.raises(Conflict):
        progress.followup_respond(actor=net.pablo, task=fu3, responded_on=date(2024, 12, 3))


def test_a_follow_up_closed_meanwhile_is_refused_even_from_a_stale_copy(net):
    """Two staff open the same follow-up; the first records her answers: the second's copy
    still says "scheduled", and the service must read the row, not the copy."""
    enrolment = _through_to_exit(net)
    fu3 = FollowUpTask.objects.filter(enrolment=enrolment).order_by("due_on").first()
    stale = FollowUpTask.objects.get(pk=fu3.pk)
    progress.followup_respond(actor=net.pablo, task=fu3, responded_on=date(2024, 12, 2))
    assert stale.status == "scheduled"
    with pytest.raises(Conflict) as caught:
        progress.followup_attempt(
            actor=net.pablo,
            task=stale,
            attempted_at=datetime(2024, 12, 3, 10, tzinfo=UTC),
            mode="phone",
            result="refused",
        )
    assert caught.value.code == "followup_closed"
    with pytest.raises(Conflict):
        progress.followup_respond(actor=net.pablo, task=stale, responded_on=date(2024, 12, 4))
    fu3.refresh_from_db()
    assert fu3.status == "completed" and fu3.attempts.count() == 0


def test_withdrawing_consent_to_take_part_stops_her_follow_ups(net):
    enrolment = _through_to_exit(net)
    consent = enrolment.participant.consents.get(purpose=Purpose.TAKE_PART)
    participants.consent_withdraw(actor=net.pablo, consent=consent, withdrawn_on=date(2024, 10, 1))
    assert set(
        FollowUpTask.objects.filter(enrolment=enrolment).values_list("status", flat=True)
    ) == {"consent_withdrawn"}


def test_a_transfer_needs_her_consent_or_an_audited_reason(net):
    woman = net.register(net.cemex)
    progress.enrol(
        actor=net.pablo, participant=woman, cohort=net.cohort_a, enrolled_on=date(2024, 2, 5)
    )
    with pytest.raises(ValidationFailed) as caught:
        participants.participant_transfer(
            actor=net.pablo, participant=woman, to_member=net.promexico, on=date(2024, 3, 1)
        )
    assert caught.value.field == "override_reason"
    assert selectors.participant_get(net.pablo, net.network, woman.pk)
    participants.participant_transfer(
        actor=net.pablo,
        participant=woman,
        to_member=net.promexico,
        on=date(2024, 3, 1),
        override_reason="She moved to Tonalá and asked in person; form to follow",
    )
    entry = AuditEntry.objects.get(action="network.participant.transfer")
    assert entry.changes["consented"] is False and "Tonalá" in entry.changes["override_reason"]
    assert woman.enrolments.get().status == "transferred"
    assert selectors.participant_get(net.quim, net.network, woman.pk) == woman
    assert not selectors.participants_for(net.pablo, net.network).filter(pk=woman.pk).exists()


def test_a_transfer_with_her_consent_needs_no_reason(net):
    woman = net.register(
        net.cemex,
        consents={Purpose.TAKE_PART: date(2024, 2, 1), Purpose.TRANSFER: date(2024, 2, 1)},
    )
    participants.participant_transfer(
        actor=net.pablo, participant=woman, to_member=net.promexico, on=date(2024, 3, 1)
    )
    assert (
        AuditEntry.objects.get(action="network.participant.transfer").changes["consented"] is True
    )


def test_mentor_load_warns_past_the_network_limit(net):
    for name in ("Ana", "Berta", "Carla"):
        woman = net.register(net.cemex, name=name)
        progress.enrol(
            actor=net.pablo,
            participant=woman,
            cohort=net.cohort_a,
            enrolled_on=date(2024, 2, 5),
            mentor=net.mentor_a,
        )
    loads = selectors.mentor_load_for(net.pablo, net.network)
    assert [(m.mentor_id, m.followed, m.over) for m in loads] == [(net.mentor_a.pk, 3, True)]
    everyone = selectors.mentor_load_for(net.bea, net.network)
    assert {m.mentor_id for m in everyone} == {net.mentor_a.pk, net.mentor_b.pk}


def test_training_is_recorded_against_the_schema(net):
    module = delivery.training_module_create(
        actor=net.bea,
        network=net.network,
        code="gender",
        name="Gender perspective",
        refresher_months=6,
    )
    delivery.training_module_create(
        actor=net.bea, network=net.network, code="bias", name="Bias", refresher_months=None
    )
    delivery.training_record(
        actor=net.pablo,
        staff=net.mentor_a,
        module=module,
        completed_on=date(2024, 1, 10),
        today=date(2024, 9, 1),
    )
    standing = selectors_network.training_standing_for(net.pablo, net.mentor_a, date(2024, 9, 1))
    assert {(s.code, s.state) for s in standing} == {
        ("GENDER", TrainingState.OVERDUE),
        ("BIAS", TrainingState.MISSING),
    }
    with pytest.raises(NotPermitted):
        delivery.training_record(
            actor=net.quim,
            staff=net.mentor_a,
            module=module,
            completed_on=date(2024, 1, 10),
            today=date(2024, 9, 1),
        )


def test_attendance_only_for_women_of_the_cohort(net):
    mine = progress.enrol(
        actor=net.pablo,
        participant=net.register(net.cemex),
        cohort=net.cohort_a,
        enrolled_on=date(2024, 2, 5),
    )
    theirs = progress.enrol(
        actor=net.quim,
        participant=net.register(net.promexico),
        cohort=net.cohort_b,
        enrolled_on=date(2024, 2, 5),
    )
    session = delivery.session_create(
        actor=net.pablo, cohort=net.cohort_a, held_on=date(2024, 2, 12)
    )
    with pytest.raises(ValidationFailed):
        delivery.attendance_record(
            actor=net.pablo, session=session, marks={mine.pk: "present", theirs.pk: "late"}
        )
    delivery.attendance_record(actor=net.pablo, session=session, marks={mine.pk: "present"})
    delivery.attendance_record(actor=net.pablo, session=session, marks={mine.pk: "late"})
    assert list(Attendance.objects.values_list("enrolment_id", "status")) == [(mine.pk, "late")]


def test_a_member_leaves_and_its_exit_survey_reaches_the_backbone(net):
    period = net.cemex.periods.get()
    network.member_onboard(
        actor=net.bea,
        period=period,
        orientation_on=date(2024, 2, 10),
        agreement_signed_on=date(2024, 2, 12),
        agreement_scope="pseudonymised",
    )
    with pytest.raises(NotPermitted):
        network.member_leave(
            actor=net.pablo, member=net.cemex, ends_on=date(2025, 1, 31), reason=""
        )
    period = network.member_leave(
        actor=net.bea, member=net.cemex, ends_on=date(2025, 1, 31), reason="Funding ended"
    )
    with pytest.raises(NotPermitted):
        network.exit_survey_submit(
            actor=net.bea,
            period=period,
            answered_on=date(2025, 2, 5),
            experience=4,
            felt_heard=True,
            told_why=False,
        )
    network.exit_survey_submit(
        actor=net.pablo,
        period=period,
        answered_on=date(2025, 2, 5),
        experience=4,
        felt_heard=True,
        told_why=False,
        what_to_change="Say why a partnership ends",
    )
    assert selectors_network.exit_surveys_for(net.bea, net.network).get().told_why is False
    assert not selectors_network.exit_surveys_for(net.quim, net.network).exists()


def test_the_member_page_is_written_by_the_member_and_read_across_members(net):
    network.member_page_update(
        actor=net.pablo, member=net.cemex, resources_lacking="A psychologist on Fridays"
    )
    with pytest.raises(NotPermitted):
        network.member_page_update(actor=net.quim, member=net.cemex, objectives="Take over")
    read = selectors_network.member_get(net.quim, net.network, net.cemex.pk)
    assert read.resources_lacking == "A psychologist on Fridays"


def test_meetings_keep_decisions_and_follow_ups(net):
    meeting = network.meeting_record(
        actor=net.bea,
        network=net.network,
        kind="partners",
        held_on=date(2024, 3, 4),
        title="Monthly partner meeting",
        attendees=[net.cemex, net.promexico],
    )
    decision = network.decision_add(
        actor=net.bea,
        meeting=meeting,
        text="Share drop-out reasons monthly",
        owner=net.cemex,
        due_on=date(2024, 4, 1),
    )
    network.decision_done(actor=net.pablo, decision=decision, done_on=date(2024, 3, 30))
    seen = selectors_network.meetings_for(net.quim, net.network).get()
    assert [d.done_on for d in seen.decisions.all()] == [date(2024, 3, 30)]
    with pytest.raises(NotPermitted):
        network.decision_done(actor=net.quim, decision=decision, done_on=date(2024, 3, 30))


def test_a_second_row_where_one_is_allowed_is_the_person_s_error_and_writes_nothing(net):
    woman = net.register(net.cemex)
    progress.enrol(
        actor=net.pablo, participant=woman, cohort=net.cohort_a, enrolled_on=date(2024, 2, 5)
    )
    entries = AuditEntry.objects.count()
    with pytest.raises(ValidationFailed) as caught:
        progress.enrol(
            actor=net.pablo, participant=woman, cohort=net.cohort_a, enrolled_on=date(2024, 2, 6)
        )
    assert caught.value.field == "cohort"
    with pytest.raises(ValidationFailed) as caught:
        delivery.site_create(
            actor=net.pablo,
            member=net.cemex,
            name=net.cohort_a.site.name,
            kind="learning_centre",
            state_code="14",
            municipality_code="14039",
            urbanisation="R",
        )
    assert caught.value.field == "name"
    assert AuditEntry.objects.count() == entries
    assert woman.enrolments.count() == 1
