"""Survey instruments and responses: publishing a version of an instrument (the backbone),
setting a round's days, saving how a member's Kobo or ODK export names the form's
fields, and recording her answers in a round (her partner's editors). Each checks the
permission, validates, writes and audits in one transaction."""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from functools import lru_cache
from typing import Any

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, is_system, person_or_none
from cometa.core.errors import Conflict, ValidationFailed
from cometa.network.access import may_edit_member, may_manage, reach
from cometa.network.codes import ConsentPurpose
from cometa.network.models import (
    Answer,
    ColumnMapping,
    Consent,
    Instrument,
    Member,
    Network,
    Participant,
    Question,
    Round,
    SurveyResponse,
)
from cometa.network.services.common import invalid, record, require
from cometa.network.survey import answers as survey_answers
from cometa.network.survey import xlsform
from cometa.network.survey.definition import Definition, DefinitionError, digest, parse, shipped
from cometa.network.tabular.cells import Bad
from cometa.network.tabular.cells import parse as parse_cell


@lru_cache(maxsize=64)
def _parsed(key: str, data: str) -> Definition:
    return parse(json.loads(data))


def definition_of(instrument: Instrument) -> Definition:
    """The instrument's definition, parsed once per version."""
    return _parsed(instrument.digest, json.dumps(instrument.definition, sort_keys=True))


def instrument_publish(
    *, actor: Actor, network: Network, definition: Mapping[str, Any]
) -> tuple[Instrument, bool]:
    """Publishes a version of an instrument; the same definition again changes nothing
    (``False``). A changed definition needs a higher version."""
    require(may_manage(actor, network), _("Only the backbone's coordinators publish instruments."))
    try:
        checked = parse(definition)
    except DefinitionError as error:
        raise ValidationFailed({"definition": error.problems}) from None
    same = Instrument.objects.filter(network=network, code=checked.code)
    if same.filter(digest=digest(checked)).exists():
        return same.get(digest=digest(checked)), False
    latest = same.aggregate(v=Max("version"))["v"] or 0
    if checked.version <= latest:
        message = _("Version %(version)s is published already: give the next version.")
        raise Conflict("version_taken", message % {"version": latest})
    with transaction.atomic():
        instrument = _created(actor, network, checked)
        record(
            actor=actor,
            action="instrument.publish",
            target=instrument,
            organisation_id=network.backbone_id,
            changes={"code": instrument.code, "version": instrument.version},
        )
    return instrument, True


def _created(actor: Actor, network: Network, checked: Definition) -> Instrument:
    """The instrument's row, its questions and its rounds."""
    instrument = Instrument.objects.create(
        network=network,
        code=checked.code,
        version=checked.version,
        title=checked.title.en,
        rounds=" ".join(checked.rounds),
        definition=checked.model_dump(mode="json"),
        digest=digest(checked),
        published_by=person_or_none(actor),
    )
    Question.objects.bulk_create(
        Question(
            instrument=instrument,
            position=position,
            name=q.name,
            group=q.group,
            type=q.type,
            list_name=q.list,
            field=q.field,
            required=q.required,
        )
        for position, q in enumerate(checked.questions, start=1)
    )
    for code in checked.rounds:
        Round.objects.create(network=network, instrument=instrument, round=code)
    return instrument


def instruments_install(*, actor: Actor, network: Network) -> list[Instrument]:
    """Publishes the instruments that come with Cometa (baseline, endline, follow-up, exit)."""
    return [
        instrument_publish(actor=actor, network=network, definition=d.model_dump(mode="json"))[0]
        for d in shipped()
    ]


def round_dates(
    *, actor: Actor, round: Round, opens_on: date | None, closes_on: date | None
) -> Round:
    """Sets the days a round is open (either may stay open-ended)."""
    require(may_manage(actor, round.network), _("Only the backbone's coordinators set rounds."))
    if opens_on and closes_on and closes_on < opens_on:
        raise invalid("closes_on", _("A round closes after it opens."))
    with transaction.atomic():
        round.opens_on, round.closes_on = opens_on, closes_on
        round.save(update_fields=["opens_on", "closes_on"])
        record(
            actor=actor,
            action="survey.round",
            target=round,
            organisation_id=round.network.backbone_id,
            changes={"opens_on": str(opens_on or ""), "closes_on": str(closes_on or "")},
        )
    return round


