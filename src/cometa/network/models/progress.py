"""A woman's way through a cohort: enrolment and its dated changes, attendance,
mentoring, exit with its coded reasons, and the follow-ups after it.

These are the facts indicators count, so they are narrow rows with short codes, and the
enrolment carries its network, member and cohort so that a count by partner, by cohort
or by status is one GROUP BY over one indexed table.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import (
    CODE_LENGTH,
    AttemptResult,
    AttendanceStatus,
    ContactMode,
    DropReason,
    EnrolmentStatus,
    FollowUpRound,
    FollowUpStatus,
    IncomeBand,
    WorkStatus,
)
from cometa.network.models.delivery import Cohort, Session, Staff
from cometa.network.models.network import Member, Network
from cometa.network.models.participants import Participant

_PERSON = settings.AUTH_USER_MODEL


class Enrolment(models.Model):
    network = models.ForeignKey(Network, on_delete=models.PROTECT, related_name="+")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="enrolments")
    participant = models.ForeignKey(
        Participant, on_delete=models.CASCADE, related_name="enrolments"
    )
    cohort = models.ForeignKey(Cohort, on_delete=models.PROTECT, related_name="enrolments")
    mentor = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.SET_NULL, related_name="mentees"
    )
    status = models.CharField(_("status"), max_length=CODE_LENGTH, choices=EnrolmentStatus.choices)
    enrolled_on = models.DateField(_("enrolled on"))
    status_on = models.DateField(_("status since"))
    exited_on = models.DateField(_("left on"), null=True, blank=True)

    class Meta:
        ordering = ["-enrolled_on"]
        indexes = [
            models.Index(fields=["network", "status"], name="enrolment_net_status"),
            models.Index(fields=["member", "status"], name="enrolment_member_status"),
            models.Index(fields=["cohort", "status"], name="enrolment_cohort_status"),
            models.Index(fields=["mentor", "status"], name="enrolment_mentor_status"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["participant", "cohort"], name="enrolment_once")
        ]

    def __str__(self) -> str:
        return f"{self.participant} in {self.cohort}"


class EnrolmentChange(models.Model):
    """One dated step of the state machine (``states.STEPS``)."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="changes")
    from_status = models.CharField(max_length=CODE_LENGTH, blank=True)
    to_status = models.CharField(max_length=CODE_LENGTH, choices=EnrolmentStatus.choices)
    on = models.DateField()
    recorded_by = models.ForeignKey(_PERSON, null=True, on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["enrolment", "on", "pk"]
        indexes = [models.Index(fields=["to_status", "on"], name="change_status_day")]

    def __str__(self) -> str:
        return f"{self.from_status or '·'}→{self.to_status} {self.on}"


class Attendance(models.Model):
    session = models.ForeignKey(Session, on_delete=models.CASCADE, related_name="attendance")
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="attendance")
    status = models.CharField(max_length=16, choices=AttendanceStatus.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "session"], name="attendance_once")
        ]
        indexes = [models.Index(fields=["session", "status"], name="attendance_session_status")]

    def __str__(self) -> str:
        return f"{self.enrolment_id}@{self.session_id}: {self.status}"


class MentoringContact(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="mentoring")
    mentor = models.ForeignKey(Staff, on_delete=models.PROTECT, related_name="contacts")
    contacted_on = models.DateField(_("contacted on"))
    mode = models.CharField(_("mode"), max_length=CODE_LENGTH, choices=ContactMode.choices)
    minutes = models.PositiveSmallIntegerField(_("minutes"), null=True, blank=True)
    next_step = models.CharField(_("agreed next step"), max_length=300, blank=True)

    class Meta:
        ordering = ["-contacted_on"]
        indexes = [models.Index(fields=["mentor", "contacted_on"], name="mentoring_mentor_day")]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.contacted_on}"


class Exit(models.Model):
    """Leaving the programme: completion or drop-out, with coded reasons."""

    enrolment = models.OneToOneField(Enrolment, on_delete=models.CASCADE, related_name="exit")
    exit_on = models.DateField(_("left on"))
    exit_type = models.CharField(max_length=CODE_LENGTH, choices=EnrolmentStatus.choices)

    class Meta:
        indexes = [models.Index(fields=["exit_type", "exit_on"], name="exit_type_day")]

    def __str__(self) -> str:
        return f"{self.exit_type} {self.exit_on}"


class ExitReason(models.Model):
    """One coded reason per row (several per exit); ``first`` marks the main one."""

    exit = models.ForeignKey(Exit, on_delete=models.CASCADE, related_name="reasons")
    code = models.CharField(max_length=CODE_LENGTH, choices=DropReason.choices, db_index=True)
    first = models.BooleanField(default=False)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["exit", "code"], name="exit_reason_once")]

    def __str__(self) -> str:
        return self.code


class FollowUpTask(models.Model):
    """A follow-up round after exit, its response window, and the outcome when reached."""

    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="followups")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="+")
    round = models.CharField(max_length=8, choices=FollowUpRound.choices)
    anchor_on = models.DateField()
    due_on = models.DateField()
    opens_on = models.DateField()
    closes_on = models.DateField()
    status = models.CharField(
        max_length=CODE_LENGTH, choices=FollowUpStatus.choices, default=FollowUpStatus.SCHEDULED
    )
    responded_on = models.DateField(null=True, blank=True)
    in_window = models.BooleanField(null=True)
    work_status = models.CharField(max_length=CODE_LENGTH, choices=WorkStatus.choices, blank=True)
    income_band = models.CharField(max_length=CODE_LENGTH, choices=IncomeBand.choices, blank=True)
    has_business = models.BooleanField(null=True)
    in_education = models.BooleanField(null=True)

    class Meta:
        ordering = ["due_on"]
        indexes = [
            models.Index(fields=["member", "status", "due_on"], name="followup_worklist"),
            models.Index(fields=["round", "status"], name="followup_round_status"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["enrolment", "round"], name="followup_round_once")
        ]

    def __str__(self) -> str:
        return f"{self.round} due {self.due_on}"


class ContactAttempt(models.Model):
    task = models.ForeignKey(FollowUpTask, on_delete=models.CASCADE, related_name="attempts")
    attempted_at = models.DateTimeField()
    mode = models.CharField(max_length=CODE_LENGTH, choices=ContactMode.choices)
    result = models.CharField(max_length=CODE_LENGTH, choices=AttemptResult.choices)
    by = models.ForeignKey(_PERSON, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["task", "attempted_at"]

    def __str__(self) -> str:
        return f"{self.result} {self.attempted_at:%Y-%m-%d}"
