"""An instrument as an XLSForm (``survey``, ``choices`` and ``settings`` sheets) that
KoboToolbox, ODK Central and their Collect apps read, with labels in English, Spanish
and Russian; and the check that pyxform converts it. Pure (no database).

Each form starts with the fields every response needs: her pseudonymous code (never a
name: the form travels on field phones), the round when the instrument is answered in
several, and the day of the interview. Questions sharing a ``group`` go into one XLSForm
group, so exports name their columns ``group/question``.
"""

from __future__ import annotations

import io
from itertools import groupby
from typing import Any

from django.utils import translation
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from pyxform.errors import PyXFormError
from pyxform.xls2xform import convert

from cometa.network.codes import QuestionType, SurveyRound
from cometa.network.survey.definition import LANGUAGES, Definition, Question, choices

LANGUAGE_NAMES = {"en": "English", "es": "Español", "ru": "Русский"}
YES_NO = "yes_no"
ROUNDS = "rounds"
_FIXED_LABELS = {
    "participant": _("Her participant code (never her name)"),
    "round": _("Survey round"),
    "collected_on": _("Day of the interview"),
    "yes": _("Yes"),
    "no": _("No"),
}


class XLSFormError(ValueError):
    """pyxform refused the form."""


def _labelled(kind: str) -> list[str]:
    return [f"{kind}::{LANGUAGE_NAMES[lang]} ({lang})" for lang in LANGUAGES]


def _translated(text: Any) -> list[str]:
    found = []
    for language in LANGUAGES:
        with translation.override(language):
            found.append(str(text))
    return found


def _type(question: Question) -> str:
    if question.type == QuestionType.YES_NO:
        return f"select_one {YES_NO}"
    if question.type in (QuestionType.SELECT_ONE, QuestionType.SELECT_MULTIPLE):
        return f"{question.type} {question.list}"
    return str(question.type)


def _constraint(question: Question) -> str:
    parts = []
    if question.low is not None:
        parts.append(f". >= {question.low}")
    if question.high is not None:
        parts.append(f". <= {question.high}")
    return " and ".join(parts)


def survey_rows(definition: Definition) -> list[list[Any]]:
    """The survey sheet: header, the fixed fields, then the questions in their groups."""
    header = ["type", "name", *_labelled("label"), *_labelled("hint"), "required", "constraint"]
    blank_hint = [""] * len(LANGUAGES)
    rows: list[list[Any]] = [header]
    rows.append(["text", "participant", *_translated(_FIXED_LABELS["participant"])])
    rows[-1] += [*blank_hint, "yes", "string-length(.) >= 3"]
    if len(definition.rounds) > 1:
        rows.append([f"select_one {ROUNDS}", "round", *_translated(_FIXED_LABELS["round"])])
        rows[-1] += [*blank_hint, "yes", ""]
    rows.append(["date", "collected_on", *_translated(_FIXED_LABELS["collected_on"])])
    rows[-1] += [*blank_hint, "yes", ""]
    for group, questions in groupby(definition.questions, key=lambda q: q.group):
        if group:
            rows.append(["begin_group", group, *[""] * (2 * len(LANGUAGES) + 2)])
        for question in questions:
            label = question.label.model_dump()
            hint = question.hint.model_dump() if question.hint else {}
            rows.append(
                [
                    _type(question),
                    question.name,
                    *(label[lang] for lang in LANGUAGES),
                    *(hint.get(lang, "") for lang in LANGUAGES),
                    "yes" if question.required else "",
                    _constraint(question),
                ]
            )
        if group:
            rows.append(["end_group", group, *[""] * (2 * len(LANGUAGES) + 2)])
    return rows


def choice_rows(definition: Definition) -> list[list[Any]]:
    """The choices sheet: yes/no, the rounds (when asked), and every list used."""
    rows: list[list[Any]] = [["list_name", "name", *_labelled("label")]]
    rows += [[YES_NO, code, *_translated(_FIXED_LABELS[code])] for code in ("yes", "no")]
    if len(definition.rounds) > 1:
        labels = dict(SurveyRound.choices)
        rows += [[ROUNDS, str(r), *_translated(labels[r])] for r in definition.rounds]
    used = dict.fromkeys(q.list for q in definition.questions if q.list)
    for name in used:
        for code, label in choices(definition, name):
            rows.append([name, code, *(label[lang] for lang in LANGUAGES)])
    return rows


def settings_rows(definition: Definition) -> list[list[Any]]:
    title = definition.title.model_dump()
    return [
        ["form_title", "form_id", "version", "default_language"],
        [title["en"], definition.code, str(definition.version), f"{LANGUAGE_NAMES['en']} (en)"],
    ]


def workbook(definition: Definition) -> bytes:
    """The XLSForm as an XLSX workbook."""
    book = Workbook()
    sheets = {
        "survey": survey_rows(definition),
        "choices": choice_rows(definition),
        "settings": settings_rows(definition),
    }
    first = True
    for name, rows in sheets.items():
        sheet = book.active if first else book.create_sheet()
        first = False
        assert sheet is not None
        sheet.title = name
        for row in rows:
            sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def xform(content: bytes) -> str:
    """The XForm that pyxform makes of the workbook; ``XLSFormError`` when it refuses."""
    try:
        result = convert(xlsform=io.BytesIO(content), file_type=".xlsx", form_name="data")
    except (PyXFormError, ValueError, KeyError) as error:
        raise XLSFormError(str(error)) from None
    return str(result.xform)
