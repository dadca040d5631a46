"""Cometa's benchmarks: one command runs them all (``scripts/bench``, see docs/benchmarks.md).

This module holds the small, pure toolkit every benchmark uses: the options of a run, the
tables a benchmark returns, percentiles and text/Markdown table formatting. A benchmark is
a callable ``run(options) -> Result`` listed in ``benchmarks.run.BENCHMARKS``.
"""

from __future__ import annotations

import gc
import math
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Options:
    quick: bool = False
    postgres: str | None = None  # a PostgreSQL URL; benchmarks that use a database add a run
    log: Callable[[str], None] = print


@dataclass
class Table:
    title: str
    columns: list[str]
    rows: list[list[Any]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "columns": self.columns,
            "rows": self.rows,
            "notes": self.notes,
        }


@dataclass
class Result:
    """What a benchmark returns: tables to print and raw figures for the JSON file."""

    tables: list[Table] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"tables": [table.as_dict() for table in self.tables], "data": self.data}


def percentile(values: Sequence[float], p: float) -> float:
    """The p-th percentile (0–100) with linear interpolation between closest ranks.

    Same definition as numpy's default ("linear"); ``nan`` for no values.
    """
    if not 0 <= p <= 100:
        raise ValueError(f"percentile must be between 0 and 100, not {p}")
    if not values:
        return math.nan
    ordered = sorted(values)
    rank = (len(ordered) - 1) * p / 100
    low = math.floor(rank)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)


class GcTimer:
    """Time spent in the garbage collector's pauses while active (``gc.callbacks``).

    ``with GcTimer() as timer: ...`` then ``timer.seconds`` and ``timer.collections``
    (``full``: how many were of the oldest generation, the costly ones).
    """

    def __init__(self) -> None:
        self.seconds = 0.0
        self.collections = 0
        self.full = 0
        self._started: float | None = None

    def _callback(self, phase: str, info: dict[str, Any]) -> None:
        if phase == "start":
            self._started = time.perf_counter()
        elif self._started is not None:
            self.seconds += time.perf_counter() - self._started
            self.collections += 1
            self.full += info.get("generation") == 2
            self._started = None

    def __enter__(self) -> GcTimer:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)


def cell(value: Any) -> str:
    """How a value shows in a table: floats get digits according to their size."""
    if value is None:
        return "–"
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        if math.isnan(value):
            return "–"
        if abs(value) >= 100:
            return f"{value:,.0f}"
        if abs(value) >= 10:
            return f"{value:.1f}"
        return f"{value:.2f}"
    if isinstance(value, int):
        return f"{value:,}"
    return str(value)


def _numeric(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _right_aligned(table: Table) -> list[bool]:
    """Columns whose every value (other than a missing one) is a number."""
    return [
        any(_numeric(row[i]) for row in table.rows)
        and all(_numeric(row[i]) or row[i] is None for row in table.rows)
        for i in range(len(table.columns))
    ]


def format_table(table: Table) -> str:
    """Plain text: a title, aligned columns (numbers to the right) and notes."""
    texts = [[cell(value) for value in row] for row in table.rows]
    widths = [len(name) for name in table.columns]
    for row in texts:
        for index, text in enumerate(row):
            widths[index] = max(widths[index], len(text))
    right = _right_aligned(table)

    def line(values: list[str]) -> str:
        parts = [
            value.rjust(widths[index]) if right[index] else value.ljust(widths[index])
            for index, value in enumerate(values)
        ]
        return "  ".join(parts).rstrip()

    out = [table.title, "=" * len(table.title), line(table.columns)]
    out.append("  ".join("-" * width for width in widths))
    out.extend(line(row) for row in texts)
    out.extend(f"  {note}" for note in table.notes)
    return "\n".join(out)


def format_markdown(table: Table) -> str:
    """The same table as GitHub Markdown, for docs/benchmarks.md."""
    texts = [[cell(value).replace("|", "\\|") for value in row] for row in table.rows]
    align = ["---:" if right else "---" for right in _right_aligned(table)]
    out = [f"**{table.title}**", "", "| " + " | ".join(table.columns) + " |"]
    out.append("| " + " | ".join(align) + " |")
    out.extend("| " + " | ".join(row) + " |" for row in texts)
    if table.notes:
        out.append("")
        out.extend(f"- {note}" for note in table.notes)
    return "\n".join(out)
