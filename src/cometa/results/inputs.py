"""What the services write, as small frozen records built by forms, serializers, the
demo loader and tests: one argument instead of many."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal

from cometa.indicators.periods import Period
from cometa.indicators.texts import Text
from cometa.results.identifiers import ResultKind
from cometa.results.scales import Progress


@dataclass(frozen=True)
class PlanContent:
    title: str
    start_year: int
    end_year: int
    office_code: str  # MEX
    cooperation_framework: str = ""
    publisher: str = "XM-DAC-41146"  # UN Women's IATI organisation identifier


@dataclass(frozen=True)
class ValueInput:
    """One cell of an attached indicator: a baseline, target or actual."""

    kind: str
    period: Period
    key: str = ""
    value: Decimal | None = None
    text: str = ""
    comment: str = ""


@dataclass(frozen=True)
class NarrativeContent:
    text: Text
    progress: str = Progress.NOT_ASSESSED


@dataclass(frozen=True)
class FactContent:
    """A figure the narrative reports; ``indicator`` (an attached indicator's id), with
    ``kind``, ``key`` and ``period`` (default: the narrative's year), names the cell it
    claims."""

    value: Decimal
    label: str
    unit: str = ""
    indicator: int | None = None
    kind: str = "actual"
    key: str = ""
    period: Period | None = None


@dataclass(frozen=True)
class KnowledgeContent:
    title: str
    kind: str
    year: int
    partners: Sequence[str] = ()
    url: str = ""
    language: str = ""
    outcomes: Sequence[int] = field(default_factory=tuple)  # ids of the office's outcomes


@dataclass(frozen=True)
class BudgetContent:
    year: int
    amount: Decimal
    currency: str
    marker: int
    activity: str = ""  # empty: the output as a whole


__all__ = [
    "BudgetContent",
    "FactContent",
    "KnowledgeContent",
    "NarrativeContent",
    "PlanContent",
    "ResultKind",
    "ValueInput",
]
