"""What an assessment team decided about a suggested rating: accepted (the suggestion's
answers and inputs were applied to the indicator) or overridden (the team keeps its own
rating, with the reason). Every decision is kept, the latest counts; each is audited."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.scorecards.models.assessments import Assessment


class SuggestionDecisionKind(models.TextChoices):
    ACCEPTED = "accepted", _("Accepted")
    OVERRIDDEN = "overridden", _("Overridden")


class SuggestionDecision(models.Model):
    assessment = models.ForeignKey(
        Assessment, on_delete=models.CASCADE, related_name="suggestion_decisions"
    )
    indicator_code = models.CharField(_("indicator"), max_length=10)
    source = models.CharField(_("source"), max_length=40)  # the providing module: "results"
    decision = models.CharField(
        _("decision"), max_length=12, choices=SuggestionDecisionKind.choices
    )
    suggested_level = models.CharField(_("suggested rating"), max_length=30)
    team_level = models.CharField(_("the team's rating"), max_length=30, blank=True)
    answers = models.JSONField(default=dict, blank=True)
    inputs = models.JSONField(default=dict, blank=True)
    figures = models.JSONField(default=dict, blank=True)
    summary = models.TextField(_("figures"), blank=True)
    evidence = models.JSONField(default=list, blank=True)  # [{"label": ..., "detail": ...}]
    rows = models.JSONField(default=list, blank=True)  # ids of the rows the figures came from
    reason = models.TextField(_("reason"), blank=True)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    decided_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["assessment", "indicator_code", "-decided_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(decision="overridden") | ~models.Q(reason=""),
                name="suggestion_override_has_reason",
            )
        ]

    def __str__(self) -> str:
        return f"{self.assessment} PI {self.indicator_code}: {self.decision}"
