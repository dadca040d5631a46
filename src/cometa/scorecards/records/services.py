"""Business operations on what an assessment holds besides its ratings: its team, action
points and review comments (evidence files: :mod:`cometa.scorecards.records.evidence`).

Pages, the API and the command line call these. Each checks permission and the
assessment's state, validates, writes in one transaction and appends the audit entry.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor
from cometa.accounts.models import Person
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.scorecards.assessments import access, guards
from cometa.scorecards.models import (
    ActionPoint,
    ActionStatus,
    Assessment,
    RemovedKind,
    ReviewComment,
    TeamMember,
)
from cometa.scorecards.records import removal


def team_member_add(
    *,
    actor: Actor,
    assessment: Assessment,
    name: str,
    entity: str,
    title: str = "",
    is_coordinator: bool = False,
) -> TeamMember:
    guards.require_edit(actor, assessment)
    if not name.strip() or not entity.strip():
        raise ValidationFailed(
            {"name" if not name.strip() else "entity": [_("This field is required.")]}
        )
    with transaction.atomic():
        member = TeamMember.objects.create(
            assessment=assessment,
            name=name.strip(),
            entity=entity.strip(),
            title=title.strip(),
            is_coordinator=is_coordinator,
            position=assessment.team.count(),
        )
        audit.record(
            actor=actor,
            action="assessment.team.add",
            target=member,
            changes={"name": [None, member.name], "entity": [None, member.entity]},
            organisation_id=assessment.organisation_id,
        )
    return member


def team_member_remove(*, actor: Actor, member: TeamMember) -> None:
    guards.require_edit(actor, member.assessment)
    with transaction.atomic():
        audit.record(
            actor=actor,
            action="assessment.team.remove",
            target=member,
            changes={"name": [member.name, None]},
            organisation_id=member.assessment.organisation_id,
        )
        removal.kept_copy(actor=actor, row=member, kind=RemovedKind.TEAM_MEMBER, label=member.name)
        member.delete()
    removal.removed_purge()


@dataclass(frozen=True)
class ActionContent:
    """What an action point says: under which indicator, what is to be done, by whom, by
    when, how far it is (``ActionStatus``) and what was done in each year (year → text)."""

    indicator_code: str
    text: str
    responsible: str = ""
    due_date: date | None = None
    status: str = ActionStatus.PLANNED
    progress: Mapping[str, str] = field(default_factory=dict)


def action_save(
    *,
    actor: Actor,
    assessment: Assessment,
    content: ActionContent,
    action: ActionPoint | None = None,
    expected_version: int | None = None,
) -> ActionPoint:
    """Creates an action point, or changes ``action``: then ``expected_version`` is the
    version the change was based on, and a save based on an older version than the stored
    one is refused (``Conflict`` ``edit_conflict``), so no one's change is silently lost."""
    if action is not None and expected_version is None:
        raise TypeError("changing an action point needs the version it was read at")
    guards.require_edit(actor, assessment)
    guards.require_indicator(assessment, content.indicator_code)
    if not content.text.strip():
        raise ValidationFailed({"text": [_("Describe the action.")]})
    if content.status not in ActionStatus.values:
        message = _("Unknown status “%(status)s”.") % {"status": content.status}
        raise ValidationFailed({"status": [message]})
    fields = ("indicator_code", "text", "responsible", "due_date", "status", "progress")
    with transaction.atomic():
        if action is None:
            point = ActionPoint(assessment=assessment, position=assessment.actions.count())
        else:
            point = _locked_action(action, expected_version or 0)
        before = audit.snapshot(point, fields) if action else {}
        point.indicator_code = content.indicator_code
        point.text, point.responsible = content.text.strip(), content.responsible.strip()
        point.due_date, point.status = content.due_date, content.status
        point.progress = dict(content.progress or {})
        point.version = point.version + 1 if action else 1
        point.save()
        audit.record(
            actor=actor,
            action="assessment.action.save",
            target=point,
            changes=audit.changes_between(before, audit.snapshot(point, fields)),
            organisation_id=assessment.organisation_id,
        )
    return point


def _locked_action(action: ActionPoint, expected_version: int) -> ActionPoint:
    """The stored action point, locked for the change; refused when someone saved it since
    ``expected_version``."""
    current = ActionPoint.objects.select_for_update().get(pk=action.pk)
    if current.version != expected_version:
        raise Conflict(
            "edit_conflict",
            _(
                "This action point was changed by someone else after you opened it. Reload "
                "to see the new version; your changes were not saved."
            ),
        )
    return current


def action_delete(*, actor: Actor, action: ActionPoint) -> None:
    guards.require_edit(actor, action.assessment)
    with transaction.atomic():
        audit.record(
            actor=actor,
            action="assessment.action.delete",
            target=action,
            changes={"text": [action.text, None]},
            organisation_id=action.assessment.organisation_id,
        )
        removal.kept_copy(actor=actor, row=action, kind=RemovedKind.ACTION, label=action.text)
        action.delete()
    removal.removed_purge()


def comment_add(
    *, actor: Person, assessment: Assessment, text: str, indicator_code: str = ""
) -> ReviewComment:
    if not (access.may_review(actor) or access.may_edit(actor, assessment)):
        raise NotPermitted(_("Only reviewers and the team may comment."))
    if indicator_code:
        guards.require_indicator(assessment, indicator_code)
    if not text.strip():
        raise ValidationFailed({"text": [_("Write a comment.")]})
    with transaction.atomic():
        comment = ReviewComment.objects.create(
            assessment=assessment, author=actor, text=text.strip(), indicator_code=indicator_code
        )
        audit.record(
            actor=actor,
            action="assessment.comment",
            target=comment,
            changes={"indicator": [None, indicator_code]},
            organisation_id=assessment.organisation_id,
        )
    return comment
