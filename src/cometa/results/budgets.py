"""Budget totals and the share marked for gender equality, without the database.

Amounts in different currencies are never added: every total is per currency (an office
that budgets in USD and MXN gets two lines). The selector ``selectors.budget_totals``
does the same sums in the database and uses :func:`share_of` for the share, so both give
the same figures; ``tests/results/test_selectors.py`` holds them side by side.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal

from django.utils.translation import gettext as _

CURRENCY = re.compile(r"[A-Z]{3}")
SHARE_PLACES = Decimal("0.0001")
MARKED = 2  # the lowest marker that counts for the share


@dataclass(frozen=True)
class BudgetLine:
    amount: Decimal
    currency: str
    marker: int  # 0-3


@dataclass(frozen=True)
class BudgetShare:
    currency: str
    total: Decimal
    marked: Decimal  # the part with marker 2 or 3
    share: Decimal | None  # marked / total to four places; None for a zero total


def currency_problem(currency: str) -> str:
    """Why ``currency`` is not an ISO 4217 code ("" when it is one)."""
    if CURRENCY.fullmatch(currency):
        return ""
    return _("%(code)s is not a currency code: write three capital letters, like USD.") % {
        "code": repr(currency)
    }


def share_of(part: Decimal, total: Decimal) -> Decimal | None:
    """``part / total`` rounded to four places (half to even); None when total is 0."""
    if not total:
        return None
    return (part / total).quantize(SHARE_PLACES, rounding=ROUND_HALF_EVEN).normalize()


def budget_shares(lines: Iterable[BudgetLine]) -> list[BudgetShare]:
    """The total and the part marked 2 or 3, per currency, in currency order."""
    totals: dict[str, Decimal] = {}
    marked: dict[str, Decimal] = {}
    for line in lines:
        totals[line.currency] = totals.get(line.currency, Decimal(0)) + line.amount
        if line.marker >= MARKED:
            marked[line.currency] = marked.get(line.currency, Decimal(0)) + line.amount
    return [
        BudgetShare(
            code,
            totals[code],
            marked.get(code, Decimal(0)),
            share_of(marked.get(code, Decimal(0)), totals[code]),
        )
        for code in sorted(totals)
    ]
