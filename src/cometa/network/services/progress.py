"""A woman's way through a cohort: enrolment, its state changes (with exit and the
follow-up schedule), mentoring contacts, graduation, follow-up attempts and outcomes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime

from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.accounts.acting import Actor, person_or_none
from cometa.core.errors import Conflict
from cometa.core.writes import written_once
from cometa.network import schedule, states
from cometa.network.access import may_edit_member
from cometa.network.codes import (
    AttemptResult,
    ContactMode,
    CriterionResultCode,
    DropReason,
    EnrolmentStatus,
    FollowUpStatus,
    IncomeBand,
    WorkStatus,
)
from cometa.network.models import (
    Cohort,
    ContactAttempt,
    CriterionResult,
    Enrolment,
    EnrolmentChange,
    Exit,
    ExitReason,
    FollowUpTask,
    GraduationAssessment,
    GraduationCriterion,
    MentoringContact,
    Participant,
    Staff,
)
from cometa.network.rules import Criterion, graduation_passed
from cometa.network.services.common import (
    MENTORING,
    choice,
    invalid,
    record,
    require,
    staff_of,
)

STEP_MESSAGES = {
    "step_not_allowed": gettext_lazy(
        "An enrolment that is “%(current)s” cannot become “%(target)s”."
    ),
    "reason_required": gettext_lazy("Say why she dropped out, with at least one coded reason."),
    "reason_not_expected": gettext_lazy("Reasons are given only for dropping out."),
    "unknown_state": gettext_lazy("Unknown state “%(target)s”."),
}


def enrol(
    *,
    actor: Actor,
    participant: Participant,
    cohort: Cohort,
    enrolled_on: date,
    mentor: Staff | None = None,
) -> Enrolment:
    require(
        may_edit_member(actor, cohort.member), _("Only the cohort's member enrols women in it.")
    )
    if participant.member_id != cohort.member_id:
        raise invalid(
            "cohort", _("She is registered with another member: transfer her record first.")
        )
    staff_of(
        "mentor",
        mentor,
        member_id=cohort.member_id,
        roles=MENTORING,
        message=_("The mentor must be a mentor of the cohort's member."),
    )
    with written_once("cohort", _("She is already enrolled in this cohort.")):
        enrolment = Enrolment.objects.create(
            network=cohort.network,
            member=cohort.member,
            participant=participant,
            cohort=cohort,
            mentor=mentor,
            status=EnrolmentStatus.ENROLLED,
            enrolled_on=enrolled_on,
            status_on=enrolled_on,
        )
        EnrolmentChange.objects.create(
            enrolment=enrolment,
            to_status=EnrolmentStatus.ENROLLED,
            on=enrolled_on,
            recorded_by=person_or_none(actor),
        )
        record(
            actor=actor,
            action="enrolment.create",
            target=enrolment,
            organisation_id=cohort.member.organisation_id,
            changes={"cohort": [None, cohort.code]},
        )
    return enrolment


def enrolment_change(
    *,
    actor: Actor,
    enrolment: Enrolment,
    to_status: str,
    on: date,
    reasons: Sequence[str] = (),
) -> Enrolment:
    """One step of the state machine, dated. Completion and drop-out record the exit and
    schedule the follow-ups; graduation needs a passed graduation assessment."""
    require(
        may_edit_member(actor, enrolment.member),
        _("Only the cohort's member changes her enrolment."),
    )
    for reason in reasons:
        choice("reasons", reason, DropReason, _("Unknown reason “%(value)s”."))
    with transaction.atomic():
        current = Enrolment.objects.select_for_update().get(pk=enrolment.pk)
        _check_step(current, to_status, on, reasons)
        EnrolmentChange.objects.create(
            enrolment=current,
            from_status=current.status,
            to_status=to_status,
            on=on,
            recorded_by=person_or_none(actor),
        )
        before = current.status
        current.status, current.status_on = to_status, on
        if states.is_exit(to_status):
            current.exited_on = on
            _record_exit(current, to_status, on, reasons)
        current.save(update_fields=["status", "status_on", "exited_on"])
        record(
            actor=actor,
            action="enrolment.change",
            target=current,
            organisation_id=current.member.organisation_id,
            changes={"status": [before, to_status], "on": on.isoformat(), "reasons": list(reasons)},
        )
    return current


def _check_step(current: Enrolment, to_status: str, on: date, reasons: Sequence[str]) -> None:
    refusal = states.check_step(current.status, to_status, reason=reasons[0] if reasons else "")
    if refusal is not None:
        message = str(STEP_MESSAGES[refusal.code]) % {
            "current": current.status,
            "target": to_status,
        }
        raise Conflict(refusal.code, message)
    if on < current.status_on:
        raise invalid("on", _("This change comes before the one recorded last."))
    if to_status == EnrolmentStatus.GRADUATED and not _passed(current):
        raise Conflict("not_assessed", _("She graduates once a graduation assessment is passed."))


def _passed(enrolment: Enrolment) -> bool:
    latest = enrolment.assessments.order_by("-assessed_on", "-pk").first()
    return latest is not None and latest.passed


def _record_exit(enrolment: Enrolment, exit_type: str, on: date, reasons: Sequence[str]) -> None:
    gone = Exit.objects.create(enrolment=enrolment, exit_on=on, exit_type=exit_type)
    ExitReason.objects.bulk_create(
        ExitReason(exit=gone, code=code, first=i == 0)
        for i, code in enumerate(dict.fromkeys(reasons))
    )
    FollowUpTask.objects.bulk_create(
        FollowUpTask(
            enrolment=enrolment,
            member=enrolment.member,
            round=p.round,
            anchor_on=p.anchor_on,
            due_on=p.due_on,
            opens_on=p.opens_on,
            closes_on=p.closes_on,
        )
        for p in schedule.plan(on)
    )


def mentoring_contact_record(
    *,
    actor: Actor,
    enrolment: Enrolment,
    mentor: Staff,
    contacted_on: date,
    mode: str,
    minutes: int | None = None,
    next_step: str = "",
) -> MentoringContact:
    require(
        may_edit_member(actor, enrolment.member), _("Only the cohort's member records mentoring.")
    )
    choice("mode", mode, ContactMode, _("Unknown contact mode “%(value)s”."))
    staff_of(
        "mentor",
        mentor,
        member_id=enrolment.member_id,
        roles=MENTORING,
        message=_("The mentor must be a mentor of the cohort's member."),
    )
    if contacted_on < enrolment.enrolled_on:
        raise invalid("contacted_on", _("The contact comes before her enrolment."))
    with transaction.atomic():
        contact = MentoringContact.objects.create(
            enrolment=enrolment,
            mentor=mentor,
            contacted_on=contacted_on,
            mode=mode,
            minutes=minutes,
            next_step=next_step.strip(),
        )
        record(
            actor=actor,
            action="mentoring.record",
            target=contact,
            organisation_id=enrolment.member.organisation_id,
        )
    return contact


def graduation_assess(
    *, actor: Actor, enrolment: Enrolment, assessed_on: date, results: Mapping[str, str]
) -> GraduationAssessment:
    """Judges graduation criterion by criterion against the network's criteria in use."""
    require(
        may_edit_member(actor, enrolment.member), _("Only the cohort's member assesses graduation.")
    )
    if enrolment.status not in (EnrolmentStatus.ACTIVE, EnrolmentStatus.COMPLETED):
        raise Conflict(
            "not_assessable", _("Graduation is assessed while active or once completed.")
        )
    criteria = {
        c.code: c
        for c in GraduationCriterion.objects.filter(network_id=enrolment.network_id, in_use=True)
    }
    for code, result in results.items():
        if code not in criteria:
            raise invalid("results", _("Unknown criterion “%(value)s”.") % {"value": code})
        choice("results", result, CriterionResultCode, _("Unknown result “%(value)s”."))
    passed = graduation_passed([Criterion(c.code, c.essential) for c in criteria.values()], results)
    with transaction.atomic():
        assessment = GraduationAssessment.objects.create(
            enrolment=enrolment,
            assessed_on=assessed_on,
            assessor=person_or_none(actor),
            passed=passed,
        )
        CriterionResult.objects.bulk_create(
            CriterionResult(assessment=assessment, criterion=criteria[code], result=result)
            for code, result in results.items()
        )
        record(
            actor=actor,
            action="graduation.assess",
            target=assessment,
            organisation_id=enrolment.member.organisation_id,
            changes={"passed": passed, "results": dict(results)},
        )
    return assessment


