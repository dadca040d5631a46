"""The yearly reporting on an outcome: its narrative, the progress assessment, and the
figures the narrative reports as facts."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cometa.indicators.models import ValueKind
from cometa.indicators.periods import Period, year
from cometa.indicators.texts import Text
from cometa.results.models.framework import Outcome, ResultIndicator
from cometa.results.scales import Progress


class Narrative(models.Model):
    """What an office says of one outcome in one year. ``version`` counts saves, so a save
    based on an older version is refused rather than lost."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="narratives")
    year = models.PositiveSmallIntegerField(_("year"))
    text = models.JSONField(_("narrative"))
    progress = models.CharField(
        _("progress"), max_length=20, choices=Progress.choices, default=Progress.NOT_ASSESSED
    )
    version = models.PositiveIntegerField(default=1)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["outcome", "-year"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "year"], name="results_narrative_once"),
            models.CheckConstraint(
                condition=Q(progress__in=Progress.values), name="results_narrative_progress"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.outcome} {self.year}"

    def text_of(self) -> Text:
        return Text.of(self.text) or Text("")


class Fact(models.Model):
    """A figure the narrative reports: value, unit and label ("2,763" "persons" "women
    enrolled in Second Chance Education"), and, when it supports an indicator, the cell it
    claims (attached indicator, kind, period, disaggregation key)."""

    narrative = models.ForeignKey(Narrative, on_delete=models.CASCADE, related_name="facts")
    value = models.DecimalField(_("value"), max_digits=24, decimal_places=6)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    label = models.CharField(_("label"), max_length=300)
    indicator = models.ForeignKey(
        ResultIndicator, null=True, blank=True, on_delete=models.SET_NULL, related_name="facts"
    )
    kind = models.CharField(
        _("kind"), max_length=10, choices=ValueKind.choices, default=ValueKind.ACTUAL
    )
    key = models.CharField(_("disaggregation"), max_length=200, blank=True)
    period_start = models.DateField(_("period start"), null=True, blank=True)
    period_end = models.DateField(_("period end"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["narrative", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(period_start__isnull=True, period_end__isnull=True)
                | Q(period_start__isnull=False, period_end__isnull=False),
                name="results_fact_period_whole",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")) | Q(period_start__isnull=True),
                name="results_fact_period_order",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.value} {self.label}"

    @property
    def period(self) -> Period:
        """The period claimed; the narrative's year when none is named."""
        if self.period_start is None or self.period_end is None:
            return year(self.narrative.year)
        return Period(self.period_start, self.period_end)
