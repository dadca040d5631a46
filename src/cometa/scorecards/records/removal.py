"""Undo for what an assessment's editors remove: team members, action points, evidence.

Removing a row keeps a copy of its fields (:class:`Removed`) in the same transaction as
the deletion and its audit entry; for :data:`UNDO_DAYS` an editor of the team can put it
back, with its id, while the assessment can still be changed. An evidence file stays in
storage until then. Expired copies, and their files, are dropped by :func:`removed_purge`,
which every removal runs and ``cometa scorecard purge-removed`` runs on demand.
"""

from __future__ import annotations

import json
from datetime import date, datetime, time, timedelta
from typing import Any

from django.db import IntegrityError, models, transaction
from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts import audit
from cometa.accounts.acting import Actor, person_or_none
from cometa.accounts.models import Person
from cometa.core import storage
from cometa.core.errors import Conflict
from cometa.scorecards.assessments import access
from cometa.scorecards.assessments.guards import require_edit
from cometa.scorecards.models import (
    ActionPoint,
    Assessment,
    Evidence,
    Removed,
    RemovedKind,
    TeamMember,
)
from cometa.scorecards.records.files import storage_name

UNDO_DAYS = 30

MODELS: dict[str, type[models.Model]] = {
    RemovedKind.TEAM_MEMBER: TeamMember,
    RemovedKind.ACTION: ActionPoint,
    RemovedKind.EVIDENCE: Evidence,
}


def kept_copy(*, actor: Actor, row: Any, kind: str, label: str) -> Removed:
    """Keeps ``row``'s fields before the caller deletes it (inside the caller's
    transaction)."""
    fields = {field.attname: field.value_from_object(row) for field in row._meta.concrete_fields}
    return Removed.objects.create(
        assessment_id=row.assessment_id,
        kind=kind,
        label=label[:300],
        data=json.loads(json.dumps(fields, default=_as_json)),
        removed_by=person_or_none(actor),
        removed_at=timezone.now(),
    )


def removed_for(person: Person, assessment: Assessment) -> QuerySet[Removed]:
    """What can still be put back into ``assessment``, for people who may edit it (nothing
    for anyone else), the latest removed first."""
    if not access.may_edit(person, assessment):
        return Removed.objects.none()
    rows = Removed.objects.filter(assessment=assessment, removed_at__gte=_cutoff())
    return rows.select_related("removed_by")


def removed_get(person: Person, pk: object, *, assessment_pk: object = None) -> Removed:
    """A kept copy in an assessment the person may see (in ``assessment_pk`` if given),
    else 404."""
    rows = Removed.objects.select_related("assessment__organisation").filter(
        assessment__in=access.assessments_for(person)
    )
    try:
        if assessment_pk is not None:
            rows = rows.filter(assessment_id=int(str(assessment_pk)))
        return rows.get(pk=int(str(pk)))
    except (Removed.DoesNotExist, ValueError):
        raise Http404("No such removed item.") from None


def removed_restore(*, actor: Actor, removed: Removed) -> models.Model:
    """Puts the row back as it was, with its id; audited."""

    with transaction.atomic():
        require_edit(actor, removed.assessment)
        current = Removed.objects.select_for_update().filter(pk=removed.pk).first()
        if current is None:
            raise Conflict("already_restored", _("This item was already put back."))
        if current.removed_at < _cutoff():
            message = _("Removed items can be put back for %(days)s days; this one is older.")
            raise Conflict("too_late", message % {"days": UNDO_DAYS})
        row = _rebuilt(current)
        stamps = _creation_stamps(row)  # save() would stamp them anew
        try:
            with transaction.atomic():
                row.save(force_insert=True)
                if stamps:
                    type(row)._default_manager.filter(pk=row.pk).update(**stamps)
        except IntegrityError:
            raise Conflict(
                "cannot_restore", _("This item can no longer be put back as it was.")
            ) from None
        audit.record(
            actor=actor,
            action=f"assessment.{current.kind}.restore",
            target=row,
            changes={"label": [None, current.label]},
            organisation_id=current.assessment.organisation_id,
        )
        current.delete()
    return row


def removed_purge(*, now: datetime | None = None) -> int:
    """Drops the copies older than :data:`UNDO_DAYS` and their evidence files."""
    expired = Removed.objects.filter(removed_at__lt=_cutoff(now))
    files = [
        row.data.get("stored_name")
        for row in expired.filter(kind=RemovedKind.EVIDENCE).only("data")
    ]
    count, _details = expired.delete()
    for name in filter(None, files):
        storage.delete(storage_name(name))
    return count


def _as_json(value: object) -> str:
    """Dates and times in full ISO 8601 (Django's JSON encoder drops the microseconds,
    and a restored row should be the row that was removed); other values as text."""
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)  # Decimal, UUID


def _rebuilt(removed: Removed) -> models.Model:
    model = MODELS[removed.kind]
    values = {
        field.attname: field.to_python(removed.data[field.attname])
        for field in model._meta.concrete_fields
        if field.attname in removed.data
    }
    return model(**values)


def _creation_stamps(row: models.Model) -> dict[str, Any]:
    """The row's ``auto_now_add`` values: when it was first made, not when it came back."""
    return {
        field.attname: getattr(row, field.attname)
        for field in row._meta.concrete_fields
        if getattr(field, "auto_now_add", False)
    }


def _cutoff(now: datetime | None = None) -> datetime:
    return (now or timezone.now()) - timedelta(days=UNDO_DAYS)
