"""An instrument's definition: its questions, what each one maps to, and the checks a
definition must pass before it is published. Pure (no database).

A definition is a mapping (read from the YAML files in ``forms/`` or sent by the backbone)
with the instrument's code, version, the rounds it is answered in, a title and its
questions in English, Spanish and Russian. A question may name a **field** of the
participant's profile (``profile.education``) or of an outcome measured after exit
(``outcome.work_status``): its answers then mean what that field means, so its type and
code list must be the field's own. That is what lets part 2 count survey answers and
registration data alike, by the same codes.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from functools import cache
from importlib import resources
from typing import Any

import yaml
from django.db import models
from django.utils import translation
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from cometa.network.codes import (
    WG_DOMAINS,
    Difficulty,
    DropReason,
    Education,
    IncomeBand,
    Migration,
    QuestionType,
    Sex,
    SurveyRound,
    WorkStatus,
)
from cometa.network.tabular.columns import ENROLMENTS, FOLLOWUPS, PARTICIPANTS, Column, Type

LANGUAGES = ("en", "es", "ru")
NAME = r"^[a-z][a-z0-9_]{0,39}$"

#: The network's code lists a question may use, by the name a definition gives them.
LISTS: dict[str, type[models.Choices]] = {
    "sex": Sex,
    "education": Education,
    "difficulty": Difficulty,
    "migration": Migration,
    "income_band": IncomeBand,
    "work_status": WorkStatus,
    "drop_reason": DropReason,
}

_PROFILE = (
    "birth_year",
    "sex",
    "education",
    "literate",
    "wg_see",
    "wg_hear",
    "wg_walk",
    "wg_cognition",
    "wg_selfcare",
    "wg_communicate",
    "indigenous_self",
    "indigenous_language",
    "migration",
    "rural",
    "household_size",
    "children_under_6",
    "head_of_household",
    "income_band",
    "work_status",
)
_OUTCOMES = ("work_status", "income_band", "has_business", "in_education")

#: The fields a question may map to, each with the column that describes it in the
#: import files (type, code list, range): the same description, so they cannot differ.
FIELDS: dict[str, Column] = {
    **{f"profile.{name}": PARTICIPANTS.column(name) for name in _PROFILE},
    **{f"outcome.{name}": FOLLOWUPS.column(name) for name in _OUTCOMES},
    "exit.reasons": ENROLMENTS.column("exit_reasons"),
}

#: The indicators floor's disaggregation dimension each field feeds (codelists/*.yaml).
DIMENSIONS: dict[str, str] = {
    "profile.sex": "sex",
    "profile.birth_year": "age",
    "profile.migration": "migratory_status",
    "profile.indigenous_self": "indigenous",
    "profile.rural": "location",
    **{f"profile.{domain}": "disability" for domain in WG_DOMAINS},
}

_TYPE_OF_COLUMN = {
    Type.INTEGER: QuestionType.INTEGER,
    Type.TEXT: QuestionType.TEXT,
    Type.DATE: QuestionType.DATE,
    Type.YESNO: QuestionType.YES_NO,
    Type.CODE: QuestionType.SELECT_ONE,
    Type.CODES: QuestionType.SELECT_MULTIPLE,
}
SELECTS = frozenset({QuestionType.SELECT_ONE.value, QuestionType.SELECT_MULTIPLE.value})


class DefinitionError(ValueError):
    """A definition that cannot be used; ``problems`` says every reason."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("; ".join(problems))
        self.problems = problems


