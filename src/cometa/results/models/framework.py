"""An office's results framework: the plan, its outcomes and outputs, the indicators
attached to them, partners and joint programmes. Statements are texts in three languages
stored as ``{"en": ..., "es": ..., "ru": ...}`` (``cometa.indicators.texts.Text``)."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cometa.accounts.models import Organisation
from cometa.indicators.models import IndicatorValue, IndicatorVersion
from cometa.indicators.texts import Text
from cometa.results.identifiers import ResultKind, build_identifier, parse_code


class Plan(models.Model):
    """An office's strategic note for some years, aligned with a Cooperation Framework."""

    office = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="result_plans")
    title = models.CharField(_("title"), max_length=200)
    cooperation_framework = models.CharField(_("Cooperation Framework"), max_length=200, blank=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))
    publisher = models.CharField(_("publisher's IATI identifier"), max_length=60)
    office_code = models.CharField(_("office code"), max_length=10)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["office__name", "-start_year"]
        constraints = [
            models.UniqueConstraint(fields=["office", "start_year"], name="results_plan_once"),
            models.CheckConstraint(
                condition=Q(end_year__gte=F("start_year")), name="results_plan_years"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.office_code} {self.start_year}-{self.end_year}"

    def covers(self, year: int) -> bool:
        return self.start_year <= year <= self.end_year


class Outcome(models.Model):
    """A development (``D_1.1``) or organisational (``O_1``) outcome of a plan."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="outcomes")
    code = models.CharField(_("code"), max_length=20)
    kind = models.CharField(
        _("kind"), max_length=1, choices=[(k.value, k.name.title()) for k in ResultKind]
    )
    statement = models.JSONField(_("statement"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["plan", "kind", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "code"], name="results_outcome_once"),
        ]

    def __str__(self) -> str:
        return f"{self.plan.office_code}_{self.code}"

    @property
    def identifier(self) -> str:
        return build_identifier(
            publisher=self.plan.publisher, office=self.plan.office_code, code=parse_code(self.code)
        )

    def statement_text(self) -> Text:
        return Text.of(self.statement) or Text(self.code)


class Output(models.Model):
    """An output under an outcome: its code extends the outcome's (``D_1.1.2``)."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="outputs")
    code = models.CharField(_("code"), max_length=24)
    statement = models.JSONField(_("statement"))
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["outcome", "position", "code"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "code"], name="results_output_once"),
        ]

    def __str__(self) -> str:
        return f"{self.outcome.plan.office_code}_{self.code}"

    @property
    def identifier(self) -> str:
        plan = self.outcome.plan
        return build_identifier(
            publisher=plan.publisher, office=plan.office_code, code=parse_code(self.code)
        )

    def statement_text(self) -> Text:
        return Text.of(self.statement) or Text(self.code)


class ResultIndicator(models.Model):
    """An indicator of the floor, in one version, attached to an outcome or an output. It
    owns the baselines, targets and actuals stored in the floor's value store."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="indicators")
    outcome = models.ForeignKey(
        Outcome, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    output = models.ForeignKey(
        Output, null=True, blank=True, on_delete=models.CASCADE, related_name="indicators"
    )
    version = models.ForeignKey(IndicatorVersion, on_delete=models.PROTECT, related_name="+")
    position = models.PositiveSmallIntegerField(default=0)
    values = GenericRelation(
        IndicatorValue, content_type_field="owner_type", object_id_field="owner_id"
    )

    class Meta:
        ordering = ["plan", "position", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(outcome__isnull=True, output__isnull=False)
                | Q(outcome__isnull=False, output__isnull=True),
                name="results_indicator_one_owner",
            ),
            models.UniqueConstraint(
                fields=["outcome", "version"],
                condition=Q(outcome__isnull=False),
                name="results_indicator_once_per_outcome",
            ),
            models.UniqueConstraint(
                fields=["output", "version"],
                condition=Q(output__isnull=False),
                name="results_indicator_once_per_output",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.version} on {self.output_id or self.outcome_id}"


class PartnerKind(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    UN_ENTITY = "un_entity", _("UN entity")
    CIVIL_SOCIETY = "civil_society", _("Civil society")
    PRIVATE_SECTOR = "private_sector", _("Private sector")
    ACADEMIC = "academic", _("Academia")
    DONOR = "donor", _("Donor")
    OTHER = "other", _("Other")


class Partner(models.Model):
    """An organisation an outcome is worked towards with (INMUJERES, COLMEX, UNDP...)."""

    outcome = models.ForeignKey(Outcome, on_delete=models.CASCADE, related_name="partners")
    name = models.CharField(_("name"), max_length=200)
    kind = models.CharField(_("kind"), max_length=20, choices=PartnerKind.choices)

    class Meta:
        ordering = ["outcome", "name"]
        constraints = [
            models.UniqueConstraint(fields=["outcome", "name"], name="results_partner_once"),
        ]

    def __str__(self) -> str:
        return self.name


class JointProgramme(models.Model):
    """A programme run with other entities (the Spotlight Initiative), and the outcomes
    of the plan it contributes to."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="joint_programmes")
    name = models.CharField(_("name"), max_length=200)
    entities = models.TextField(_("participating entities"), blank=True)  # one per line
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="joint_programmes")

    class Meta:
        ordering = ["plan", "name"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "name"], name="results_programme_once"),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def entity_list(self) -> list[str]:
        return [line.strip() for line in self.entities.splitlines() if line.strip()]
