"""What the network's pages show, shaped from rows the selectors gave: a participant's
page and the rows of the follow-up worklist. Nothing here writes (reads of identities and
flags are audited by the selectors)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from django.http import Http404
from django.utils import timezone

from cometa.accounts.models import Person
from cometa.network import schedule, selectors, states
from cometa.network.access import may_coordinate_member, may_edit_member
from cometa.network.codes import EnrolmentStatus
from cometa.network.models import (
    Enrolment,
    FollowUpTask,
    Identity,
    Network,
    Participant,
    PsychosocialFlag,
)

PROFILE = (
    "registered_on",
    "birth_year",
    "education",
    "literate",
    "disability",
    "indigenous_self",
    "indigenous_language",
    "migration",
    "rural",
    "household_size",
    "head_of_household",
    "work_status",
    "income_band",
)


@dataclass(frozen=True)
class EnrolmentRow:
    enrolment: Enrolment
    steps: list[tuple[str, str]]  # (state, label) she may move to next
    changes: list[Any]
    mentoring: list[Any]

    @property
    def may_drop(self) -> bool:
        return any(state == EnrolmentStatus.DROPPED_OUT for state, _ in self.steps)


@dataclass(frozen=True)
class TaskRow:
    task: FollowUpTask
    standing: str
    identity: Identity | None = None


@dataclass
class ParticipantPage:
    participant: Participant
    profile: list[tuple[str, Any]]
    identity: Identity | None
    consents: list[Any]
    enrolments: list[EnrolmentRow]
    followups: list[TaskRow]
    flags: list[PsychosocialFlag]
    may_edit: bool
    may_coordinate: bool


def _profile(participant: Participant) -> list[tuple[str, Any]]:
    shown = []
    for name in PROFILE:
        if not hasattr(participant, name):
            continue
        model_field: Any = Participant._meta.get_field(name)
        display = getattr(participant, f"get_{name}_display", None)
        value = display() if display and getattr(participant, name) else getattr(participant, name)
        shown.append((str(model_field.verbose_name), value))
    return shown


def _steps(enrolment: Enrolment) -> list[tuple[str, str]]:
    labels = dict(EnrolmentStatus.choices)
    return [(s, str(labels[s])) for s in sorted(states.STEPS.get(enrolment.status, ()))]


def _identity(person: Person, participant: Participant) -> Identity | None:
    try:
        return selectors.identity_get(person, participant)
    except Http404:
        return None


def participant_page(person: Person, network: Network, participant: Participant) -> ParticipantPage:
    enrolments = (
        selectors.enrolments_for(person, network)
        .filter(participant=participant)
        .select_related("cohort__site", "mentor", "member__organisation")
        .prefetch_related("changes", "mentoring__mentor")
        .order_by("enrolled_on", "pk")
    )
    today = timezone.localdate()
    tasks = selectors.followups_with_failed(person, network, today).filter(
        enrolment__participant=participant
    )
    may_edit = may_edit_member(person, participant.member)
    return ParticipantPage(
        participant=participant,
        profile=_profile(participant),
        identity=_identity(person, participant),
        consents=list(participant.consents.order_by("given_on", "pk")),
        enrolments=[
            EnrolmentRow(
                e,
                _steps(e) if may_edit else [],
                list(e.changes.order_by("on", "pk")),
                list(e.mentoring.order_by("contacted_on", "pk")),
            )
            for e in enrolments
        ],
        followups=worklist_rows(tasks.order_by("due_on", "pk"), today),
        flags=selectors.flags_for(person, participant),
        may_edit=may_edit,
        may_coordinate=may_coordinate_member(person, participant.member),
    )


def task_standing(task: FollowUpTask, today: date) -> str:
    """Where a task stands: the database's answer when the selector annotated it
    (``selectors.standing_case``), else ``schedule.standing`` worked out here."""
    known = getattr(task, "standing", None)
    if known is not None:
        return str(known)
    failed = getattr(task, "failed", None)
    if failed is None:
        failed = task.attempts.filter(result__in=selectors.FAILED_ATTEMPTS).count()
    return schedule.standing(
        today=today,
        due_on=task.due_on,
        opens_on=task.opens_on,
        closes_on=task.closes_on,
        status=task.status,
        failed=failed,
    )


def worklist_rows(
    tasks: Any, today: date, identities: dict[int, Identity] | None = None
) -> list[TaskRow]:
    """Rows with their standing on ``today`` (filtering by standing is the selector's
    job, in the database)."""
    return [
        TaskRow(
            task, task_standing(task, today), (identities or {}).get(task.enrolment.participant_id)
        )
        for task in tasks
    ]
