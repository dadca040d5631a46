"""Importing enrolments, attendance and follow-up answers: each row goes through the
service a page would call (``enrol``, ``enrolment_change``, ``session_create``,
``attendance_record``, ``followup_respond``), in a savepoint, so the rules are the
services' own and a refused row becomes errors on its columns. Rows that match what is
recorded already change nothing."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from functools import partial

from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor
from cometa.network import states
from cometa.network.codes import EnrolmentStatus, FollowUpStatus, StaffRole
from cometa.network.models import (
    Attendance,
    Cohort,
    Enrolment,
    FollowUpTask,
    Member,
    Participant,
    Session,
    Staff,
)
from cometa.network.services.common import invalid
from cometa.network.services.delivery import attendance_record, session_create
from cometa.network.services.import_rows import (
    Counts,
    Tell,
    attempt,
    cohorts_named,
    enrolments_of,
    error,
    participants_named,
    resolve,
)
from cometa.network.services.progress import enrol, enrolment_change, followup_respond
from cometa.network.tabular.checking import Row, RowError

ENROLMENT_FIELDS = {"on": "status_on", "reasons": "exit_reasons", "to_status": "status"}
ANSWERS = ("work_status", "income_band", "has_business", "in_education")


def _mentors(member: Member) -> dict[str, Staff | None]:
    """The member's mentors by name (None for a name two of them share)."""
    found: dict[str, Staff | None] = {}
    for staff in Staff.objects.filter(member=member, role=StaffRole.MENTOR):
        key = staff.name.casefold()
        found[key] = None if key in found else staff
    return found


def enrolments(
    actor: Actor, member: Member, given: Iterable[Row], errors: list[RowError], tell: Tell
) -> Counts:
    counts, rows = Counts(), list(given)
    people = participants_named(member, (row.values["participant"] for row in rows))
    cohorts = cohorts_named(member, rows)
    mentors = _mentors(member)
    for done, row in enumerate(rows, start=1):
        found = resolve(row, errors, people, cohorts)
        name = row.values.get("mentor") or ""
        mentor = mentors.get(name.casefold()) if name else None
        if name and mentor is None:
            errors.append(error(row, "mentor", _("Your organisation has no mentor of this name.")))
            continue
        if found is not None:
            outcome = attempt(
                row,
                errors,
                partial(_enrolment, actor, row, *found, mentor),
                ENROLMENT_FIELDS,
                "status",
            )
            if outcome:
                counts.add(outcome)
        tell(done, len(rows), "")
    return counts


def _enrolment(
    actor: Actor, row: Row, person: Participant, cohort: Cohort, mentor: Staff | None
) -> str:
    values = row.values
    target = values.get("status") or EnrolmentStatus.ENROLLED
    on: date = values.get("status_on") or values["enrolled_on"]
    enrolment = Enrolment.objects.filter(participant=person, cohort=cohort).first()
    outcome = "unchanged" if enrolment is not None else "created"
    if enrolment is None:
        enrolment = enrol(
            actor=actor,
            participant=person,
            cohort=cohort,
            enrolled_on=values["enrolled_on"],
            mentor=mentor,
        )
    elif enrolment.enrolled_on != values["enrolled_on"]:
        raise invalid("enrolled_on", _("She is already enrolled in this cohort on another day."))
    steps = states.path(enrolment.status, target)
    for step in steps:
        reasons = (values.get("exit_reasons") or []) if step == target else []
        enrolment = enrolment_change(
            actor=actor, enrolment=enrolment, to_status=step, on=on, reasons=reasons
        )
    return "changed" if steps and outcome == "unchanged" else outcome


