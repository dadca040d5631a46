"""Learning notes and their actions: what the network learned from a frozen snapshot of
its indicator values, what it will do about it (an owner, a due date) and the review of
both at the partners' meetings.

The backbone's coordinators and editors write notes and actions; the owner of an action
or a coordinator closes, drops or reopens it; a review is recorded by whoever may write
notes or whoever recorded the meeting. A note is read by everyone in the network, so it
holds no identity: a text that names a participant's code is refused. Every change is
audited (codes and ids only).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts.access import roles_by_organisation
from cometa.accounts.acting import Actor, is_system, person_or_none
from cometa.accounts.models import Membership, Person
from cometa.accounts.roles import can_edit
from cometa.network.access import may_manage
from cometa.network.models import (
    IndicatorRun,
    LearningAction,
    LearningNote,
    LearningReview,
    Meeting,
    Member,
    Network,
    Participant,
    StoredTable,
)
from cometa.network.services.common import invalid, record, require

__all__ = [
    "MOVES",
    "action_add",
    "action_status",
    "learning_review",
    "may_close_action",
    "may_review",
    "may_write_notes",
    "note_write",
]

Status = LearningAction.Status
#: the moves of an action's status: done stays done (a new action says what is left);
#: a dropped action may be reopened (the undo of a drop)
MOVES: dict[str, frozenset[str]] = {
    Status.OPEN: frozenset({Status.DONE, Status.DROPPED}),
    Status.DROPPED: frozenset({Status.OPEN}),
}
#: what a participant's code looks like (services.participants.new_code), to refuse it
CODE_LIKE = re.compile(r"\b[A-Z0-9]{4}-[A-Z0-9]{4}\b", re.IGNORECASE)


def may_write_notes(actor: Actor, network: Network) -> bool:
    """The backbone's coordinators and editors (and platform administrators)."""
    if is_system(actor) or may_manage(actor, network):
        return True
    role = roles_by_organisation(actor).get(network.backbone_id)
    return role is not None and can_edit(role)


def may_close_action(actor: Actor, action: LearningAction) -> bool:
    """The action's owner or a coordinator of the backbone."""
    owner = not is_system(actor) and action.owner_id == actor.pk
    return owner or may_manage(actor, action.note.network)


def may_review(actor: Actor, meeting: Meeting) -> bool:
    """Who writes notes, or whoever recorded the meeting."""
    recorded = not is_system(actor) and meeting.recorded_by_id == actor.pk
    return recorded or may_write_notes(actor, meeting.network)


def _no_identity(field: str, text: str, network: Network) -> None:
    """Refuses a text that names one of the network's participants by her code: notes are
    read by every partner, and a code leads back to a woman."""
    found = {token.upper() for token in CODE_LIKE.findall(text)}
    if found and Participant.objects.filter(member__network=network, code__in=found).exists():
        raise invalid(field, _("Notes are read by every partner: name no participant."))


def _codes(snapshot: IndicatorRun, codes: Sequence[str]) -> str:
    wanted = sorted({c.strip() for c in codes if c.strip()})
    known = set(
        StoredTable.objects.filter(run=snapshot, code__in=wanted).values_list("code", flat=True)
    )
    unknown = [c for c in wanted if c not in known]
    if unknown:
        message = _("The snapshot holds no indicator %(code)s.") % {"code": unknown[0]}
        raise invalid("codes", message)
    return f" {' '.join(wanted)} " if wanted else ""


def note_write(
    *,
    actor: Actor,
    network: Network,
    snapshot: IndicatorRun,
    title: str,
    text: str,
    codes: Sequence[str] = (),
    member: Member | None = None,
) -> LearningNote:
    """A note on a frozen snapshot (``indicators_freeze``): a run that may still be
    replaced would change the numbers under the note."""
    require(
        may_write_notes(actor, network),
        _("Only the backbone's coordinators and editors write learning notes."),
    )
    if snapshot.network_id != network.pk:
        raise invalid("snapshot", _("The snapshot must be one of this network's."))
    if not snapshot.frozen:
        message = _("Freeze the indicator values first: notes refer to a frozen snapshot.")
        raise invalid("snapshot", message)
    if member is not None and member.network_id != network.pk:
        raise invalid("member", _("The member must be a member of this network."))
    title, text = title.strip(), text.strip()
    if not title:
        raise invalid("title", _("A title is required."))
    if not text:
        raise invalid("text", _("Say what was learned."))
    _no_identity("title", title, network)
    _no_identity("text", text, network)
    with transaction.atomic():
        note = LearningNote.objects.create(
            network=network, snapshot=snapshot, codes=_codes(snapshot, codes), member=member,
            title=title[:200], text=text, written_by=person_or_none(actor),
        )  # fmt: skip
        record(
            actor=actor, action="learning.note", target=note,
            organisation_id=network.backbone_id,
            changes={"snapshot": [None, snapshot.pk], "codes": [None, note.code_list]},
        )  # fmt: skip
    return note


