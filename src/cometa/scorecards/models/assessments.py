from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.accounts.models import Organisation
from cometa.scorecards.models.frameworks import FrameworkVersion


class Cycle(models.Model):
    """A Cooperation Framework cycle of a country team, e.g. UNSDCF 2021-2025."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="cycles")
    name = models.CharField(_("name"), max_length=120)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))

    class Meta:
        ordering = ["organisation__name", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "name"], name="cycle_name_once"),
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")), name="cycle_years_ordered"
            ),
        ]

    def __str__(self) -> str:
        return self.name


class AssessmentKind(models.TextChoices):
    COMPREHENSIVE = "comprehensive", _("Comprehensive assessment")
    ANNUAL = "annual", _("Annual progress assessment")


class AssessmentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    SUBMITTED = "submitted", _("Submitted")
    UNDER_REVIEW = "under_review", _("Under review")
    RETURNED = "returned", _("Returned with comments")
    APPROVED = "approved", _("Approved")
    PUBLISHED = "published", _("Published")


EDITABLE_STATUSES = (AssessmentStatus.DRAFT, AssessmentStatus.RETURNED)


class Assessment(models.Model):
    organisation = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="assessments"
    )
    cycle = models.ForeignKey(Cycle, null=True, blank=True, on_delete=models.PROTECT)
    framework = models.ForeignKey(FrameworkVersion, on_delete=models.PROTECT)
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=AssessmentKind.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=AssessmentStatus.choices, default=AssessmentStatus.DRAFT
    )
    process_text = models.TextField(_("the process"), blank=True)
    context_text = models.TextField(_("country context"), blank=True)
    text_version = models.PositiveIntegerField(default=1)  # of the two texts: lost updates
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    approved_at = models.DateTimeField(null=True, blank=True)
    published_at = models.DateTimeField(null=True, blank=True)
    import_sha256 = models.CharField(max_length=64, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["organisation__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "framework", "year"], name="assessment_once_a_year"
            ),
            models.CheckConstraint(
                condition=models.Q(year__gte=2000, year__lte=2100), name="assessment_year_sane"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.organisation} {self.year}"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class TeamMember(models.Model):
    """A member of the inter-agency assessment team (a name, not necessarily an account)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="team")
    name = models.CharField(_("name"), max_length=150)
    entity = models.CharField(_("entity"), max_length=80)
    title = models.CharField(_("title"), max_length=200, blank=True)
    is_coordinator = models.BooleanField(_("coordinator"), default=False)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return f"{self.name} ({self.entity})"


class IndicatorAssessment(models.Model):
    """One performance indicator within an assessment.

    A reassessed indicator carries answers, findings and inputs, the computed rating
    with its trace, and the rating the team agreed. Any other indicator carries the
    latest earlier rating and the year it comes from.
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="indicators")
    code = models.CharField(_("indicator"), max_length=10)
    reassessed = models.BooleanField(_("reassessed this year"), default=False)
    answers = models.JSONField(default=dict, blank=True)
    findings = models.JSONField(default=dict, blank=True)
    inputs = models.JSONField(default=dict, blank=True)
    computed_level = models.CharField(max_length=30, blank=True)
    trace = models.JSONField(default=dict, blank=True)
    agreed_level = models.CharField(_("agreed rating"), max_length=30, blank=True)
    difference_reason = models.TextField(_("why the agreed rating differs"), blank=True)
    justification = models.TextField(_("justification"), blank=True)
    rating_year = models.PositiveSmallIntegerField(_("year of the rating"), null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["assessment", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "code"], name="indicator_once_per_assessment"
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment} PI {self.code}"

    @property
    def level(self) -> str:
        """The rating that counts: the agreed one, else the computed one."""
        return self.agreed_level or self.computed_level
