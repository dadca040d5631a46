"""The search every output's test runs: counts of 1 to k−1 people anywhere in it.

An output is a list of rows (mappings) or CSV text. Only the count columns are read:
``numerator``, ``denominator``, ``n``, ``count``, ``respondents``, ``without`` (and any the
caller names); a rate or a percentage is not a count. A value that is not a whole number
(an empty suppressed cell, a dash) is skipped.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

__all__ = ["COUNT_COLUMNS", "SmallCount", "small_counts", "small_counts_in_csv"]

COUNT_COLUMNS = frozenset({"numerator", "denominator", "n", "count", "respondents", "without"})


@dataclass(frozen=True)
class SmallCount:
    row: int  # 0 is the first row of data
    column: str
    value: int


def _whole(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        number = float(str(value).strip())
    except ValueError:
        return None
    return int(number) if number.is_integer() else None


def small_counts(
    rows: Iterable[Mapping[str, object]], k: int, columns: Collection[str] = COUNT_COLUMNS
) -> list[SmallCount]:
    """Every count between 1 and k−1 in the count columns of ``rows``."""
    found = []
    for number, row in enumerate(rows):
        for column, value in row.items():
            if column not in columns:
                continue
            whole = _whole(value)
            if whole is not None and 0 < whole < k:
                found.append(SmallCount(number, column, whole))
    return found


def small_counts_in_csv(
    text: str, k: int, columns: Collection[str] = COUNT_COLUMNS
) -> list[SmallCount]:
    """The same search in CSV text whose first line names the columns."""
    return small_counts(csv.DictReader(io.StringIO(text)), k, columns)
