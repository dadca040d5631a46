"""The tables of the indicators floor: dimensions and their codes, indicator definitions in
versions, values with their provenance, and the reasons people give for totals that do not
add up. Texts in three languages are JSON objects ``{"en": ..., "es": ..., "ru": ...}``
(English always present; see ``texts.Text``).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cometa.indicators.definitions import Direction, Measure
from cometa.indicators.periods import Period
from cometa.indicators.texts import Text


class Dimension(models.Model):
    """A disaggregation dimension, copied from ``codelists/<code>.yaml`` by the loader."""

    code = models.CharField(_("code"), max_length=40, unique=True)
    name = models.JSONField(_("name"))
    source = models.TextField(_("source"))
    exhaustive = models.BooleanField(
        _("exhaustive"), help_text=_("Its codes part the whole, so the parts add up to the total.")
    )
    note = models.JSONField(_("note"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code

    def name_text(self) -> Text:
        return Text.of(self.name) or Text(self.code)


class DimensionCode(models.Model):
    """One code of a dimension. A code dropped from the file is retired, never deleted, so
    the values stored with it keep their meaning."""

    dimension = models.ForeignKey(Dimension, on_delete=models.CASCADE, related_name="codes")
    code = models.CharField(_("code"), max_length=40)
    label = models.JSONField(_("label"))
    position = models.PositiveSmallIntegerField(default=0)
    is_active = models.BooleanField(default=True)

    class Meta:
        ordering = ["dimension", "position"]
        constraints = [
            models.UniqueConstraint(fields=["dimension", "code"], name="indicators_code_once")
        ]

    def __str__(self) -> str:
        return f"{self.dimension.code}={self.code}"


class Indicator(models.Model):
    """An indicator's lasting identity; what it means is in its versions."""

    code = models.CharField(_("code"), max_length=60, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["code"]

    def __str__(self) -> str:
        return self.code


class IndicatorVersion(models.Model):
    """One version of an indicator's definition. Values point at the version they were
    entered or computed under; a change of meaning makes a new version (``definitions``)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(_("version"))
    title = models.JSONField(_("title"))
    definition = models.JSONField(_("definition"))
    measure = models.PositiveSmallIntegerField(
        _("measure"), choices=[(item.value, item.name.title()) for item in Measure]
    )
    direction = models.CharField(
        _("direction"),
        max_length=10,
        blank=True,
        choices=[(item.value, item.value) for item in Direction],
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    numerator = models.JSONField(_("numerator"), null=True, blank=True)
    denominator = models.JSONField(_("denominator"), null=True, blank=True)
    dimensions = models.ManyToManyField(Dimension, blank=True, related_name="+")
    references = models.JSONField(_("references"), default=list, blank=True)
    gender_sensitive = models.BooleanField(_("gender-sensitive"), default=False)
    gender_note = models.JSONField(_("why gender-sensitive"), null=True, blank=True)
    change_note = models.TextField(_("what changed"), blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["indicator", "number"], name="indicators_version_once"),
            models.CheckConstraint(
                condition=Q(measure__gte=1, measure__lte=5), name="indicators_measure_iati"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator.code} v{self.number}"

    def title_text(self) -> Text:
        return Text.of(self.title) or Text(self.indicator.code)


class ValueKind(models.TextChoices):
    BASELINE = "baseline", _("Baseline")
    TARGET = "target", _("Target")
    ACTUAL = "actual", _("Actual")


class ValueSource(models.TextChoices):
    ENTERED = "entered", _("Entered")
    IMPORTED = "imported", _("Imported")
    COMPUTED = "computed", _("Computed")


#: The fields naming one cell: whose, which version, kind, period and disaggregation.
CELL = ("owner_type", "owner_id", "version", "kind", "period_start", "period_end", "key")


class OwnedByPeriod(models.Model):
    """What a value and a mismatch reason share: whose, which version, kind and period."""

    owner_type = models.ForeignKey(ContentType, on_delete=models.PROTECT, related_name="+")
    owner_id = models.PositiveBigIntegerField()
    owner = GenericForeignKey("owner_type", "owner_id")
    version = models.ForeignKey(IndicatorVersion, on_delete=models.PROTECT, related_name="+")
    kind = models.CharField(_("kind"), max_length=10, choices=ValueKind.choices)
    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    key = models.CharField(_("disaggregation"), max_length=200, blank=True)

    class Meta:
        abstract = True

    @property
    def period(self) -> Period:
        return Period(self.period_start, self.period_end)


class IndicatorValue(OwnedByPeriod):
    """A baseline, target or actual of one cell (``key``; empty = total) for an owner and a
    period, under one definition version, with where it came from."""

    value = models.DecimalField(_("value"), max_digits=24, decimal_places=6, null=True)
    text = models.TextField(_("qualitative value"), blank=True)
    comment = models.TextField(_("comment"), blank=True)
    source = models.CharField(_("source"), max_length=10, choices=ValueSource.choices)
    entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    file_name = models.CharField(_("imported from"), max_length=255, blank=True)
    file_sha256 = models.CharField(_("file digest"), max_length=64, blank=True)
    computed_from = models.CharField(_("computed from"), max_length=255, blank=True)
    revision = models.PositiveIntegerField(default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["owner_type", "owner_id", "version", "kind", "period_start", "key"]
        indexes = [models.Index(fields=["owner_type", "owner_id"], name="indicators_value_owner")]
        constraints = [
            models.UniqueConstraint(
                fields=CELL,
                name="indicators_value_once",
            ),
            models.CheckConstraint(
                condition=Q(period_end__gte=F("period_start")), name="indicators_value_period"
            ),
            models.CheckConstraint(
                condition=Q(value__isnull=False) | ~Q(text=""), name="indicators_value_given"
            ),
            models.CheckConstraint(
                condition=~Q(source=ValueSource.IMPORTED) | (~Q(file_name="") & ~Q(file_sha256="")),
                name="indicators_value_import_file",
            ),
            models.CheckConstraint(
                condition=~Q(source=ValueSource.COMPUTED) | ~Q(computed_from=""),
                name="indicators_value_computed_source",
            ),
        ]

    def __str__(self) -> str:
        shown = self.text if self.value is None else self.value
        return f"{self.version} {self.kind} {self.period} [{self.key}] = {shown}"


class MismatchReason(OwnedByPeriod):
    """Why the parts of a total (``key``) split by ``dimension`` do not add up to it."""

    dimension = models.CharField(_("dimension"), max_length=40)
    reason = models.TextField(_("reason"))
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    recorded_at = models.DateTimeField(auto_now=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=(*CELL, "dimension"),
                name="indicators_reason_once",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version} {self.kind} {self.period} [{self.key}] by {self.dimension}"
