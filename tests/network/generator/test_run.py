from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db.models import Count

from cometa.accounts.models import AuditEntry
from cometa.core.errors import ValidationFailed
from cometa.network.generator import draw, layout
from cometa.network.generator.run import generate
from cometa.network.models import (
    Answer,
    Attendance,
    CriterionResult,
    Enrolment,
    FollowUpTask,
    Identity,
    Network,
    Participant,
    PsychosocialFlag,
    Referral,
    Session,
    SurveyResponse,
)

pytestmark = pytest.mark.django_db


def _drawn(women: int, seed: int) -> list[draw.Woman]:
    plan, out, index = layout.layout(women), [], 0
    for cohort in plan.cohorts:
        centre = plan.centres[cohort.centre]
        out += draw.women(
            cohort,
            first_index=index,
            seed=seed,
            municipality=layout.municipality_name(centre.municipality_code),
            rural=centre.urbanisation == "R",
        )
        index += cohort.women
    return out


def test_the_stored_network_is_the_drawn_one():
    seen: list[int] = []
    made = generate(women=120, seed=3, name="Test network", report=lambda d, _t: seen.append(d))
    drawn = _drawn(120, 3)
    assert made.women == 120 and seen[-1] == 120 and seen == sorted(seen)
    assert sorted(Participant.objects.values_list("code", flat=True)) == sorted(
        w.code for w in drawn
    )
    assert Identity.objects.count() == 120
    assert Attendance.objects.count() == sum(len(w.attendance) for w in drawn)
    assert FollowUpTask.objects.count() == sum(len(w.followups) for w in drawn)
    statuses = dict(Enrolment.objects.values_list("status").annotate(n=Count("id")))
    assert sum(statuses.values()) == 120
    assert statuses.get("dropped_out", 0) == sum(w.status == "dropped_out" for w in drawn)
    _flags_criteria_and_endline_stored(drawn)


def _flags_criteria_and_endline_stored(drawn: list[draw.Woman]) -> None:
    by_code = {w.code: w for w in drawn}
    flags = sorted(
        (f.participant.code, f.raised_on, f.first_action_on)
        for f in PsychosocialFlag.objects.select_related("participant")
    )
    assert flags == sorted((w.code, f.raised_on, f.first_action_on) for w in drawn for f in w.flags)
    assert Referral.objects.count() == sum(
        f.referred_on is not None for w in drawn for f in w.flags
    )
    results = CriterionResult.objects.select_related(
        "criterion", "assessment__enrolment__participant"
    )
    assert results.count() == sum(len(w.criteria) for w in drawn)
    for result in results:
        woman = by_code[result.assessment.enrolment.participant.code]
        assert woman.criteria[result.criterion.code] == result.result
    responses = SurveyResponse.objects.select_related("participant", "round")
    assert {(r.participant.code, r.collected_on, r.round.round) for r in responses} == {
        (w.code, w.endline[0], "endline") for w in drawn if w.endline
    }
    works = dict(
        Answer.objects.filter(question__name="work_status").values_list(
            "response__participant__code", "code"
        )
    )
    assert works == {
        w.code: w.endline[1]["work_status"]
        for w in drawn
        if w.endline and "work_status" in w.endline[1]
    }


def test_each_woman_is_held_by_the_partner_running_her_cohort():
    generate(women=80, seed=4, name="Held")
    for enrolment in Enrolment.objects.select_related("participant", "cohort", "mentor"):
        assert enrolment.participant.member_id == enrolment.cohort.member_id
        assert enrolment.mentor.member_id == enrolment.cohort.member_id
    marks = Attendance.objects.select_related("session", "enrolment")
    assert all(mark.session.cohort_id == mark.enrolment.cohort_id for mark in marks)


def test_one_audit_entry_says_what_was_generated():
    made = generate(women=30, seed=5, name="Audited")
    entry = AuditEntry.objects.get(action="network.generate")
    assert entry.changes == {"participants": 30, "seed": 5, "cohorts": made.cohorts}
    assert not any(
        w.identity["given_names"] in str(e.changes)
        for w in _drawn(30, 5)
        for e in AuditEntry.objects.all()
    )


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"women": 0, "seed": 1, "name": "N"}, "participants"),
        ({"women": 10, "seed": 6, "name": "Taken"}, "name"),
        ({"women": 10, "seed": 6, "name": "Other"}, "seed"),
    ],
)
def test_refusals_name_the_field_and_write_nothing(kwargs, field):
    generate(women=10, seed=6, name="Taken")
    before = (Network.objects.count(), Participant.objects.count(), Session.objects.count())
    with pytest.raises(ValidationFailed) as refused:
        generate(**kwargs)
    assert list(refused.value.errors) == [field]
    assert (Network.objects.count(), Participant.objects.count(), Session.objects.count()) == (
        before
    )


def test_the_command_prints_what_it_made_and_refuses_in_one_line():
    out = StringIO()
    call_command("network", "generate", "--participants", "40", "--seed", "8", stdout=out)
    assert "40 women in 2 cohorts at 6 centres" in out.getvalue()
    with pytest.raises(CommandError, match=r"^--name: A network named"):
        call_command("network", "generate", "--participants", "40", "--seed", "9")


def test_a_failure_half_way_leaves_nothing_behind(monkeypatch):
    from cometa.network.generator import volume

    real, calls = volume.write, []

    def failing(built, cohort, women):  # type: ignore[no-untyped-def]
        calls.append(cohort.code)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        real(built, cohort, women)

    monkeypatch.setattr(volume, "write", failing)
    with pytest.raises(RuntimeError):
        generate(women=60, seed=10, name="Half")
    assert len(calls) == 2
    assert not Network.objects.exists() and not Participant.objects.exists()
    assert not AuditEntry.objects.filter(action__startswith="network.").exists()