def followup_attempt(
    *, actor: Actor, task: FollowUpTask, attempted_at: datetime, mode: str, result: str
) -> ContactAttempt:
    require(
        may_edit_member(actor, task.member), _("Only the member following her up records attempts.")
    )
    choice("mode", mode, ContactMode, _("Unknown contact mode “%(value)s”."))
    choice("result", result, AttemptResult, _("Unknown result “%(value)s”."))
    with transaction.atomic():
        _lock_open(task, (FollowUpStatus.SCHEDULED,))
        attempt = ContactAttempt.objects.create(
            task=task, attempted_at=attempted_at, mode=mode, result=result, by=person_or_none(actor)
        )
        if result == AttemptResult.REFUSED:
            task.status = FollowUpStatus.REFUSED
            task.save(update_fields=["status"])
        record(
            actor=actor,
            action="followup.attempt",
            target=task,
            organisation_id=task.member.organisation_id,
            changes={"result": result},
        )
    return attempt


def _lock_open(task: FollowUpTask, open_states: Iterable[str]) -> None:
    """Inside the caller's transaction: the task's row, locked and read again, is still in
    one of ``open_states`` (two people recording at once cannot both pass a stale check)."""
    current = FollowUpTask.objects.select_for_update().only("status").get(pk=task.pk)
    if current.status not in open_states:
        raise Conflict("followup_closed", _("This follow-up is closed."))


def followup_respond(
    *,
    actor: Actor,
    task: FollowUpTask,
    responded_on: date,
    work_status: str = "",
    income_band: str = "",
    has_business: bool | None = None,
    in_education: bool | None = None,
) -> FollowUpTask:
    """Her answers for the round; kept when outside the window, but marked so."""
    require(
        may_edit_member(actor, task.member), _("Only the member following her up records answers.")
    )
    if work_status:
        choice("work_status", work_status, WorkStatus, _("Unknown code “%(value)s”."))
    if income_band:
        choice("income_band", income_band, IncomeBand, _("Unknown code “%(value)s”."))
    if responded_on < task.anchor_on:
        raise invalid("responded_on", _("The answers come before she left."))
    with transaction.atomic():
        _lock_open(task, schedule.ANSWERABLE)
        task.status, task.responded_on = FollowUpStatus.COMPLETED, responded_on
        task.in_window = schedule.in_window(
            responded_on, opens_on=task.opens_on, closes_on=task.closes_on
        )
        task.work_status, task.income_band = work_status, income_band
        task.has_business, task.in_education = has_business, in_education
        task.save()
        record(
            actor=actor,
            action="followup.respond",
            target=task,
            organisation_id=task.member.organisation_id,
            changes={"in_window": task.in_window},
        )
    return task
