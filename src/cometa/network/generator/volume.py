"""The generated women and everything recorded about them, in bulk inserts.

A cohort at a time: participants first (their ids come back from the insert on SQLite
3.35+ and PostgreSQL), then the rows that point to them. No service is called per row:
one woman through the services writes a dozen audit entries, and the generator writes
millions of rows; the single audit entry of the run says what it made.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import Any, cast

from django.db import connection, models
from django.utils import timezone

from cometa.network.codes import EnrolmentStatus, FlagStatus
from cometa.network.generator.draw import Flag, Woman
from cometa.network.generator.structure import Built
from cometa.network.models import (
    Answer,
    Attendance,
    Cohort,
    Consent,
    ContactAttempt,
    CriterionResult,
    Enrolment,
    EnrolmentChange,
    Exit,
    ExitReason,
    FollowUpTask,
    GraduationAssessment,
    Identity,
    MentoringContact,
    Participant,
    PsychosocialFlag,
    Referral,
    SurveyResponse,
)

CHUNK = 2000  # rows per INSERT: under SQLite's 32,766 variables for the widest table


def _bulk(model: Any, rows: Iterable[Any]) -> list[Any]:
    """Model instances inserted with their ids back (for the rows that others point to)."""
    return list(model.objects.bulk_create(list(rows), batch_size=CHUNK))


def _adapter(field: Any) -> Callable[[Any], Any]:
    if isinstance(field, models.DateTimeField):
        return connection.ops.adapt_datetimefield_value
    if isinstance(field, models.DateField):
        return connection.ops.adapt_datefield_value
    return lambda value: value


def _rows(model: Any, names: tuple[str, ...], rows: Iterable[tuple[Any, ...]]) -> None:
    """Plain rows inserted with one prepared statement (``executemany``): for the largest
    tables, whose ids nothing here needs. Building a model instance per row and compiling
    its SQL cost about four times the insert itself."""
    fields = [model._meta.get_field(name) for name in names]
    adapters = [_adapter(field) for field in fields]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    # Table and column names come from the model; every value is a bound parameter.
    statement = " ".join(
        ("INSERT INTO", quote(model._meta.db_table), f"({columns})", "VALUES", f"({marks})")
    )
    prepared = [
        tuple(adapt(value) for adapt, value in zip(adapters, row, strict=True)) for row in rows
    ]
    with connection.cursor() as cursor:
        for start in range(0, len(prepared), CHUNK):
            cursor.executemany(statement, prepared[start : start + CHUNK])


def _participants(built: Built, cohort: Cohort, women: list[Woman]) -> list[Participant]:
    made = _bulk(
        Participant,
        (
            Participant(
                network=built.network,
                member_id=cohort.member_id,
                code=woman.code,
                registered_on=woman.enrolled_on,
                **woman.profile,
            )
            for woman in women
        ),
    )
    now = timezone.now()
    identity = ("given_names", "family_names", "phone", "address")
    _rows(
        Identity,
        ("participant", *identity, "updated_at"),
        (
            (p.pk, *(w.identity[name] for name in identity), now)
            for p, w in zip(made, women, strict=True)
        ),
    )
    _rows(
        Consent,
        ("participant", "purpose", "given_on", "recorded_at"),
        (
            (p.pk, purpose, w.enrolled_on, now)
            for p, w in zip(made, women, strict=True)
            for purpose in w.consents
        ),
    )
    return made


def _enrolments(
    built: Built, cohort: Cohort, people: list[Participant], women: list[Woman]
) -> list[Enrolment]:
    mentors = built.mentors[built.sites.index(cohort.site)]
    made = _bulk(
        Enrolment,
        (
            Enrolment(
                network=built.network,
                member_id=cohort.member_id,
                participant=person,
                cohort=cohort,
                mentor=mentors[number % len(mentors)],
                status=woman.status,
                enrolled_on=woman.enrolled_on,
                status_on=woman.changes[-1][2],
                exited_on=woman.exit_on,
            )
            for number, (person, woman) in enumerate(zip(people, women, strict=True))
        ),
    )
    now = timezone.now()
    _rows(
        EnrolmentChange,
        ("enrolment", "from_status", "to_status", "on", "recorded_at"),
        (
            (e.pk, old, new, on, now)
            for e, w in zip(made, women, strict=True)
            for old, new, on in w.changes
        ),
    )
    return made


def _delivery(built: Built, cohort: Cohort, made: list[Enrolment], women: list[Woman]) -> None:
    sessions = built.sessions[cohort.pk]
    _rows(
        Attendance,
        ("enrolment", "session", "status"),
        (
            (e.pk, sessions[number], mark)
            for e, w in zip(made, women, strict=True)
            for number, mark in w.attendance
        ),
    )
    _rows(
        MentoringContact,
        ("enrolment", "mentor", "contacted_on", "mode", "minutes", "next_step"),
        (
            (e.pk, e.mentor_id, day, mode, minutes, "")
            for e, w in zip(made, women, strict=True)
            for day, mode, minutes in w.mentoring
        ),
    )


def _exits(made: list[Enrolment], women: list[Woman]) -> None:
    left = [(e, w) for e, w in zip(made, women, strict=True) if w.exit_on is not None]
    exits = _bulk(
        Exit,
        (
            Exit(enrolment=e, exit_on=cast(date, w.exit_on), exit_type=_exit_type(w.status))
            for e, w in left
        ),
    )
    _rows(
        ExitReason,
        ("exit", "code", "first"),
        (
            (done.pk, code, number == 0)
            for done, (_e, w) in zip(exits, left, strict=True)
            for number, code in enumerate(w.reasons)
        ),
    )


def _exit_type(status: str) -> str:
    return EnrolmentStatus.DROPPED_OUT if status == EnrolmentStatus.DROPPED_OUT else "completed"


def _followups(made: list[Enrolment], women: list[Woman]) -> None:
    pairs = [(e, f) for e, w in zip(made, women, strict=True) for f in w.followups]
    tasks = _bulk(
        FollowUpTask,
        (
            FollowUpTask(
                enrolment=e,
                member_id=e.member_id,
                round=f.planned.round,
                anchor_on=f.planned.anchor_on,
                due_on=f.planned.due_on,
                opens_on=f.planned.opens_on,
                closes_on=f.planned.closes_on,
                status=f.status,
                responded_on=f.responded_on,
                in_window=_in_window(f.responded_on, f.planned.closes_on),
                **f.answers,
            )
            for e, f in pairs
        ),
    )
    _rows(
        ContactAttempt,
        ("task", "attempted_at", "mode", "result"),
        (
            (task.pk, at, mode, result)
            for task, (_e, f) in zip(tasks, pairs, strict=True)
            for at, mode, result in f.attempts
        ),
    )


def _in_window(responded_on: date | None, closes_on: date) -> bool | None:
    return None if responded_on is None else responded_on <= closes_on


def _graduation(built: Built, made: list[Enrolment], women: list[Woman]) -> None:
    judged = [(e, w) for e, w in zip(made, women, strict=True) if w.graduation is not None]
    assessments = _bulk(
        GraduationAssessment,
        (
            GraduationAssessment(
                enrolment=e, assessed_on=cast(date, w.exit_on), passed=bool(w.graduation)
            )
            for e, w in judged
        ),
    )
    _rows(
        CriterionResult,
        ("assessment", "criterion", "result"),
        (
            (a.pk, c.pk, w.criteria[c.code])
            for a, (_e, w) in zip(assessments, judged, strict=True)
            for c in built.criteria
        ),
    )


def _status(flag: Flag) -> str:
    if flag.referred_on is not None:
        return FlagStatus.REFERRED
    return FlagStatus.CONTACTED if flag.first_action_on is not None else FlagStatus.OPEN


def _flags(cohort: Cohort, people: list[Participant], women: list[Woman]) -> None:
    pairs = [(p, f) for p, w in zip(people, women, strict=True) for f in w.flags]
    flags = _bulk(
        PsychosocialFlag,
        (
            PsychosocialFlag(
                member_id=cohort.member_id,
                participant=p,
                trigger=f.trigger,
                severity=f.severity,
                raised_on=f.raised_on,
                first_action_on=f.first_action_on,
                status=_status(f),
            )
            for p, f in pairs
        ),
    )
    _rows(
        Referral,
        ("flag", "service", "referred_on", "provider", "outcome"),
        (
            (flag.pk, f.service, f.referred_on, "", "")
            for flag, (_p, f) in zip(flags, pairs, strict=True)
            if f.referred_on is not None
        ),
    )


def _answer(value: object) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _endline(built: Built, cohort: Cohort, people: list[Participant], women: list[Woman]) -> None:
    answered = [(p, w.endline) for p, w in zip(people, women, strict=True) if w.endline]
    if built.endline is None or not answered:
        return
    responses = _bulk(
        SurveyResponse,
        (
            SurveyResponse(
                round=built.endline, participant=p, member_id=cohort.member_id, collected_on=day
            )
            for p, (day, _answers) in answered
        ),
    )
    questions = built.endline_questions
    _rows(
        Answer,
        ("response", "question", "code", "number", "day", "text"),
        (
            (response.pk, questions[name], _answer(value), None, None, "")
            for response, (_p, (_day, answers)) in zip(responses, answered, strict=True)
            for name, value in answers.items()
        ),
    )


def write(built: Built, cohort: Cohort, women: list[Woman]) -> None:
    """Writes the women of one cohort and everything recorded about them."""
    people = _participants(built, cohort, women)
    made = _enrolments(built, cohort, people, women)
    _delivery(built, cohort, made, women)
    _exits(made, women)
    _followups(made, women)
    _graduation(built, made, women)
    _flags(cohort, people, women)
    _endline(built, cohort, people, women)