def attendance(
    actor: Actor, member: Member, given: Iterable[Row], errors: list[RowError], tell: Tell
) -> Counts:
    counts, rows = Counts(), list(given)
    people = participants_named(member, (row.values["participant"] for row in rows))
    cohorts = cohorts_named(member, rows)
    resolved = {row.number: resolve(row, errors, people, cohorts) for row in rows}
    pairs = [(p.pk, c.pk) for p, c in filter(None, resolved.values())]
    enrolled = enrolments_of(member, pairs)
    days: dict[tuple[int, date], list[tuple[Row, Enrolment]]] = defaultdict(list)
    for row in rows:
        found = resolved[row.number]
        if found is None:
            continue
        enrolment = enrolled.get((found[0].pk, found[1].pk))
        if enrolment is None:
            errors.append(error(row, "participant", _("She is not enrolled in this cohort.")))
        else:
            days[(found[1].pk, row.values["held_on"])].append((row, enrolment))
    for done, marks in enumerate(days.values(), start=1):
        _session_marks(actor, marks, errors, counts)
        tell(done, len(days), "")
    return counts


def _session_marks(
    actor: Actor, marks: list[tuple[Row, Enrolment]], errors: list[RowError], counts: Counts
) -> None:
    first, enrolment = marks[0]
    cohort, day = enrolment.cohort, first.values["held_on"]
    session = Session.objects.filter(cohort=cohort, held_on=day).order_by("pk").first()
    if session is None:
        session = attempt(
            first,
            errors,
            partial(session_create, actor=actor, cohort=cohort, held_on=day),
            {},
            "held_on",
        )
        if session is None:
            return
    recorded = dict(
        Attendance.objects.filter(session=session).values_list("enrolment_id", "status")
    )
    wanted: dict[int, str] = {}
    for row, her in marks:
        status = row.values["status"]
        if wanted.get(her.pk, status) != status:
            errors.append(error(row, "status", _("She is marked twice for this session.")))
        wanted[her.pk] = status
        counts.add(
            "unchanged"
            if recorded.get(her.pk) == status
            else "changed"
            if her.pk in recorded
            else "created"
        )
    changed = {pk: status for pk, status in wanted.items() if recorded.get(pk) != status}
    if changed:
        attempt(
            first,
            errors,
            partial(attendance_record, actor=actor, session=session, marks=changed),
            {"marks": "status"},
            "status",
        )


def followups(
    actor: Actor, member: Member, given: Iterable[Row], errors: list[RowError], tell: Tell
) -> Counts:
    counts, rows = Counts(), list(given)
    people = participants_named(member, (row.values["participant"] for row in rows))
    cohorts = cohorts_named(member, rows)
    resolved = {row.number: resolve(row, errors, people, cohorts) for row in rows}
    cohort_ids = {found[1].pk for found in resolved.values() if found}
    tasks = {
        (t.enrolment.participant_id, t.enrolment.cohort_id, t.round): t
        for t in FollowUpTask.objects.filter(
            member=member, enrolment__cohort_id__in=cohort_ids
        ).select_related("enrolment")
    }
    for done, row in enumerate(rows, start=1):
        found = resolved[row.number]
        if found is None:
            continue
        task = tasks.get((found[0].pk, found[1].pk, row.values["round"]))
        if task is None:
            errors.append(
                error(row, "round", _("No follow-up of this round is due for her in this cohort."))
            )
            continue
        outcome = attempt(row, errors, partial(_answers, actor, row, task), {}, "responded_on")
        if outcome:
            counts.add(outcome)
        tell(done, len(rows), "")
    return counts


def _answers(actor: Actor, row: Row, task: FollowUpTask) -> str:
    values = row.values
    if values.get("responded_on") is None:
        return "unchanged"
    answers = {name: values.get(name) for name in ANSWERS}
    if task.status == FollowUpStatus.COMPLETED:
        same = task.responded_on == values["responded_on"] and all(
            (getattr(task, name) or None) == (answers[name] or None) for name in ANSWERS
        )
        if same:
            return "unchanged"
    followup_respond(
        actor=actor,
        task=task,
        responded_on=values["responded_on"],
        work_status=answers["work_status"] or "",
        income_band=answers["income_band"] or "",
        has_business=answers["has_business"],
        in_education=answers["in_education"],
    )
    return "changed"
