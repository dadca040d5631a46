"""Answers to an instrument: the columns of a response file made from the definition (so
the import files' reader and checks serve surveys too), the header of a Kobo or ODK
export matched to the form's fields, and answers turned into the rows stored. Pure.

Kobo names a column after the question's XLSForm path (``group/question``), ODK Central
with a dash (``group-question``); both may be renamed by a member's saved mapping. A
select_multiple answer is its codes separated by spaces. The submission's id is Kobo's
``_uuid`` or ODK's ``instanceID`` (``uuid:`` taken off, so both name it alike).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy

from cometa.network.codes import QuestionType, SurveyRound
from cometa.network.survey.definition import FIXED, LISTS, Definition, Question
from cometa.network.tabular.columns import Column, Kind, Type

SOURCE_ID = "source_id"
TARGETS = (*FIXED, SOURCE_ID)
#: Columns that carry the submission's id, by preference, with the system they mean.
SOURCE_COLUMNS = {
    "_uuid": "kobo",
    "meta/instanceID": "odk",
    "meta-instanceID": "odk",
    "instanceID": "odk",
    "KEY": "odk",
}
#: Metadata columns that Kobo and ODK add and an import passes over.
METADATA = frozenset(
    {
        "start",
        "end",
        "today",
        "deviceid",
        "SubmissionDate",
        "SubmitterID",
        "SubmitterName",
        "AttachmentsPresent",
        "AttachmentsExpected",
        "Status",
        "ReviewState",
        "DeviceID",
        "Edits",
        "FormVersion",
    }
)
_METADATA_PREFIXES = ("_", "meta/", "meta-", "formhub/", "formhub-")

_TYPES = {
    QuestionType.INTEGER: Type.INTEGER,
    QuestionType.TEXT: Type.TEXT,
    QuestionType.DATE: Type.DATE,
    QuestionType.YES_NO: Type.YESNO,
    QuestionType.SELECT_ONE: Type.CODE,
    QuestionType.SELECT_MULTIPLE: Type.CODES,
}


def _choices(definition: Definition, name: str) -> type[models.Choices]:
    if name in LISTS:
        return LISTS[name]
    members = [(f"C{i}", (c.code, c.code)) for i, c in enumerate(definition.lists[name])]
    return models.TextChoices(f"List_{name}", members)  # type: ignore[call-overload]


def column_of(definition: Definition, question: Question) -> Column:
    """The question as a file column: its type, code list and range."""
    kind = _TYPES[QuestionType(question.type)]
    return Column(
        question.name,
        kind,
        question.label.en,
        required=question.required,
        codes=_choices(definition, question.list) if question.list else None,
        low=question.low,
        high=question.high,
        spaced=kind is Type.CODES,
    )


def response_kind(definition: Definition) -> Kind:
    """The columns of a file of responses to this instrument."""
    several = len(definition.rounds) > 1
    fixed = (
        Column("participant", Type.TEXT, _lazy("Her participant code."), required=True),
        Column("round", Type.CODE, _lazy("The round."), required=several, codes=SurveyRound),
        Column("collected_on", Type.DATE, _lazy("The day of the interview."), required=True),
        Column(SOURCE_ID, Type.TEXT, _lazy("The submission's id in Kobo or ODK.")),
    )
    questions = tuple(column_of(definition, q) for q in definition.questions)
    return Kind("responses", _lazy("Survey responses"), fixed + questions)


def default_names(definition: Definition) -> dict[str, str]:
    """Every column name an export may give a field, to the field."""
    names = {name: name for name in TARGETS}
    for question in definition.questions:
        names[question.name] = question.name
        if question.group:
            for separator in ("/", "-", "."):
                names[f"{question.group}{separator}{question.name}"] = question.name
    return names


@dataclass(frozen=True)
class Header:
    """The export's header with each column renamed to its field ("" = passed over), the
    system the submission ids come from, and the columns not understood."""

    names: list[str]
    source_system: str
    unknown: list[str]


def match_header(
    definition: Definition, header: list[str], saved: Mapping[str, str] | None = None
) -> Header:
    """The header matched to the form: a saved mapping first, then the names the form
    gives, then the submission id; metadata is passed over; the rest is unknown."""
    saved, names = saved or {}, default_names(definition)
    id_column = next((c for c in SOURCE_COLUMNS if c in header and c not in saved), "")
    renamed, unknown = [], []
    for column in header:
        if column in saved:
            renamed.append(saved[column])
        elif column in names:
            renamed.append(names[column])
        elif column == id_column:
            renamed.append(SOURCE_ID)
        elif not column or column in METADATA or column.startswith(_METADATA_PREFIXES):
            renamed.append("")
        elif column in SOURCE_COLUMNS:
            renamed.append("")  # another name of the submission id already taken
        else:
            renamed.append("")
            unknown.append(column)
    return Header(renamed, SOURCE_COLUMNS.get(id_column, ""), unknown)


def mapping_problems(definition: Definition, columns: Mapping[str, str]) -> dict[str, str]:
    """Columns of a mapping to save that point at nothing of the form ("" passes over)."""
    known = set(TARGETS) | {q.name for q in definition.questions}
    return {
        column: _("“%(target)s” is not a question of this form.") % {"target": target}
        for column, target in columns.items()
        if target and target not in known
    }


def source_id(raw: str) -> str:
    return raw.removeprefix("uuid:").strip()


Stored = tuple[str, int | None, date | None, str]  # code, number, day, text


def stored(question: Question, value: Any) -> list[Stored]:
    """The rows an answer is kept as (none for no answer)."""
    if value is None or value == "" or value == []:
        return []
    kind = QuestionType(question.type)
    if kind == QuestionType.INTEGER:
        return [("", int(value), None, "")]
    if kind == QuestionType.DATE:
        return [("", None, value, "")]
    if kind == QuestionType.TEXT:
        return [("", None, None, str(value))]
    if kind == QuestionType.YES_NO:
        return [("yes" if value else "no", None, None, "")]
    if kind == QuestionType.SELECT_MULTIPLE:
        return [(str(code), None, None, "") for code in value]
    return [(str(value), None, None, "")]


def required_missing(definition: Definition, answers: Mapping[str, Any]) -> list[str]:
    """The required questions left unanswered."""
    return [
        q.name for q in definition.questions if q.required and answers.get(q.name) in (None, "", [])
    ]


def field_values(definition: Definition, answers: Mapping[str, Any]) -> dict[str, Any]:
    """The answers of mapped questions, by the profile or outcome field they map to."""
    return {
        q.field: answers[q.name]
        for q in definition.questions
        if q.field and answers.get(q.name) not in (None, "", [])
    }
