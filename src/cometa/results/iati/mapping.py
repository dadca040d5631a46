"""An IATI activity mapped onto the results tables, as plain data (no database).

An activity is one outcome of an office (UN Women publishes ``XM-DAC-41146-MEX_D_1.1``);
its results of type 1 are the outcome's outputs, the others (outcome, impact, other) carry
the outcome's own indicators. Each indicator becomes a definition of the floor (named
after the activity, the result and its place) attached to the outcome or the output; each
baseline, target and actual a value of one cell, its dimensions the cell's disaggregation
key when they are on the floor's code lists.

What cannot become Cometa data is a ``Note`` with its element path. Everything under
``result`` is still kept whole in the IATI record of the import, so an export gives it
back; a note says what Cometa's pages and reports will not show.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal

from cometa.indicators import periods
from cometa.indicators.definitions import (
    CODE,
    Definition,
)
from cometa.indicators.texts import LANGUAGES, Text
from cometa.interchange.iati import model
from cometa.results.identifiers import IdentifierError, ResultCode, is_under, parse_code

OUTPUT = "1"
ROOT = "/iati-activities"
NOT_STATED = Text(
    "Not stated in the IATI file.", "No consta en el archivo IATI.", "В файле IATI не указано."
)

#: normalised dimension name -> (floor dimension code, normalised value -> floor code)
Lookup = Mapping[str, tuple[str, Mapping[str, str]]]


@dataclass(frozen=True)
class Note:
    """Something of the file that does not become Cometa data."""

    path: str
    message: str


@dataclass(frozen=True)
class Cell:
    ref: str  # its place in the indicator: b0 (baseline), p0t1 (period 1, target 2), p0a0
    path: str
    kind: str
    period: periods.Period
    key: str
    value: Decimal | None
    text: str
    comment: str

    @property
    def id(self) -> str:
        return cell_id(self.kind, self.period, self.key)


def cell_id(kind: str, period: periods.Period, key: str) -> str:
    return f"{kind}|{period.start.isoformat()}|{period.end.isoformat()}|{key}"


@dataclass(frozen=True)
class IndicatorPlan:
    ref: str  # "result.indicator", from 0
    result: int
    definition: Definition
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class OutputPlan:
    result: int
    code: str
    statement: Text


@dataclass(frozen=True)
class ActivityPlan:
    identifier: str
    path: str
    statement: Text
    statement_result: int | None  # the result whose title is the statement (None: activity)
    outputs: tuple[OutputPlan, ...]
    indicators: tuple[IndicatorPlan, ...]
    notes: tuple[Note, ...]


def activity_path(index: int) -> str:
    return f"{ROOT}/iati-activity[{index}]"


# --- texts -------------------------------------------------------------------------------


def text_of(text: model.Text | None, default: str | None) -> Text | None:
    """The narratives in en, es and ru; without English, the first narrative stands in."""
    if text is None or not text.narratives:
        return None
    found = {lang: text.in_language(lang, default) or "" for lang in LANGUAGES}
    if not found["en"].strip():
        found["en"] = text.narratives[0].text
    return Text(**{lang: value.strip() for lang, value in found.items()})


def first_text(text: model.Text | None, default: str | None) -> str:
    if text is None or not text.narratives:
        return ""
    return (text.in_language(default or "en", default) or text.narratives[0].text).strip()


# --- identity ----------------------------------------------------------------------------


def indicator_code(identifier: str, office_code: str, result: int, indicator: int) -> str:
    """The floor code of an imported indicator: the activity's identifier and its place,
    or (too long or not a code) the office and a digest of the identifier."""
    place = f"{result + 1}.{indicator + 1}"
    code = f"{identifier}-{place}"
    if CODE.fullmatch(code):
        return code
    digest = hashlib.sha256(identifier.encode()).hexdigest()[:16]
    return f"IATI-{office_code}-{digest}-{place}"


def _output_code(result: model.Result, outcome: ResultCode, taken: set[str]) -> str | None:
    for reference in result.references:
        if reference.vocabulary != "99":
            continue
        start = max(reference.code.rfind("_D_"), reference.code.rfind("_O_"))
        try:
            code = parse_code(reference.code[start + 1 :] if start >= 0 else reference.code)
        except IdentifierError:
            continue
        if is_under(code, outcome) and str(code) not in taken:
            return str(code)
    return None


def outputs_of(activity: model.Activity, outcome_code: str) -> tuple[OutputPlan, ...]:
    outcome = parse_code(outcome_code)
    taken: set[str] = set()
    found: list[OutputPlan] = []
    for index, result in enumerate(activity.results):
        if result.type != OUTPUT:
            continue
        code = _output_code(result, outcome, taken)
        number = len(found) + 1
        while code is None or code in taken:
            code = str(ResultCode(outcome.kind, (*outcome.number, number)))
            number += 1
        taken.add(code)
        statement = text_of(result.title, activity.lang) or Text(code)
        found.append(OutputPlan(index, code, statement))
    return tuple(found)
