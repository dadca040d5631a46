"""What waits for a person on their landing page: assessments to review, and their own
teams' assessments still being written or sent back. Reads only, through the access rules."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from cometa.accounts.access import membership_facts
from cometa.accounts.models import Person
from cometa.scorecards.assessments import access
from cometa.scorecards.models import Assessment, AssessmentStatus
from cometa.scorecards.models.assessments import EDITABLE_STATUSES

SHOWN = 8
# What the cards show and what the access rules read: the rest of the row stays unread.
LISTED = (
    "id",
    "year",
    "status",
    "updated_at",
    "submitted_at",
    "organisation__name",
    "organisation__kind",
    "organisation__parent__name",
    "organisation__parent__parent_id",
)  # rows per list; the count says how many there are in all

WAITING_FOR_REVIEW = (AssessmentStatus.SUBMITTED, AssessmentStatus.UNDER_REVIEW)


@dataclass(frozen=True)
class Worklist:
    label_key: str  # "review" or "finish": which card the page shows
    rows: list[Assessment]
    total: int

    @property
    def more(self) -> int:
        """How many are not shown."""
        return self.total - len(self.rows)


def worklists(person: Person) -> list[Worklist]:
    """The non-empty lists for ``person``: to review (reviewers), to finish (editors)."""
    found = []
    if access.may_review(person):
        waiting = _to_review(person)
        shown = list(waiting[:SHOWN])
        total = waiting.count() if len(shown) == SHOWN else len(shown)  # counted when cut
        found.append(Worklist("review", shown, total))
    unfinished = _to_finish(person)
    found.append(Worklist("finish", unfinished[:SHOWN], len(unfinished)))
    return [worklist for worklist in found if worklist.total]


def _to_review(person: Person) -> QuerySet[Assessment]:
    """Submitted or under review, oldest submission first (the longest waiting)."""
    return (
        access.assessments_for(person)
        .filter(status__in=WAITING_FOR_REVIEW)
        .select_related(None)
        .select_related("organisation__parent")
        .only(*LISTED)
        .order_by("submitted_at", "id")
    )


def _to_finish(person: Person) -> list[Assessment]:
    """Drafts and returned assessments of the teams the person may edit, latest first
    (few: a team has one or two open at a time)."""
    if not person.is_platform_admin and not any(
        fact.role in access.EDITING for fact in membership_facts(person)
    ):
        return []  # nobody edits without an editing role somewhere: no need to ask
    rows = (
        access.assessments_for(person)
        .filter(status__in=EDITABLE_STATUSES)
        .select_related(None)
        .select_related("organisation__parent")
        .only(*LISTED)
    )
    return [row for row in rows.order_by("-updated_at", "-id") if access.may_edit(person, row)]
