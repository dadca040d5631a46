"""The review workflow: draft → submitted → under review → returned or approved → published.

Every step checks who may take it from which state, and is audited. Nobody approves
an assessment they submitted themselves.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone
from django.utils.functional import Promise
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from cometa.accounts import audit
from cometa.accounts.models import Person
from cometa.core.errors import Conflict, NotPermitted, ServiceError
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.quality import quality_findings
from cometa.scorecards.models import Assessment, ReviewComment
from cometa.scorecards.models import AssessmentStatus as S


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


# What a refusal says, by step: whole sentences, since the verb and the word order differ
# between languages.
NOT_YOURS: dict[str, Promise] = {
    "submit": gettext_lazy("You may not submit this assessment."),
    "start_review": gettext_lazy("You may not start the review of this assessment."),
    "return": gettext_lazy("You may not return this assessment."),
    "approve": gettext_lazy("You may not approve this assessment."),
    "unapprove": gettext_lazy("You may not withdraw the approval of this assessment."),
    "publish": gettext_lazy("You may not publish this assessment."),
}
WRONG_STATE: dict[str, Promise] = {
    "submit": gettext_lazy("The assessment cannot be submitted while its status is “%(status)s”."),
    "start_review": gettext_lazy(
        "The review cannot start while the status of the assessment is “%(status)s”."
    ),
    "return": gettext_lazy("The assessment cannot be returned while its status is “%(status)s”."),
    "approve": gettext_lazy("The assessment cannot be approved while its status is “%(status)s”."),
    "unapprove": gettext_lazy(
        "The approval cannot be withdrawn while the status of the assessment is “%(status)s”."
    ),
    "publish": gettext_lazy("The assessment cannot be published while its status is “%(status)s”."),
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
        raise ServiceError(
            "unknown_step", _("Unknown workflow step “%(step)s”.") % {"step": step_name}
        )
    if not _may(actor, assessment, step):
        raise NotPermitted(str(NOT_YOURS[step.name]))
    with transaction.atomic():
        current = Assessment.objects.select_for_update().get(pk=assessment.pk)
        if current.status not in step.sources:
            status = current.get_status_display()
            raise Conflict("wrong_state", str(WRONG_STATE[step.name]) % {"status": status})
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
            problems = "; ".join(f.message for f in blocking)
            raise ServiceError(
                blocking[0].code,
                _("Fix these before submitting: %(problems)s") % {"problems": problems},
            )
    if step.name in ("approve", "publish") and assessment.submitted_by_id == actor.pk:
        raise NotPermitted(_("You submitted this assessment: someone else must approve it."))
    if step.name in ("return", "unapprove") and not comment.strip():
        raise ServiceError("comment_required", _("Say what needs to change."), field="comment")


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
