"""The network, its members over time, what they share with each other, and meetings."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.accounts.models import Organisation
from cometa.network.codes import CODE_LENGTH, AgreementScope, DesignationKind, MeetingKind


class Network(models.Model):
    """A collective-impact network, held together by its backbone organisation."""

    name = models.CharField(_("name"), max_length=200, unique=True)
    backbone = models.OneToOneField(
        Organisation, on_delete=models.PROTECT, related_name="network", verbose_name=_("backbone")
    )
    mentor_limit = models.PositiveSmallIntegerField(_("women per mentor, at most"), default=15)
    # Disclosure control (indicators.disclosure.Thresholds checks them: never below 3)
    cell_threshold = models.PositiveSmallIntegerField(_("smallest group shown"), default=5)
    cell_threshold_strict = models.PositiveSmallIntegerField(
        _("smallest group shown when sensitive or published"), default=10
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]

    def __str__(self) -> str:
        return self.name


class Member(models.Model):
    """An organisation in the network (partner, funder, government body, academic
    institution), with the page it shares with the other members."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="members")
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="network_memberships"
    )
    objectives = models.TextField(_("objectives"), blank=True)
    targets = models.TextField(_("targets"), blank=True)
    initiatives = models.TextField(_("initiatives"), blank=True)
    resources_lacking = models.TextField(_("resources lacking"), blank=True)
    page_updated_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["organisation__name"]
        constraints = [
            models.UniqueConstraint(fields=["network", "organisation"], name="member_once")
        ]

    def __str__(self) -> str:
        return str(self.organisation)


class MemberPeriod(models.Model):
    """One stretch of membership: onboarding (orientation, data-sharing agreement) at the
    start, an exit survey at the end. A member who leaves and comes back has two."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="periods")
    starts_on = models.DateField(_("member from"))
    ends_on = models.DateField(_("member until"), null=True, blank=True)
    orientation_on = models.DateField(_("orientation on collective impact"), null=True, blank=True)
    agreement_signed_on = models.DateField(
        _("data-sharing agreement signed"), null=True, blank=True
    )
    agreement_scope = models.CharField(
        _("data-sharing scope"), max_length=CODE_LENGTH, choices=AgreementScope.choices, blank=True
    )
    exit_reason = models.TextField(_("why the membership ended"), blank=True)

    class Meta:
        ordering = ["member", "-starts_on"]
        constraints = [
            models.UniqueConstraint(
                fields=["member"],
                condition=models.Q(ends_on__isnull=True),
                name="member_one_open_period",
            )
        ]

    def __str__(self) -> str:
        return f"{self.member} {self.starts_on}–{self.ends_on or ''}"


class ExitSurvey(models.Model):
    """The off-boarding survey a leaving member answers; the backbone reads it."""

    period = models.OneToOneField(MemberPeriod, on_delete=models.CASCADE, related_name="survey")
    answered_on = models.DateField(_("answered on"))
    experience = models.PositiveSmallIntegerField(_("experience in the network (1–5)"))
    felt_heard = models.BooleanField(_("felt heard in decisions"))
    told_why = models.BooleanField(_("was told why the partnership ended"))
    what_worked = models.TextField(_("what worked"), blank=True)
    what_to_change = models.TextField(_("what to change"), blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return f"exit survey of {self.period}"


class Meeting(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="meetings")
    kind = models.CharField(_("kind"), max_length=CODE_LENGTH, choices=MeetingKind.choices)
    held_on = models.DateField(_("held on"), db_index=True)
    title = models.CharField(_("title"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    attendees = models.ManyToManyField(Member, related_name="meetings", blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["-held_on"]

    def __str__(self) -> str:
        return f"{self.held_on} {self.title}"


class Decision(models.Model):
    """A decision taken at a meeting, with the follow-up it needs and who carries it."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="decisions")
    text = models.TextField(_("decision"))
    follow_up = models.TextField(_("follow-up"), blank=True)
    owner = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(_("due"), null=True, blank=True)
    done_on = models.DateField(_("done"), null=True, blank=True)

    class Meta:
        ordering = ["meeting", "pk"]

    def __str__(self) -> str:
        return self.text[:60]


class Designation(models.Model):
    """A person named by a member for work that accounts roles do not say: reading and
    recording psychosocial follow-up. The person must also belong to the member."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="designations")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="network_designations"
    )
    kind = models.CharField(max_length=CODE_LENGTH, choices=DesignationKind.choices)
    granted_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "person", "kind"], name="designation_once")
        ]

    def __str__(self) -> str:
        return f"{self.person} {self.kind} @ {self.member}"
