"""Reads of what an assessment holds besides its ratings (team members, action points,
evidence, review comments), for pages, the API and the command line alike.

One access rule for every row: a person sees a row when they may see its assessment
(:func:`cometa.scorecards.assessments.access.assessment_get`), and a row asked for under an
assessment's address must belong to that assessment. Anything else answers 404.
"""

from __future__ import annotations

import logging
from typing import IO, TypeVar

from django.db.models import Model, QuerySet
from django.http import Http404

from cometa.accounts.models import Person
from cometa.core import storage
from cometa.scorecards.assessments import access
from cometa.scorecards.frameworks.selectors import as_pk
from cometa.scorecards.models import ActionPoint, Evidence, ReviewComment, TeamMember
from cometa.scorecards.records import evidence

logger = logging.getLogger(__name__)

_Row = TypeVar("_Row", bound=Model)


def _child(model: type[_Row], person: Person, pk: object, assessment: object, label: str) -> _Row:
    """Row ``pk`` of ``model`` when the person may see its assessment and, if ``assessment``
    is given, the row belongs to it; the assessment is attached to the row."""
    row = model._default_manager.filter(pk=as_pk(pk)).first()
    if row is None:
        raise Http404(f"No such {label}.")
    owner = row.assessment_id  # type: ignore[attr-defined]
    if assessment is not None and as_pk(assessment) != owner:
        raise Http404(f"No such {label} in this assessment.")
    row.assessment = access.assessment_get(person, owner)  # type: ignore[attr-defined]
    return row


def team_of(person: Person, assessment: object) -> QuerySet[TeamMember]:
    return access.assessment_get(person, assessment).team.order_by("position", "id")


def team_member_get(person: Person, pk: object, *, assessment: object = None) -> TeamMember:
    return _child(TeamMember, person, pk, assessment, "team member")


def actions_of(person: Person, assessment: object, *, indicator: str = "") -> QuerySet[ActionPoint]:
    rows = access.assessment_get(person, assessment).actions.all()
    return rows.filter(indicator_code=indicator) if indicator else rows


def action_get(person: Person, pk: object, *, assessment: object = None) -> ActionPoint:
    return _child(ActionPoint, person, pk, assessment, "action point")


def evidence_of(
    person: Person, assessment: object, *, indicator: str = "", category: str = ""
) -> QuerySet[Evidence]:
    rows = access.assessment_get(person, assessment).evidence.all()
    if indicator:
        rows = rows.filter(indicator_code=indicator)
    if category:
        rows = rows.filter(category=category)
    return rows


def evidence_get(person: Person, pk: object, *, assessment: object = None) -> Evidence:
    return _child(Evidence, person, pk, assessment, "evidence")


def comments_of(person: Person, assessment: object) -> QuerySet[ReviewComment]:
    return access.assessment_get(person, assessment).comments.select_related("author")


def shared_evidence() -> QuerySet[Evidence]:
    """Everything in the hub, for anyone allowed in: what teams shared, nothing else."""
    return Evidence.objects.filter(shared=True)


def _shared_evidence(person: Person, pk: object) -> Evidence | None:
    """Evidence a team shared in the knowledge hub, for anyone who may use the hub."""
    if not str(pk).isdigit() or not access.may_use_hub(person):
        return None
    return shared_evidence().filter(pk=int(str(pk))).first()


class NoStoredFile(Http404):
    """The evidence is a link or a document's name: there is no file to send."""


class DamagedFile(Http404):
    """The stored file is gone or no longer matches the digest taken at upload."""


def evidence_file(
    person: Person, pk: object, *, assessment: object = None
) -> tuple[Evidence, IO[bytes]]:
    """An evidence file the person may see, opened from the file storage and checked
    against the digest stored at upload: a missing or altered file is a 404, never served.
    Every download (page and API) comes through here; the caller closes the file (a
    FileResponse does). Under an assessment's address (the API) the file must belong to that
    assessment; otherwise (the pages) evidence shared in the knowledge hub may be read by
    anyone who may use the hub."""
    shared = None if assessment is not None else _shared_evidence(person, pk)
    item = shared or evidence_get(person, pk, assessment=assessment)
    if not item.stored_name:
        raise NoStoredFile("This evidence has no file.")
    try:
        return item, evidence.evidence_open(item)
    except storage.StoredFileMissing:
        logger.error("Evidence %s: the stored file is missing.", item.pk)
        raise DamagedFile("This evidence file is missing.") from None
    except storage.StoredFileAltered:
        logger.error("Evidence %s: the stored file does not match its digest.", item.pk)
        raise DamagedFile("This evidence file is damaged.") from None
