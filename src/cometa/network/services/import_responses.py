"""Importing survey responses: a Kobo or ODK export (or a file in the same shape) read
through the instrument's form and the member's saved mapping. Each row is one woman's
answers in one round, named by her pseudonymous code; it goes through
``surveys.response_record`` in a savepoint, so the rules are the service's own. A row
matching a response already recorded (by the submission's id, or by her and the round)
with the same answers changes nothing; with other answers it is an error."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor
from cometa.network.models import (
    Answer,
    ColumnMapping,
    Instrument,
    Member,
    Participant,
    Round,
    SurveyResponse,
)
from cometa.network.services.import_rows import CHUNK, Counts, Plan, Tell, attempt, error
from cometa.network.services.surveys import definition_of, response_record
from cometa.network.survey import answers as survey
from cometa.network.survey.definition import Definition
from cometa.network.tabular.checking import HEADER_ROW, Row, RowError

KIND = "responses"
Key = dict[str, list[survey.Stored]]


def plan(member: Member, instrument: Instrument) -> Plan:
    definition = definition_of(instrument)
    saved = ColumnMapping.objects.filter(instrument=instrument, member=member).first()
    found = {"system": ""}

    def rename(header: list[str]) -> tuple[list[str], list[RowError]]:
        matched = survey.match_header(definition, header, saved.columns if saved else None)
        found["system"] = matched.source_system or "file"
        message = _("This column is not a question of the form (map it, or remove it).")
        return matched.names, [RowError(HEADER_ROW, c, c, message) for c in matched.unknown]

    def run(
        actor: Actor, member: Member, given: Iterable[Row], errors: list[RowError], tell: Tell
    ) -> Counts:
        return _responses(
            actor, member, instrument, definition, found["system"], given, errors, tell
        )

    return Plan(survey.response_kind(definition), run, rename)


def _people(member: Member, codes: set[str]) -> dict[str, Participant]:
    wanted = sorted(code.upper() for code in codes)
    found: dict[str, Participant] = {}
    for start in range(0, len(wanted), CHUNK):
        rows = Participant.objects.filter(
            member=member, code__in=wanted[start : start + CHUNK], deleted_at__isnull=True
        ).select_related("member")
        found.update((p.code, p) for p in rows)
    return found


def _recorded(member: Member, instrument: Instrument) -> dict[tuple[int, int], SurveyResponse]:
    rows = SurveyResponse.objects.filter(member=member, round__instrument=instrument)
    return {(r.round_id, r.participant_id): r for r in rows}


def _key(definition: Definition, values: dict[str, object]) -> Key:
    return {q.name: sorted(survey.stored(q, values.get(q.name))) for q in definition.questions}


def _stored_key(definition: Definition, response: SurveyResponse) -> Key:
    key: Key = {q.name: [] for q in definition.questions}
    for answer in Answer.objects.filter(response=response).select_related("question"):
        row = (answer.code, answer.number, answer.day, answer.text)
        key[answer.question.name].append(row)
    return {name: sorted(rows) for name, rows in key.items()}


def _responses(
    actor: Actor,
    member: Member,
    instrument: Instrument,
    definition: Definition,
    system: str,
    given: Iterable[Row],
    errors: list[RowError],
    tell: Tell,
) -> Counts:
    counts, rows = Counts(), list(given)
    people = _people(member, {row.values["participant"] for row in rows})
    rounds = {r.round: r for r in Round.objects.filter(instrument=instrument)}
    recorded = _recorded(member, instrument)
    by_source = {(r.source_system, r.source_id): r for r in recorded.values() if r.source_id}
    seen: set[tuple[int, int]] = set()
    for done, row in enumerate(rows, start=1):
        tell(done, len(rows), "")
        found = _resolved(row, people, rounds, errors)
        if found is None:
            continue
        person, round = found
        if (round.pk, person.pk) in seen:
            errors.append(error(row, "participant", _("She answers this round twice in the file.")))
            continue
        seen.add((round.pk, person.pk))
        source_id = survey.source_id(row.values.get(survey.SOURCE_ID) or "")
        before = by_source.get((system, source_id)) if source_id else None
        before = before or recorded.get((round.pk, person.pk))
        if before is not None:
            _compare(definition, row, before, round, person, errors, counts)
            continue
        answers = {q.name: row.values.get(q.name) for q in definition.questions}
        work = partial(
            response_record,
            actor=actor,
            round=round,
            participant=person,
            collected_on=row.values["collected_on"],
            answers={name: value for name, value in answers.items() if value is not None},
            source_system=system if source_id else "",
            source_id=source_id,
        )
        if attempt(row, errors, work, {}, "participant") is not None:
            counts.add("created")
    return counts


def _resolved(
    row: Row, people: dict[str, Participant], rounds: dict[str, Round], errors: list[RowError]
) -> tuple[Participant, Round] | None:
    """Her record (among the member's own) and the round the row answers (the only one
    when the form is answered in one), or errors saying which is not found."""
    person = people.get(row.values["participant"].upper())
    code = row.values.get("round") or (next(iter(rounds)) if len(rounds) == 1 else "")
    round = rounds.get(code)
    if person is None:
        errors.append(
            error(row, "participant", _("No participant of your organisation has this code."))
        )
    if round is None:
        errors.append(error(row, "round", _("This form is not answered in this round.")))
    return (person, round) if person is not None and round is not None else None


def _compare(
    definition: Definition,
    row: Row,
    before: SurveyResponse,
    round: Round,
    person: Participant,
    errors: list[RowError],
    counts: Counts,
) -> None:
    """A row already recorded: unchanged when it says the same, an error otherwise (an
    import records answers, it does not overwrite them)."""
    if before.round_id != round.pk or before.participant_id != person.pk:
        message = _("This submission was imported for another participant or round.")
        errors.append(error(row, survey.SOURCE_ID, message))
        return
    same_day = before.collected_on == row.values["collected_on"]
    if same_day and _stored_key(definition, before) == _key(definition, row.values):
        counts.add("unchanged")
        return
    message = _("She has already answered this round with other answers.")
    errors.append(error(row, "participant", message))
