"""Reading what a person typed into one cell of the data-entry grid, without the database:
a number (or, for a qualitative indicator, a text), or the reason it is not one. Messages
name the cell, since a summary at the top of the page reads them away from the grid."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.utils.translation import gettext as _

# 2,763 or 2.763 or 1,250,000: thousands grouped with a comma or a point, which reads as a
# decimal separator in one language and as grouping in another, so it is refused.
_GROUPED = re.compile(r"[-+]?\d{1,3}(?:[.,]\d{3})+")
_SPACES = re.compile(r"[ \u00a0\u202f]")
_PLAIN = re.compile(r"[-+]?(?:\d+(?:[.,]\d+)?|[.,]\d+)")


@dataclass(frozen=True)
class Typed:
    """What a cell holds after reading: ``empty``, else a number or a text, or a problem."""

    empty: bool
    value: Decimal | None = None
    text: str = ""
    problem: str = ""


def read_cell(typed: str, *, numeric: bool, counts: bool, where: str) -> Typed:
    """``typed`` read for a cell named ``where`` ("Actual, total"). ``numeric``: the
    indicator is measured (not qualitative); ``counts``: it counts (no value below zero)."""
    cleaned = typed.strip()
    if not cleaned:
        return Typed(empty=True)
    if not numeric:
        return Typed(empty=False, text=cleaned)
    compact = _SPACES.sub("", cleaned)
    if _GROUPED.fullmatch(compact) and not compact.lstrip("-+").startswith("0"):
        return Typed(
            empty=False,
            problem=_(
                "%(cell)s: write %(typed)s without a thousands separator (like 2763), "
                "so it cannot be read as a decimal."
            )
            % {"cell": where, "typed": cleaned},
        )
    if not _PLAIN.fullmatch(compact):
        return Typed(
            empty=False,
            problem=_("%(cell)s: %(typed)s is not a number; write it like 2763 or 12.5.")
            % {"cell": where, "typed": cleaned},
        )
    try:
        value = Decimal(compact.replace(",", "."))
    except InvalidOperation:  # pragma: no cover - the pattern admits only numbers
        return Typed(empty=False, problem=_("%(cell)s: not a number.") % {"cell": where})
    if counts and value < 0:
        return Typed(
            empty=False,
            problem=_("%(cell)s: a count cannot be below zero.") % {"cell": where},
        )
    return Typed(empty=False, value=value)


def shown(value: Decimal | None, text: str) -> str:
    """A stored value as the cell shows it (2763, 12.5; never 2763.000000)."""
    if value is None:
        return text
    return format(value.normalize(), "f")


def same(typed: Typed, value: Decimal | None, text: str) -> bool:
    """Whether the typed cell says what is stored (so there is nothing to save)."""
    if typed.empty:
        return value is None and not text
    if typed.value is not None:
        return value is not None and typed.value == value
    return typed.text == text
