"""One cell of a file to a typed value (or the reason it is not one), and a value back
to a cell. Pure. Cells come as the reader gives them: text from a CSV file; text,
numbers, dates or booleans from a workbook."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext as _

from cometa.network.tabular.columns import Column, Type
from cometa.reports.renderers.tabular import FORMULA_TRIGGERS, escape_formula

YES = frozenset({"yes", "y", "true", "1", "si", "sí", "s", "да", "д"})
NO = frozenset({"no", "n", "false", "0", "нет", "н"})
_DAY_FIRST = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
SEPARATOR = ";"


@dataclass(frozen=True)
class Bad:
    """Why a cell was refused."""

    message: str


def text_of(raw: Any) -> str:
    """The cell as text, stripped; an apostrophe that an export put before a leading
    ``= + - @`` (against formula injection) is taken off again."""
    if raw is None:
        return ""
    text = raw.strip() if isinstance(raw, str) else str(raw)
    if len(text) > 1 and text[0] == "'" and text[1:].startswith(FORMULA_TRIGGERS):
        return text[1:]
    return text


def parse(column: Column, raw: Any) -> Any:
    """The typed value of ``raw`` for ``column``: None for an empty cell, or ``Bad``."""
    if isinstance(raw, datetime):
        raw = raw.date()
    if isinstance(raw, date) and column.type is Type.DATE:
        return raw
    text = text_of(raw)
    if text == "":
        return Bad(_("This column is required.")) if column.required else None
    return _PARSERS[column.type](column, raw, text)


def _text(column: Column, raw: Any, text: str) -> Any:
    return text


def _date(column: Column, raw: Any, text: str) -> Any:
    day_first = _DAY_FIRST.match(text)
    try:
        if day_first:
            day, month, year = (int(part) for part in day_first.groups())
            return date(year, month, day)
        if len(text) < 10:
            raise ValueError(text)
        return date.fromisoformat(text[:10])
    except ValueError:
        return Bad(_("Write the date as YYYY-MM-DD (or DD/MM/YYYY)."))


def _integer(column: Column, raw: Any, text: str) -> Any:
    if isinstance(raw, float) and raw.is_integer():
        number = int(raw)
    elif re.fullmatch(r"-?\d+", text):
        number = int(text)
    else:
        return Bad(_("Write a whole number."))
    low, high = column.low, column.high
    if (low is not None and number < low) or (high is not None and number > high):
        return Bad(_("Give a number from %(low)s to %(high)s.") % {"low": low, "high": high})
    return number


def _yesno(column: Column, raw: Any, text: str) -> Any:
    if isinstance(raw, bool):
        return raw
    folded = text.casefold()
    if folded in YES:
        return True
    if folded in NO:
        return False
    return Bad(_("Write yes or no."))


def _one_code(column: Column, text: str) -> Any:
    found = column.code_lookup.get(text.removesuffix(".0").casefold())
    if found is None:
        return Bad(_("Unknown code: use one of the list on the codes sheet."))
    return found


def _code(column: Column, raw: Any, text: str) -> Any:
    return _one_code(column, text)


def _codes(column: Column, raw: Any, text: str) -> Any:
    parts = text.split() if column.spaced else text.split(SEPARATOR)
    found = [_one_code(column, part.strip()) for part in parts if part.strip()]
    bad = next((value for value in found if isinstance(value, Bad)), None)
    return bad or list(dict.fromkeys(found))


_PARSERS = {
    Type.TEXT: _text,
    Type.DATE: _date,
    Type.INTEGER: _integer,
    Type.YESNO: _yesno,
    Type.CODE: _code,
    Type.CODES: _codes,
}


def cell(value: Any) -> str | int | date | None:
    """A value as an export writes it: numbers and dates as such, booleans as yes/no, code
    lists joined, text protected against formula injection."""
    if value is None or value == "" or value == []:
        return None
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, int | date):
        return value
    if isinstance(value, list | tuple):
        return SEPARATOR.join(str(part) for part in value)
    return escape_formula(str(value))