def _belongs(person: Person, network: Network) -> bool:
    """Works for the network's backbone or one of its members."""
    members = Member.objects.filter(network=network).values("organisation_id")
    memberships = Membership.objects.filter(person=person)
    return (
        memberships.filter(organisation_id=network.backbone_id).exists()
        or memberships.filter(organisation_id__in=members).exists()
    )


def action_add(
    *, actor: Actor, note: LearningNote, text: str, owner: Person, due_on: date
) -> LearningAction:
    network = note.network
    require(
        may_write_notes(actor, network),
        _("Only the backbone's coordinators and editors add actions."),
    )
    text = text.strip()
    if not text:
        raise invalid("text", _("Say what is to be done."))
    _no_identity("text", text, network)
    if not _belongs(owner, network):
        raise invalid("owner", _("The owner must work for the backbone or a member."))
    with transaction.atomic():
        action = LearningAction.objects.create(
            note=note, text=text, owner=owner, due_on=due_on, created_by=person_or_none(actor)
        )
        record(
            actor=actor, action="learning.action", target=action,
            organisation_id=network.backbone_id,
            changes={"owner": [None, owner.pk], "due_on": [None, due_on.isoformat()]},
        )  # fmt: skip
    return action


def _moves(action: LearningAction, to_status: str, reason: str) -> None:
    if to_status not in Status.values:
        raise invalid("status", _("Unknown status “%(value)s”.") % {"value": to_status})
    if to_status not in MOVES.get(action.status, frozenset()):
        raise invalid(
            "status",
            _("An action that is %(from)s cannot become %(to)s.")
            % {"from": Status(action.status).label, "to": Status(to_status).label},
        )
    if to_status == Status.DROPPED and not reason.strip():
        raise invalid("reason", _("Say why the action is dropped."))


def action_status(
    *, actor: Actor, action: LearningAction, status: str, reason: str = ""
) -> LearningAction:
    """Done or dropped (with the reason); a dropped action may be reopened (undo). A done
    action stays done: a new action says what is still to do."""
    require(
        may_close_action(actor, action),
        _("Only the action's owner or a coordinator of the backbone changes its status."),
    )
    _moves(action, status, reason)
    before = action.status
    with transaction.atomic():
        action.status = status
        action.done_at = timezone.now() if status == Status.DONE else None
        action.reason = reason.strip() if status == Status.DROPPED else ""
        action.save(update_fields=["status", "done_at", "reason"])
        record(
            actor=actor, action="learning.status", target=action,
            organisation_id=action.note.network.backbone_id,
            changes={"status": [before, status]},
        )  # fmt: skip
    return action


def learning_review(
    *,
    actor: Actor,
    meeting: Meeting,
    outcome: str,
    note: LearningNote | None = None,
    action: LearningAction | None = None,
    new_due_on: date | None = None,
) -> LearningReview:
    """Records that a note or an action was looked at in ``meeting``; a new due date
    agreed there moves the action's."""
    require(
        may_review(actor, meeting),
        _(
            "Only the backbone's coordinators and editors, or whoever recorded the "
            "meeting, record reviews."
        ),
    )
    if (note is None) == (action is None):
        raise invalid("note", _("Review either a note or an action."))
    target_note = note if note is not None else action.note  # type: ignore[union-attr]
    if target_note.network_id != meeting.network_id:
        raise invalid("note", _("The note must be one of this network's."))
    if new_due_on is not None and action is None:
        raise invalid("new_due_on", _("Only an action has a due date."))
    if new_due_on is not None and action is not None and action.status != Status.OPEN:
        raise invalid("new_due_on", _("Only an open action gets a new due date."))
    outcome = outcome.strip()
    if not outcome:
        raise invalid("outcome", _("Say what came of the review."))
    _no_identity("outcome", outcome, meeting.network)
    with transaction.atomic():
        review = LearningReview.objects.create(
            meeting=meeting, note=note, action=action, outcome=outcome,
            new_due_on=new_due_on, reviewed_by=person_or_none(actor),
        )  # fmt: skip
        changes: dict[str, list[object]] = {"meeting": [None, meeting.pk]}
        if action is not None and new_due_on is not None:
            changes["due_on"] = [action.due_on.isoformat(), new_due_on.isoformat()]
            action.due_on = new_due_on
            action.save(update_fields=["due_on"])
        record(
            actor=actor, action="learning.review", target=review,
            organisation_id=meeting.network.backbone_id, changes=changes,
        )  # fmt: skip
    return review
