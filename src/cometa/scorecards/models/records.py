from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cometa.scorecards.models.assessments import Assessment


class EvidenceCategory(models.TextChoices):
    """The categories of supporting evidence in an annual progress report."""

    VERIFICATION = "verification", _("Means of verification")
    JOINT_PROGRAMMES = "joint_programmes", _("Joint programme documents")
    COMMUNICATION = "communication", _("Communication and advocacy")
    CF_MONITORING = "cf_monitoring", _("Cooperation Framework reviews and monitoring data")
    GOVERNMENT = "government", _("Government engagement")
    CSO = "cso", _("Engagement with women's and gender-equality organisations")
    RC_COMMUNICATIONS = "rc_communications", _("Resident Coordinator communications")
    CAPACITY = "capacity", _("Capacity development")
    FINANCE = "finance", _("Financial resources")
    OTHER = "other", _("Other")


class Evidence(models.Model):
    """A means of verification: an uploaded file (kept outside the web root), a link, or
    only the name of a document (as imported reports list them)."""

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="evidence")
    indicator_code = models.CharField(_("indicator"), max_length=10, blank=True)
    category = models.CharField(
        _("category"),
        max_length=20,
        choices=EvidenceCategory.choices,
        default=EvidenceCategory.OTHER,
    )
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"), max_length=500, blank=True)
    stored_name = models.CharField(max_length=80, blank=True)
    original_name = models.CharField(max_length=255, blank=True)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    shared = models.BooleanField(_("share in the knowledge hub"), default=False)
    is_good_practice = models.BooleanField(_("good practice"), default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["indicator_code", "id"]

    def __str__(self) -> str:
        return self.title


class ActionStatus(models.TextChoices):
    PLANNED = "planned", _("Planned")
    IN_PROGRESS = "in_progress", _("In progress")
    DONE = "done", _("Done")
    DROPPED = "dropped", _("Dropped")


class ActionPoint(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="actions")
    indicator_code = models.CharField(_("primary indicator"), max_length=10)
    text = models.TextField(_("action point"))
    responsible = models.CharField(_("responsible entities"), max_length=300, blank=True)
    due_date = models.DateField(_("due date"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.PLANNED
    )
    progress = models.JSONField(_("what was done, by year"), default=dict, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    version = models.PositiveIntegerField(default=1)  # a save based on an older one: 409

    class Meta:
        ordering = ["indicator_code", "position", "id"]

    def __str__(self) -> str:
        return f"{self.indicator_code}: {self.text[:60]}"


class ReviewComment(models.Model):
    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="comments")
    indicator_code = models.CharField(_("indicator"), max_length=10, blank=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    text = models.TextField(_("comment"))
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class RemovedKind(models.TextChoices):
    TEAM_MEMBER = "team_member", _("Team member")
    ACTION = "action", _("Action point")
    EVIDENCE = "evidence", _("Evidence")


class Removed(models.Model):
    """A row taken out of an assessment, kept so that it can be put back (undo).

    ``data`` holds the row's fields as they were; an evidence file stays in storage until
    the removal expires (cometa.scorecards.records.removal).
    """

    assessment = models.ForeignKey(Assessment, on_delete=models.CASCADE, related_name="removed")
    kind = models.CharField(max_length=20, choices=RemovedKind.choices)
    label = models.CharField(max_length=300)
    data = models.JSONField()
    removed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    removed_at = models.DateTimeField(db_index=True)

    class Meta:
        ordering = ["-removed_at", "-id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.label}"
