"""Where and how the programme is delivered: sites, programmes, pathways, staff and their
training, cohorts and sessions."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import CODE_LENGTH, PathwayKind, SiteKind, StaffRole, Urbanisation
from cometa.network.models.network import Member, Network


class Site(models.Model):
    """A community or learning centre run by a member."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="sites")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="sites")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=CODE_LENGTH, choices=SiteKind.choices)
    state_code = models.CharField(_("state (INEGI code)"), max_length=2)
    municipality_code = models.CharField(_("municipality (INEGI code)"), max_length=5)
    urbanisation = models.CharField(_("urban or rural"), max_length=1, choices=Urbanisation.choices)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["network", "name"], name="site_name_once")]

    def __str__(self) -> str:
        return self.name


class Programme(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="programmes")
    code = models.CharField(_("code"), max_length=CODE_LENGTH)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["code"]
        constraints = [
            models.UniqueConstraint(fields=["network", "code"], name="programme_code_once")
        ]

    def __str__(self) -> str:
        return self.name


class Pathway(models.Model):
    programme = models.ForeignKey(Programme, on_delete=models.CASCADE, related_name="pathways")
    kind = models.CharField(_("kind"), max_length=CODE_LENGTH, choices=PathwayKind.choices)
    name = models.CharField(_("name"), max_length=200)

    class Meta:
        ordering = ["programme", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["programme", "kind"], name="pathway_kind_once")
        ]

    def __str__(self) -> str:
        return self.name


class Staff(models.Model):
    """An instructor, mentor, facilitator or psychologist of a member; ``person`` is set
    when they also sign in."""

    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="staff")
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    name = models.CharField(_("name"), max_length=150)
    role = models.CharField(_("role"), max_length=CODE_LENGTH, choices=StaffRole.choices)
    mentor_limit = models.PositiveSmallIntegerField(_("own limit of women"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["member", "role"], name="staff_member_role")]

    def __str__(self) -> str:
        return self.name


class TrainingModule(models.Model):
    """A module of the network's baseline training schema (graduation model, network and
    community model, gender perspective, unconscious bias), with its refresher interval."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="training")
    code = models.CharField(_("code"), max_length=CODE_LENGTH)
    name = models.CharField(_("name"), max_length=200)
    refresher_months = models.PositiveSmallIntegerField(_("refresher every (months)"), null=True)

    class Meta:
        ordering = ["code"]
        constraints = [models.UniqueConstraint(fields=["network", "code"], name="module_once")]

    def __str__(self) -> str:
        return self.name


class TrainingRecord(models.Model):
    staff = models.ForeignKey(Staff, on_delete=models.CASCADE, related_name="training")
    module = models.ForeignKey(TrainingModule, on_delete=models.PROTECT, related_name="records")
    completed_on = models.DateField(_("completed on"))

    class Meta:
        ordering = ["-completed_on"]
        indexes = [models.Index(fields=["staff", "module"], name="training_staff_module")]

    def __str__(self) -> str:
        return f"{self.staff} {self.module.code} {self.completed_on}"


class Cohort(models.Model):
    """A group taking a pathway together at a site; ``member`` is the site's, kept here
    so that counts by partner need no join."""

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="cohorts")
    member = models.ForeignKey(Member, on_delete=models.PROTECT, related_name="cohorts")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="cohorts")
    pathway = models.ForeignKey(Pathway, on_delete=models.PROTECT, related_name="cohorts")
    code = models.CharField(_("code"), max_length=40)
    starts_on = models.DateField(_("starts"))
    ends_on = models.DateField(_("ends"))
    capacity = models.PositiveSmallIntegerField(_("places"))
    instructor = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.SET_NULL, related_name="cohorts"
    )

    class Meta:
        ordering = ["-starts_on", "code"]
        constraints = [
            models.UniqueConstraint(fields=["network", "code"], name="cohort_code_once"),
            models.CheckConstraint(
                condition=models.Q(ends_on__gte=models.F("starts_on")), name="cohort_dates_order"
            ),
        ]

    def __str__(self) -> str:
        return self.code


class Session(models.Model):
    cohort = models.ForeignKey(Cohort, on_delete=models.CASCADE, related_name="sessions")
    held_on = models.DateField(_("held on"))
    topic = models.CharField(_("topic"), max_length=200, blank=True)
    instructor = models.ForeignKey(
        Staff, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        ordering = ["cohort", "held_on"]
        indexes = [models.Index(fields=["cohort", "held_on"], name="session_cohort_day")]

    def __str__(self) -> str:
        return f"{self.cohort} {self.held_on}"
