"""What an IATI import keeps beside the results tables so that an export gives the file
back without loss: per outcome, the activity it came from (identifier, header, results in
their IATI shape with document links, references, locations, comments, dimensions,
extensions and every language) and how its parts map onto the tables (``links``). The
tables stay the truth for what Cometa manages (statements, indicators, values); an export
lays their current content over this record (docs/results.md, "IATI in and out")."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.results.models.framework import Outcome, Plan


class IatiActivity(models.Model):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="iati_activities")
    outcome = models.OneToOneField(Outcome, on_delete=models.CASCADE, related_name="iati")
    identifier = models.CharField(_("IATI identifier"), max_length=200)
    activity = models.JSONField(_("activity as imported"))
    links = models.JSONField(_("where its parts are kept"), default=dict)
    file_name = models.CharField(_("imported from"), max_length=255, blank=True)
    file_sha256 = models.CharField(_("file digest"), max_length=64, blank=True)
    imported_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["plan", "identifier"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "identifier"], name="results_iati_once"),
        ]

    def __str__(self) -> str:
        return self.identifier
