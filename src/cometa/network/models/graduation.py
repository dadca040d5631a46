"""Graduation judged criterion by criterion against the network's versioned criteria."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.network.codes import CODE_LENGTH, CriterionMethod, CriterionResultCode
from cometa.network.models.network import Network
from cometa.network.models.progress import Enrolment


class GraduationCriterion(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="criteria")
    code = models.CharField(_("code"), max_length=CODE_LENGTH)
    version = models.PositiveSmallIntegerField(default=1)
    name = models.CharField(_("name"), max_length=200)
    essential = models.BooleanField(_("essential"), default=True)
    method = models.CharField(_("method"), max_length=CODE_LENGTH, choices=CriterionMethod.choices)
    in_use = models.BooleanField(default=True)

    class Meta:
        ordering = ["code", "-version"]
        constraints = [
            models.UniqueConstraint(fields=["network", "code", "version"], name="criterion_once")
        ]

    def __str__(self) -> str:
        return f"{self.code} v{self.version}"


class GraduationAssessment(models.Model):
    enrolment = models.ForeignKey(Enrolment, on_delete=models.CASCADE, related_name="assessments")
    assessed_on = models.DateField(_("assessed on"))
    assessor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    passed = models.BooleanField()

    class Meta:
        ordering = ["-assessed_on", "-pk"]

    def __str__(self) -> str:
        return f"{self.enrolment_id} {self.assessed_on} {'passed' if self.passed else 'not yet'}"


class CriterionResult(models.Model):
    assessment = models.ForeignKey(
        GraduationAssessment, on_delete=models.CASCADE, related_name="results"
    )
    criterion = models.ForeignKey(GraduationCriterion, on_delete=models.PROTECT, related_name="+")
    result = models.CharField(max_length=8, choices=CriterionResultCode.choices)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["assessment", "criterion"], name="criterion_result_once"
            )
        ]
        indexes = [models.Index(fields=["criterion", "result"], name="criterion_result_count")]

    def __str__(self) -> str:
        return f"{self.criterion_id}: {self.result}"
