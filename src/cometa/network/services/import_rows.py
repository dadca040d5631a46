"""What the import handlers share: their counts, finding the member's own participants,
cohorts and enrolments by what a file names them with, and turning a service's refusal
into errors on the row's columns."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any, Protocol, TypeVar

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor
from cometa.core.errors import ServiceError, ValidationFailed
from cometa.network.models import Cohort, Enrolment, Member, Participant
from cometa.network.tabular.cells import cell
from cometa.network.tabular.checking import Row, RowError
from cometa.network.tabular.columns import Kind

T = TypeVar("T")
CHUNK = 900  # parameters per query (SQLite's limit was 999 before version 3.32)
Tell = Callable[[int, int, str], None]


@dataclass
class Counts:
    created: int = 0
    changed: int = 0
    unchanged: int = 0

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


class Handler(Protocol):
    def __call__(
        self,
        actor: Actor,
        member: Member,
        rows: Iterable[Row],
        errors: list[RowError],
        tell: Tell,
        /,
    ) -> Counts: ...


#: ``rename(header) -> (the header as the kind's column names, errors)``: a file whose
#: columns are named otherwise (a Kobo or ODK export) is read through its form.
Rename = Callable[[list[str]], tuple[list[str], list[RowError]]]


@dataclass(frozen=True)
class Plan:
    """How one kind of file is imported: its columns, the handler writing its rows, and
    (for exports of a form) how its header is matched to the columns."""

    kind: Kind
    handler: Handler
    rename: Rename | None = None


def batches(rows: Iterable[Row], size: int) -> Iterator[list[Row]]:
    batch: list[Row] = []
    for row in rows:
        batch.append(row)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def shown(value: Any) -> str:
    """A value as the error report shows it."""
    written = cell(value)
    return "" if written is None else str(written)


def error(row: Row, column: str, message: str) -> RowError:
    return RowError(row.number, column, shown(row.values.get(column)), message)


def refusal_errors(
    row: Row, refusal: ServiceError, fields: Mapping[str, str], default: str
) -> list[RowError]:
    """A service's refusal as errors on the row's columns (``fields`` maps the service's
    field names to column names; anything else lands on ``default``)."""
    if isinstance(refusal, ValidationFailed):
        return [
            error(row, fields.get(name, name if name in row.values else default), message)
            for name, messages in refusal.errors.items()
            for message in messages
        ]
    return [error(row, fields.get(refusal.field or "", default), refusal.message)]


def attempt(
    row: Row,
    errors: list[RowError],
    work: Callable[[], T],
    fields: Mapping[str, str],
    default: str,
) -> T | None:
    """``work`` in a savepoint: its refusal becomes the row's errors and undoes only it."""
    try:
        with transaction.atomic():
            return work()
    except ServiceError as refusal:
        errors.extend(refusal_errors(row, refusal, fields, default))
        return None


def participants_named(member: Member, names: Iterable[str]) -> dict[str, Participant]:
    """The member's own participants, by source id or by code (as exports name them).
    Another member's participant is simply not among them. Asked in chunks: a database
    takes only so many parameters in one query."""
    wanted = sorted({name for name in names if name})
    found: dict[str, Participant] = {}
    for start in range(0, len(wanted), CHUNK):
        chunk = wanted[start : start + CHUNK]
        codes = {name.upper() for name in chunk}
        for person in Participant.objects.filter(member=member, code__in=codes):
            found[person.code] = person
        for person in Participant.objects.filter(member=member, source_id__in=chunk):
            found[person.source_id] = person
    return found


def named(found: Mapping[str, Participant], name: str) -> Participant | None:
    return found.get(name) or found.get(name.upper())


def cohorts_named(member: Member, rows: Iterable[Row]) -> dict[str, Cohort]:
    codes = {row.values["cohort"] for row in rows}
    return {c.code: c for c in Cohort.objects.filter(member=member, code__in=codes)}


def enrolments_of(
    member: Member, pairs: Iterable[tuple[int, int]]
) -> dict[tuple[int, int], Enrolment]:
    """The member's enrolments in the cohorts named, by (participant id, cohort id); asked
    by cohort (a file names few cohorts and many women)."""
    wanted = set(pairs)
    rows = Enrolment.objects.filter(member=member, cohort_id__in={c for _, c in wanted})
    return {
        (e.participant_id, e.cohort_id): e
        for e in rows
        if (e.participant_id, e.cohort_id) in wanted
    }


def resolve(
    row: Row,
    errors: list[RowError],
    people: Mapping[str, Participant],
    cohorts: Mapping[str, Cohort],
) -> tuple[Participant, Cohort] | None:
    """Her record and the cohort the row names, or errors saying which is not found."""
    person = named(people, row.values["participant"])
    cohort = cohorts.get(row.values["cohort"])
    if person is None:
        errors.append(
            error(row, "participant", _("No participant of your organisation has this id."))
        )
    if cohort is None:
        errors.append(error(row, "cohort", _("Your organisation has no cohort with this code.")))
    return (person, cohort) if person is not None and cohort is not None else None