def mapping_save(
    *, actor: Actor, member: Member, instrument: Instrument, columns: Mapping[str, str]
) -> ColumnMapping:
    """Saves how the member's export names the form's fields (column -> field name)."""
    require(may_edit_member(actor, member), _("Only this member's editors change its mapping."))
    if instrument.network_id != member.network_id:
        raise invalid("instrument", _("This instrument belongs to another network."))
    problems = survey_answers.mapping_problems(definition_of(instrument), columns)
    if problems:
        raise ValidationFailed({"columns": list(problems.values())})
    with transaction.atomic():
        mapping, _created = ColumnMapping.objects.update_or_create(
            instrument=instrument, member=member, defaults={"columns": dict(columns)}
        )
        record(
            actor=actor,
            action="survey.mapping",
            target=mapping,
            organisation_id=member.organisation_id,
            changes={"columns": len(columns)},
        )
    return mapping


def checked_answers(definition: Definition, given: Mapping[str, Any]) -> dict[str, Any]:
    """Every answer parsed against its question's type and code list; ``ValidationFailed``
    naming each question refused (unknown, wrong type, unknown code, required missing)."""
    columns = {q.name: survey_answers.column_of(definition, q) for q in definition.questions}
    errors: dict[str, list[str]] = {}
    values: dict[str, Any] = {}
    for name, raw in given.items():
        if name not in columns:
            errors[name] = [_("This is not a question of the instrument.")]
            continue
        value = parse_cell(columns[name], " ".join(map(str, raw)) if isinstance(raw, list) else raw)
        if isinstance(value, Bad):
            errors[name] = [value.message]
        else:
            values[name] = value
    for name in survey_answers.required_missing(definition, values):
        errors.setdefault(name, [_("This question is required.")])
    if errors:
        raise ValidationFailed(errors)
    return values


def _may_answer(round: Round, participant: Participant, collected_on: date) -> None:
    if participant.deleted_at is not None or round.network_id != participant.network_id:
        raise invalid("participant", _("No participant of your organisation has this code."))
    consents = Consent.objects.filter(
        participant=participant, purpose=ConsentPurpose.TAKE_PART, withdrawn_on__isnull=True
    )
    if not consents.exists():
        raise invalid("participant", _("She has no open consent to take part."))
    opens, closes = round.opens_on, round.closes_on
    if (opens and collected_on < opens) or (closes and collected_on > closes):
        raise invalid("collected_on", _("The round is not open on this day."))


def response_record(
    *,
    actor: Actor,
    round: Round,
    participant: Participant,
    collected_on: date,
    answers: Mapping[str, Any],
    source_system: str = "",
    source_id: str = "",
) -> SurveyResponse:
    """Records her answers in a round, each checked by type and code list."""
    require(
        may_edit_member(actor, participant.member),
        _("Only her partner's editors record her answers."),
    )
    _may_answer(round, participant, collected_on)
    definition = definition_of(round.instrument)
    values = checked_answers(definition, answers)
    if SurveyResponse.objects.filter(round=round, participant=participant).exists():
        raise Conflict("already_answered", _("She has already answered in this round."))
    questions = {q.name: q for q in round.instrument.questions.all()}
    with transaction.atomic():
        response = SurveyResponse.objects.create(
            round=round,
            participant=participant,
            member=participant.member,
            collected_on=collected_on,
            source_system=source_system[:40],
            source_id=source_id[:100],
            recorded_by=person_or_none(actor),
        )
        Answer.objects.bulk_create(
            Answer(response=response, question=questions[q.name], code=c, number=n, day=d, text=t)
            for q in definition.questions
            for c, n, d, t in survey_answers.stored(q, values.get(q.name))
        )
        record(
            actor=actor,
            action="survey.respond",
            target=response,
            organisation_id=participant.member.organisation_id,
            changes={"round": round.round, "instrument": str(round.instrument)},
        )
    return response


def instrument_xlsform(*, actor: Actor, instrument: Instrument) -> bytes:
    """The instrument as an XLSForm, converted once by pyxform before it is handed out, so
    a form Kobo or ODK would refuse never leaves. Reading a form is not audited: it holds
    questions, no one's answers."""
    require(
        is_system(actor) or reach(actor, instrument.network).inside,
        _("Only people of the network download its forms."),
    )
    content = xlsform.workbook(definition_of(instrument))
    try:
        xlsform.xform(content)
    except xlsform.XLSFormError as error:
        raise ValidationFailed({"instrument": [str(error)]}) from None
    return content
