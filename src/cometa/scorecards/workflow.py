"""The review workflow: draft → submitted → under review → returned or approved → published.

Every step checks who may take it from which state, and is audited. Nobody approves
an assessment they submitted themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from cometa.accounts import audit
from cometa.accounts.models import Person
from cometa.core.errors import Conflict, NotPermitted, ServiceError
from cometa.scorecards import access
from cometa.scorecards.models import Assessment, ReviewComment
from cometa.scorecards.models import AssessmentStatus as S
from cometa.scorecards.quality import quality_findings


@dataclass(frozen=True)
class Step:
    name: str
    sources: tuple[str, ...]
    target: str
    who: str  # "coordinator" of the team, or "reviewer"


STEPS = {
    step.name: step
    for step in (
        Step("submit", (S.DRAFT, S.RETURNED), S.SUBMITTED, "coordinator"),
        Step("start_review", (S.SUBMITTED,), S.UNDER_REVIEW, "reviewer"),
        Step("return", (S.SUBMITTED, S.UNDER_REVIEW), S.RETURNED, "reviewer"),
        Step("approve", (S.UNDER_REVIEW,), S.APPROVED, "reviewer"),
        Step("unapprove", (S.APPROVED,), S.UNDER_REVIEW, "reviewer"),
        Step("publish", (S.APPROVED,), S.PUBLISHED, "reviewer"),
    )
}


def allowed_steps(person: Person, assessment: Assessment) -> list[str]:
    return [
        name
        for name, step in STEPS.items()
        if _may(person, assessment, step) and assessment.status in step.sources
    ]


def _may(person: Person, assessment: Assessment, step: Step) -> bool:
    if step.who == "coordinator":
        return access.may_coordinate(person, assessment)
    return access.may_review(person)


def transition(
    *, actor: Person, assessment: Assessment, step_name: str, comment: str = ""
) -> Assessment:
    step = STEPS.get(step_name)
    if step is None:
        raise ServiceError("unknown_step", f"Unknown workflow step {step_name!r}.")
    if not _may(actor, assessment, step):
        raise NotPermitted(f"You may not {step_name.replace('_', ' ')} this assessment.")
    with transaction.atomic():
        current = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if current.status not in step.sources:
            raise Conflict(
                "wrong_state",
                f"This step ({step_name.replace('_', ' ')}) is not possible while the "
                f"assessment is {current.get_status_display().lower()}.",
            )
        _guard(actor, current, step, comment)
        before = current.status
        _stamp(actor, current, step)
        current.status = step.target
        current.save()
        if comment.strip():
            ReviewComment.objects.create(assessment=current, author=actor, text=comment.strip())
        audit.record(
            actor=actor,
            action=f"assessment.{step_name}",
            target=current,
            changes={"status": [before, current.status]}
            | ({"comment": [None, comment.strip()]} if comment.strip() else {}),
            organisation_id=current.organisation_id,
        )
    return current


def _guard(actor: Person, assessment: Assessment, step: Step, comment: str) -> None:
    if step.name == "submit":
        blocking = [f for f in quality_findings(assessment) if f.severity == "error"]
        if blocking:
            raise ServiceError(
                blocking[0].code,
                "Fix these before submitting: " + "; ".join(f.message for f in blocking),
            )
    if step.name in ("approve", "publish") and assessment.submitted_by_id == actor.pk:
        raise NotPermitted("You submitted this assessment: someone else must approve it.")
    if step.name in ("return", "unapprove") and not comment.strip():
        raise ServiceError("comment_required", "Say what needs to change.", field="comment")


def _stamp(actor: Person, assessment: Assessment, step: Step) -> None:
    now = timezone.now()
    if step.name == "submit":
        assessment.submitted_by, assessment.submitted_at = actor, now
    elif step.name == "approve":
        assessment.approved_by, assessment.approved_at = actor, now
    elif step.name == "unapprove":
        assessment.approved_by, assessment.approved_at = None, None
    elif step.name == "publish":
        assessment.published_at = now
