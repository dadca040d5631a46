"""The office's registers: knowledge products and budget lines with their marker."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cometa.accounts.models import Organisation
from cometa.results.models.framework import Outcome, Output
from cometa.results.scales import GenderMarker


class KnowledgeKind(models.TextChoices):
    STUDY = "study", _("Study or research")
    REPORT = "report", _("Report")
    METHODOLOGY = "methodology", _("Methodology or guide")
    TOOL = "tool", _("Tool or platform")
    COURSE = "course", _("Course")
    CAMPAIGN = "campaign", _("Campaign")
    DATA = "data", _("Data or statistics")
    OTHER = "other", _("Other")


class KnowledgeProduct(models.Model):
    """A study, methodology, course... an office produced, with whom and where to find it."""

    office = models.ForeignKey(
        Organisation, on_delete=models.PROTECT, related_name="knowledge_products"
    )
    title = models.CharField(_("title"), max_length=400)
    kind = models.CharField(_("type"), max_length=20, choices=KnowledgeKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    partners = models.TextField(_("partners"), blank=True)  # one per line
    url = models.URLField(_("link"), max_length=500, blank=True)
    language = models.CharField(_("language"), max_length=8, blank=True)
    outcomes = models.ManyToManyField(Outcome, blank=True, related_name="knowledge_products")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["office__name", "-year", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["office", "title", "year"], name="results_knowledge_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.year})"

    @property
    def partner_list(self) -> list[str]:
        return [line.strip() for line in self.partners.splitlines() if line.strip()]


class BudgetLine(models.Model):
    """A year's budget of an output, or of one activity under it, with its gender equality
    marker. ``activity`` is empty for the output as a whole."""

    output = models.ForeignKey(Output, on_delete=models.CASCADE, related_name="budget_lines")
    activity = models.CharField(_("activity"), max_length=200, blank=True)
    year = models.PositiveSmallIntegerField(_("year"))
    amount = models.DecimalField(_("amount"), max_digits=18, decimal_places=2)
    currency = models.CharField(_("currency"), max_length=3)
    marker = models.PositiveSmallIntegerField(
        _("gender equality marker"), choices=GenderMarker.choices
    )

    class Meta:
        ordering = ["output", "year", "activity"]
        constraints = [
            models.UniqueConstraint(
                fields=["output", "activity", "year"], name="results_budget_once"
            ),
            models.CheckConstraint(condition=Q(amount__gte=0), name="results_budget_amount"),
            models.CheckConstraint(
                condition=Q(marker__gte=0, marker__lte=3), name="results_budget_marker"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.output} {self.activity or '-'} {self.year}: {self.amount} {self.currency}"
