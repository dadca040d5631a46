"""Learning notes: what the network learned from a *frozen* snapshot of its indicator
values (``IndicatorRun`` with ``frozen``), the actions it decided with an owner and a due
date, and their review at the partners' meetings. A note points at the snapshot, never
at participants: its values are read from the stored, already controlled tables, so the
note shows the numbers exactly as they were when it was written.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cometa.network.models.network import Meeting, Member, Network
from cometa.network.models.snapshots import IndicatorRun


class LearningNote(models.Model):
    network = models.ForeignKey(Network, on_delete=models.CASCADE, related_name="learning_notes")
    snapshot = models.ForeignKey(
        IndicatorRun, on_delete=models.RESTRICT, related_name="learning_notes"
    )
    #: the indicator codes the note is about, space-separated and padded (" CI-03 CI-06 ")
    #: so that one ``contains`` finds a code on SQLite and PostgreSQL alike
    codes = models.CharField(_("indicators"), max_length=400, blank=True)
    member = models.ForeignKey(
        Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    title = models.CharField(_("title"), max_length=200)
    text = models.TextField(_("what we learned"))
    written_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-created_at", "-pk"]

    def __str__(self) -> str:
        return f"learning note {self.pk}"

    @property
    def code_list(self) -> list[str]:
        return self.codes.split()


class LearningAction(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("Open")
        DONE = "done", _("Done")
        DROPPED = "dropped", _("Dropped")

    note = models.ForeignKey(LearningNote, on_delete=models.CASCADE, related_name="actions")
    text = models.TextField(_("what to do"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    due_on = models.DateField(_("due"), db_index=True)
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.OPEN
    )
    reason = models.TextField(_("why it was dropped"), blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["due_on", "pk"]

    def __str__(self) -> str:
        return f"learning action {self.pk}"


class LearningReview(models.Model):
    """A note or one of its actions looked at in a meeting: what came of it and, for an
    action, the new due date agreed there (if any)."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="learning_reviews")
    note = models.ForeignKey(
        LearningNote, null=True, blank=True, on_delete=models.CASCADE, related_name="reviews"
    )
    action = models.ForeignKey(
        LearningAction, null=True, blank=True, on_delete=models.CASCADE, related_name="reviews"
    )
    outcome = models.TextField(_("outcome"))
    new_due_on = models.DateField(_("new due date"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["reviewed_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(note__isnull=False, action__isnull=True)
                | Q(note__isnull=True, action__isnull=False),
                name="network_learning_review_one_target",
            )
        ]

    def __str__(self) -> str:
        return f"learning review {self.pk}"
