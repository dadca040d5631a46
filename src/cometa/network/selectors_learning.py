"""Reads of learning notes, their actions and reviews, for the person asking: everyone
inside the network reads them (they hold no identity), anyone else finds no network
(404). A note's values come from its frozen snapshot's stored tables, the network's own
totals, exactly as they were frozen: nothing here counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.translation import get_language

from cometa.accounts.models import Membership, Person
from cometa.indicators.dimensions import builtin_dimensions
from cometa.network.indicators.definitions import by_code
from cometa.network.indicators.store import Cell
from cometa.network.indicators.stored import run_tables, standing
from cometa.network.models import (
    IndicatorRun,
    LearningAction,
    LearningNote,
    LearningReview,
    Meeting,
    Member,
    Network,
)
from cometa.network.selectors_network import row_or_404

__all__ = [
    "NOTE_STATUSES",
    "IndicatorValues",
    "ToReview",
    "action_get",
    "actions_due",
    "is_overdue",
    "note_get",
    "note_values",
    "notes_for",
    "owners_for",
    "reviews_of",
    "snapshots_for",
    "to_review",
]

Open = LearningAction.Status.OPEN
#: filters of the notes list: with an open action, with an overdue one, nothing open
NOTE_STATUSES = ("open", "overdue", "settled")


def notes_for(
    person: Person,
    network: Network,
    *,
    search: str = "",
    code: str = "",
    status: str = "",
    today: date | None = None,
) -> QuerySet[LearningNote]:
    """The network's notes, newest first: ``search`` in the title and the text, ``code``
    an indicator the note is about, ``status`` one of ``NOTE_STATUSES``."""
    standing(person, network)
    rows = LearningNote.objects.filter(network=network).select_related("snapshot", "member")
    if search.strip():
        words = search.strip()
        rows = rows.filter(Q(title__icontains=words) | Q(text__icontains=words))
    if code.strip():
        rows = rows.filter(codes__contains=f" {code.strip()} ")
    if status in NOTE_STATUSES:
        opened = LearningAction.objects.filter(note=OuterRef("pk"), status=Open)
        if status == "overdue":
            opened = opened.filter(due_on__lt=today or date.today())
        rows = rows.filter(~Exists(opened) if status == "settled" else Exists(opened))
    return rows.order_by("-created_at", "-pk")


def note_get(person: Person, network: Network, pk: object) -> LearningNote:
    rows = notes_for(person, network).select_related("written_by", "member__organisation")
    return row_or_404(rows, pk, "No such note.")


def action_get(person: Person, network: Network, pk: object) -> LearningAction:
    standing(person, network)
    rows = LearningAction.objects.filter(note__network=network).select_related("note__network")
    return row_or_404(rows, pk, "No such action.")


def reviews_of(note: LearningNote) -> QuerySet[LearningReview]:
    """The reviews of a note and of its actions, in the order of the meetings (read
    after ``note_get``, which checks the person)."""
    rows = LearningReview.objects.filter(Q(note=note) | Q(action__note=note))
    return rows.select_related("meeting", "action").order_by("meeting__held_on", "pk")


def snapshots_for(person: Person, network: Network) -> QuerySet[IndicatorRun]:
    """The frozen runs a note may refer to, the latest first."""
    standing(person, network)
    return IndicatorRun.objects.filter(network=network, frozen=True).order_by("-computed_at", "-pk")


def owners_for(person: Person, network: Network) -> list[tuple[int, str]]:
    """Who may own an action: the active people of the backbone and of the members, as
    (id, "name, organisation") sorted by name."""
    standing(person, network)
    organisations = [
        network.backbone_id,
        *Member.objects.filter(network=network).values_list("organisation_id", flat=True),
    ]
    rows = Membership.objects.filter(organisation_id__in=organisations, person__is_active=True)
    found: dict[int, str] = {}
    for membership in rows.select_related("person", "organisation").order_by("person__full_name"):
        found.setdefault(
            membership.person_id, f"{membership.person.full_name}, {membership.organisation.name}"
        )
    return list(found.items())


def is_overdue(action: LearningAction, today: date) -> bool:
    return action.status == Open and action.due_on < today


def actions_due(
    person: Person, network: Network, today: date, within: int | None = None
) -> QuerySet[LearningAction]:
    """Open actions, the earliest due first; with ``within``, only those due in that many
    days or already overdue."""
    standing(person, network)
    rows = LearningAction.objects.filter(note__network=network, status=Open)
    if within is not None:
        rows = rows.filter(due_on__lte=today + timedelta(days=within))
    return rows.select_related("note", "owner").order_by("due_on", "pk")


@dataclass(frozen=True)
class IndicatorValues:
    """One indicator of a note as frozen: the network's total, and its split by each
    dimension as (label, cell) pairs, the column labels in the reader's language."""

    code: str
    title: str
    total: Cell
    splits: tuple[tuple[str, tuple[tuple[str, Cell], ...]], ...]


def _column_labels(dimension: str, language: str) -> tuple[str, dict[str, str]]:
    found = builtin_dimensions().get(dimension)
    if found is None:
        return dimension, {}
    return found.name.get(language), {c.code: c.label.get(language) for c in found.codes}


def note_values(person: Person, note: LearningNote) -> list[IndicatorValues]:
    """The note's indicators in its snapshot, the network's totals row of each stored
    table (already through disclosure control; hidden entries stay hidden)."""
    language = (get_language() or "en")[:2]
    definitions = by_code()
    tables = run_tables(person, note.snapshot, by="network", codes=note.code_list)
    found: list[IndicatorValues] = []
    for code in note.code_list:
        mine = [t for t in tables if t.code == code]
        if not mine:
            continue
        splits = []
        for table in mine:
            name, labels = _column_labels(table.dimension, language)
            pairs = tuple(
                (labels.get(column, column), cell)
                for column, cell in zip(table.columns[:-1], table.cells[-1][:-1], strict=True)
            )
            splits.append((name, pairs))
        known = definitions.get(code)
        title = known.definition.title.get(language) if known else code
        found.append(IndicatorValues(code, title, mine[0].total, tuple(splits)))
    return found


@dataclass(frozen=True)
class ToReview:
    """What a meeting should look at: open actions due by its day, notes written since
    the previous meeting, and what was already reviewed there."""

    actions: list[LearningAction]
    notes: list[LearningNote]
    reviews: list[LearningReview]


def _previous(meeting: Meeting) -> date | None:
    earlier = Meeting.objects.filter(network=meeting.network_id, held_on__lt=meeting.held_on)
    return earlier.order_by("-held_on").values_list("held_on", flat=True).first()


def to_review(person: Person, meeting: Meeting) -> ToReview:
    network = meeting.network
    standing(person, network)
    actions = LearningAction.objects.filter(
        note__network=network, status=Open, due_on__lte=meeting.held_on
    ).select_related("note", "owner")
    notes = LearningNote.objects.filter(network=network, created_at__date__lte=meeting.held_on)
    since = _previous(meeting)
    if since is not None:
        notes = notes.filter(created_at__date__gt=since)
    reviews = LearningReview.objects.filter(meeting=meeting).select_related(
        "note", "action", "reviewed_by"
    )
    return ToReview(
        actions=list(actions.order_by("due_on", "pk")),
        notes=list(notes.order_by("created_at", "pk")),
        reviews=list(reviews),
    )
