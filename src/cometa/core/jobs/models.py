"""The job record. One row per request for long work, kept after it ends so the person who
asked can fetch the result until it expires."""

from __future__ import annotations

from datetime import datetime, timedelta

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class JobState(models.TextChoices):
    QUEUED = "queued", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    FAILED = "failed", _("Failed")
    CANCELLED = "cancelled", _("Cancelled")


FINISHED = (JobState.DONE, JobState.FAILED, JobState.CANCELLED)


def result_expiry(now: datetime | None = None) -> datetime:
    """When a job finishing now is removed with its result (``COMETA_JOBS_KEEP_DAYS``)."""
    return (now or timezone.now()) + timedelta(days=settings.JOBS["KEEP_DAYS"])


class Job(models.Model):
    kind = models.CharField(_("kind"), max_length=100)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="jobs",
        verbose_name=_("requested by"),
    )
    parameters = models.JSONField(_("parameters"), default=dict, blank=True)
    state = models.CharField(
        _("state"), max_length=10, choices=JobState.choices, default=JobState.QUEUED
    )
    done = models.PositiveIntegerField(_("done"), default=0)
    total = models.PositiveIntegerField(_("total"), default=0)
    message = models.CharField(_("message"), max_length=300, blank=True)
    result_name = models.CharField(_("result file"), max_length=300, blank=True)
    result_label = models.CharField(_("result file name"), max_length=200, blank=True)
    error = models.TextField(_("error"), blank=True)
    task_id = models.CharField(_("task"), max_length=64, blank=True)
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    expires_at = models.DateTimeField(_("result kept until"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["state", "heartbeat_at"], name="job_state_heartbeat"),
            models.Index(fields=["expires_at"], name="job_expires"),
        ]
        verbose_name = _("job")
        verbose_name_plural = _("jobs")

    def __str__(self) -> str:
        return f"job {self.pk} ({self.kind}, {self.state})"

    @property
    def is_finished(self) -> bool:
        return self.state in FINISHED

    @property
    def percent(self) -> int:
        if not self.total:
            return 100 if self.state == JobState.DONE else 0
        return min(100, 100 * self.done // self.total)
