"""Taking a woman's record away: removal that can be undone, erasure that cannot, and the
retention periods after which the purge erases what is no longer needed.

- **Removal** (a duplicate, a record made in error): she disappears from every path —
  lists, pages, exports, searches, identities, flags — and her holding partner's
  coordinators can put her back for :data:`UNDO_DAYS` days.
- **Erasure** (her request, or the end of a retention period): her identity, her profile
  answers, her follow-up answers, the free text written about her (mentoring next steps,
  flag notes, referrals) are deleted or blanked in every table. What stays is the
  pseudonymous skeleton — code, dates of enrolment and exit, attendance marks — so that
  figures already reported still add up; nothing in it leads back to her.

Audit entries never held her name or answers (``services.common.record``), so erasure
touches none of them and the audit chain stays valid.
"""

from __future__ import annotations

from datetime import timedelta

from django.db import models, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, person_or_none
from cometa.core.errors import Conflict
from cometa.network.access import may_coordinate_member
from cometa.network.models import (
    Answer,
    FollowUpTask,
    Identity,
    MentoringContact,
    Participant,
    PsychosocialFlag,
    SurveyResponse,
)
from cometa.network.services.common import choice, record, require
from cometa.network.services.participants import PROFILE_FIELDS

UNDO_DAYS = 30


class RemovalReason(models.TextChoices):
    DUPLICATE = "duplicate", _("A duplicate of another record")
    ERROR = "entered_in_error", _("Entered in error")
    HER_REQUEST = "her_request", _("She asked for it")
    RETENTION = "retention", _("Its retention period ended")


def _reason(reason: str) -> str:
    return choice("reason", reason, RemovalReason, _("Unknown reason “%(value)s”."))


def participant_remove(*, actor: Actor, participant: Participant, reason: str) -> Participant:
    require(
        may_coordinate_member(actor, participant.member),
        _("Only a coordinator of the partner holding her record removes it."),
    )
    _reason(reason)
    if participant.deleted_at is not None:
        raise Conflict("already_removed", _("This record was already removed."))
    with transaction.atomic():
        participant.deleted_at, participant.deleted_by = timezone.now(), person_or_none(actor)
        participant.save(update_fields=["deleted_at", "deleted_by"])
        record(
            actor=actor,
            action="participant.remove",
            target=participant,
            organisation_id=participant.member.organisation_id,
            changes={"reason": reason},
        )
    return participant


def participant_restore(*, actor: Actor, participant: Participant) -> Participant:
    require(
        may_coordinate_member(actor, participant.member),
        _("Only a coordinator of the partner holding her record puts it back."),
    )
    if participant.deleted_at is None or participant.erased_at is not None:
        raise Conflict("not_removed", _("This record cannot be put back."))
    if participant.deleted_at < timezone.now() - timedelta(days=UNDO_DAYS):
        message = _("Removed records can be put back for %(days)d days only.")
        raise Conflict("too_late", message % {"days": UNDO_DAYS})
    with transaction.atomic():
        participant.deleted_at, participant.deleted_by = None, None
        participant.save(update_fields=["deleted_at", "deleted_by"])
        record(
            actor=actor,
            action="participant.restore",
            target=participant,
            organisation_id=participant.member.organisation_id,
        )
    return participant


def _blank(participant: Participant) -> None:
    for name in PROFILE_FIELDS:
        field = Participant._meta.get_field(name)
        setattr(participant, name, None if getattr(field, "null", False) else "")
    participant.disability = None
    Identity.objects.filter(participant=participant).delete()
    PsychosocialFlag.objects.filter(participant=participant).delete()  # referrals cascade
    FollowUpTask.objects.filter(enrolment__participant=participant).update(
        work_status="", income_band="", has_business=None, in_education=None
    )
    MentoringContact.objects.filter(enrolment__participant=participant).update(next_step="")
    # her survey answers go; the response (round, day) stays as part of the skeleton, and
    # loses the submission id that would lead back to her answers in Kobo or ODK
    Answer.objects.filter(response__participant=participant).delete()
    SurveyResponse.objects.filter(participant=participant).update(source_system="", source_id="")


def participant_erase(*, actor: Actor, participant: Participant, reason: str) -> Participant:
    """Erases her identity and answers for good (see the module's text)."""
    require(
        may_coordinate_member(actor, participant.member),
        _("Only a coordinator of the partner holding her record erases it."),
    )
    _reason(reason)
    if participant.erased_at is not None:
        raise Conflict("already_erased", _("This record was already erased."))
    with transaction.atomic():
        _blank(participant)
        now = timezone.now()
        participant.erased_at = now
        participant.deleted_at = participant.deleted_at or now
        participant.save()
        record(
            actor=actor,
            action="participant.erase",
            target=participant,
            organisation_id=participant.member.organisation_id,
            changes={"reason": reason},
        )
    return participant
