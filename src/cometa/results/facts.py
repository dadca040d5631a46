"""The figures a narrative reports, as structured facts, and their checks, without the
database.

A fact is a number the narrative states ("2,763 women enrolled in 15 learning centres"
gives two: 2,763 women enrolled, 15 learning centres). When the figure supports an
indicator, the fact names the cell it claims: the indicator attached to the outcome or
output, the kind (an actual, usually), the period and the disaggregation key.
:func:`check_facts` compares each claim with the value stored for that cell;
:func:`figure_in_text` tells whether the narrative really shows the figure, so a report
can put the number next to its sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from cometa.indicators.periods import Period


@dataclass(frozen=True)
class Cell:
    """The indicator value a fact claims: attached indicator (its id), kind, period, key."""

    indicator: int
    kind: str
    period: Period
    key: str = ""


@dataclass(frozen=True)
class Claim:
    value: Decimal
    cell: Cell | None  # None: the figure supports no indicator


class FactStatus(StrEnum):
    MATCHES = "matches"  # the stored value is the figure (within the tolerance)
    DIFFERS = "differs"  # a value is stored and it is another number
    NO_VALUE = "no_value"  # the cell has no value stored
    NOT_LINKED = "not_linked"  # the fact names no indicator


@dataclass(frozen=True)
class FactCheck:
    claim: Claim
    status: FactStatus
    stored: Decimal | None
    difference: Decimal | None  # the figure minus the stored value


def check_facts(
    claims: Iterable[Claim], stored: Mapping[Cell, Decimal], *, tolerance: Decimal = Decimal(0)
) -> list[FactCheck]:
    """Each claim against the value stored for its cell, in the claims' order."""
    found = []
    for claim in claims:
        if claim.cell is None:
            found.append(FactCheck(claim, FactStatus.NOT_LINKED, None, None))
            continue
        value = stored.get(claim.cell)
        if value is None:
            found.append(FactCheck(claim, FactStatus.NO_VALUE, None, None))
            continue
        difference = claim.value - value
        status = FactStatus.MATCHES if abs(difference) <= tolerance else FactStatus.DIFFERS
        found.append(FactCheck(claim, status, value, difference))
    return found


_SEP = "[ ,.\u00a0\u202f]"
_NUMBER = re.compile(
    rf"(?<![\d.,])(?:\d{{1,3}}(?:{_SEP}\d{{3}})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
)
_SPACES = re.compile("[ \u00a0\u202f]")


def _decimal(text: str) -> Decimal | None:
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def _readings(token: str) -> set[Decimal]:
    """A token read with "," for thousands and "." for decimals, and the other way round;
    each part between spaces is also read on its own ("5 585" may be "5" then "585")."""
    plain = _SPACES.sub("", token)
    candidates = {plain.replace(",", ""), plain.replace(".", "").replace(",", ".")}
    candidates |= set(_SPACES.split(token)) if _SPACES.search(token) else set()
    return {value for text in candidates if (value := _decimal(text)) is not None}


def numbers_in(text: str) -> set[Decimal]:
    """Every number the text may show, whichever way it writes separators."""
    found: set[Decimal] = set()
    for match in _NUMBER.finditer(text):
        found |= _readings(match.group())
    return found


def figure_in_text(value: Decimal, text: str) -> bool:
    """Whether ``text`` shows the figure ``value`` (2763 in "2,763" or "2.763")."""
    return value in numbers_in(text)
