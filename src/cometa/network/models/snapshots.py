"""Stored indicator values: one *run* computes every common indicator of a network for a
period and keeps its tables **as they may leave the platform** (after disclosure
control: a hidden entry is stored as null, its count is never written). Pages, the API
and the exports read runs; they never count. A run may be *frozen* as the snapshot that
learning notes refer to; an unfrozen run is replaced by the next run of its period.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models

from cometa.network.models.network import Network


class IndicatorRun(models.Model):
    class Scope(models.TextChoices):
        FULL = "full"  # every table: by network, member, site and cohort, each dimension
        HEADLINE = "headline"  # the network's totals only (trends)

    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="indicator_runs")
    period = models.CharField(max_length=32)  # canonical text (indicators.periods)
    period_start = models.DateField()
    period_end = models.DateField()
    scope = models.CharField(max_length=8, choices=Scope.choices, default=Scope.FULL)
    computed_at = models.DateTimeField()
    computed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    job_id = models.BigIntegerField(null=True)
    facts = models.PositiveIntegerField(default=0)  # enrolments counted in the network
    k = models.PositiveSmallIntegerField()
    k_strict = models.PositiveSmallIntegerField()
    frozen = models.BooleanField(default=False)
    label = models.CharField(max_length=200, blank=True)

    class Meta:
        ordering = ["-computed_at", "-pk"]
        indexes = [models.Index(fields=["network", "period", "-computed_at"])]

    def __str__(self) -> str:
        return f"indicator run {self.pk} ({self.period})"


class StoredTable(models.Model):
    """One controlled table: ``rows`` [[id, label], ...] then the totals row; ``columns``
    the dimension's codes then the total; ``cells`` one list per row (totals last) of
    ``[n, numerator]`` per column (numerator null for a count), or null where hidden."""

    run = models.ForeignKey(IndicatorRun, on_delete=models.CASCADE, related_name="tables")
    code = models.CharField(max_length=32)
    version = models.PositiveIntegerField(null=True)
    by = models.CharField(max_length=8)  # network, member, site, cohort
    dimension = models.CharField(max_length=24, blank=True)  # "" : no disaggregation
    k = models.PositiveSmallIntegerField()
    rows = models.JSONField()
    columns = models.JSONField()
    cells = models.JSONField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["run", "code", "by", "dimension"], name="network_stored_table_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.code} by {self.by}/{self.dimension or '-'}"