class Labels(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    en: str = Field(min_length=1, max_length=500)
    es: str = Field(min_length=1, max_length=500)
    ru: str = Field(min_length=1, max_length=500)


class Choice(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(pattern=r"^[A-Za-z0-9_]{1,24}$")
    label: Labels


class Question(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    name: str = Field(pattern=NAME)
    group: str = Field(default="", pattern=r"^([a-z][a-z0-9_]{0,39})?$")
    type: QuestionType
    list: str = ""
    field: str = ""
    required: bool = False
    low: int | None = None
    high: int | None = None
    label: Labels
    hint: Labels | None = None


class Definition(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    code: str = Field(pattern=r"^[a-z][a-z0-9_-]{0,39}$")
    version: int = Field(ge=1, le=9999)
    rounds: list[SurveyRound] = Field(min_length=1)
    title: Labels
    lists: dict[str, list[Choice]] = Field(default_factory=dict)
    questions: list[Question] = Field(min_length=1, max_length=300)


#: Fields every form has before its questions (the ``round`` only when the instrument
#: is answered in several rounds); an export's columns are matched to them too.
FIXED = ("participant", "round", "collected_on")


def parse(data: Mapping[str, Any]) -> Definition:
    """The definition in ``data``, checked; ``DefinitionError`` with every problem."""
    try:
        definition = Definition.model_validate(data)
    except ValidationError as error:
        raise DefinitionError(
            [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors()]
        ) from None
    found = problems(definition)
    if found:
        raise DefinitionError(found)
    return definition


def problems(definition: Definition) -> list[str]:
    """What is wrong with a definition that has the right shape."""
    found: list[str] = []
    names = [question.name for question in definition.questions]
    for name in sorted({n for n in names if names.count(n) > 1} | (set(names) & set(FIXED))):
        found.append(f"{name}: this name is used twice or is reserved")
    if len(set(definition.rounds)) != len(definition.rounds):
        found.append("rounds: a round is named twice")
    for name, choices in definition.lists.items():
        codes = [choice.code for choice in choices]
        if name in LISTS or not choices or len(set(codes)) != len(codes):
            found.append(f"lists.{name}: empty, a code named twice, or a network list's name")
    for question in definition.questions:
        found.extend(f"{question.name}: {why}" for why in _question_problems(definition, question))
    return found


def _question_problems(definition: Definition, question: Question) -> list[str]:
    found = []
    if question.type in SELECTS:
        if question.list not in LISTS and question.list not in definition.lists:
            found.append(f"the list “{question.list}” does not exist")
    elif question.list:
        found.append("only select questions take a list")
    if (question.low is not None or question.high is not None) and (
        question.type != QuestionType.INTEGER
    ):
        found.append("only whole numbers take a range")
    if question.low is not None and question.high is not None and question.low > question.high:
        found.append("the range is empty")
    if question.field:
        found.extend(_mapping_problems(question))
    return found


def _mapping_problems(question: Question) -> list[str]:
    column = FIELDS.get(question.field)
    if column is None:
        return [f"“{question.field}” is not a field a question may map to"]
    if _TYPE_OF_COLUMN[column.type] != question.type:
        return [f"{question.field} takes a question of type {_TYPE_OF_COLUMN[column.type]}"]
    if column.codes is not None and LISTS.get(question.list) is not column.codes:
        return [f"{question.field} takes its own code list"]
    return []


def column_of_field(field: str) -> Column | None:
    """What a mapped field holds (type, code list, range)."""
    return FIELDS.get(field)


def choices(definition: Definition, name: str) -> list[tuple[str, dict[str, str]]]:
    """A list's codes with their labels in each language."""
    if name in definition.lists:
        return [(c.code, c.label.model_dump()) for c in definition.lists[name]]
    codes = LISTS[name]
    labelled: list[tuple[str, dict[str, str]]] = []
    for value, label in codes.choices:
        texts = {}
        for language in LANGUAGES:
            with translation.override(language):
                texts[language] = str(label)
        labelled.append((str(value), texts))
    return labelled


def digest(definition: Definition) -> str:
    """The same for two definitions that ask the same; another version must differ."""
    canonical = json.dumps(definition.model_dump(mode="json"), sort_keys=True)
    return hashlib.sha256(canonical.encode()).hexdigest()


def _name(path: Any) -> str:
    return str(path.name)


@cache
def shipped() -> tuple[Definition, ...]:
    """The instruments that come with Cometa (``forms/*.yaml``), in file order."""
    folder = resources.files("cometa.network.survey") / "forms"
    files = sorted((p for p in folder.iterdir() if p.name.endswith(".yaml")), key=_name)
    return tuple(parse(yaml.safe_load(path.read_text(encoding="utf-8"))) for path in files)


def shipped_get(code: str) -> Definition | None:
    return next((d for d in shipped() if d.code == code), None)
