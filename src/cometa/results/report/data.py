"""What an annual results report is made of, as plain frozen records: no database, no
rendering. ``selectors.report_data`` reads them; everything else works from them."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from cometa.indicators.periods import Period, PeriodKind
from cometa.indicators.texts import Text
from cometa.results.budgets import BudgetShare


@dataclass(frozen=True)
class ValueRow:
    """One stored baseline, target or actual of an attached indicator."""

    kind: str  # baseline, target, actual
    period: Period
    key: str  # canonical disaggregation key; "" is the total
    value: Decimal | None
    text: str  # a qualitative value
    provenance: str  # "entered", "imported from FILE (sha256 ...)", "computed from SOURCE"


@dataclass(frozen=True)
class IndicatorData:
    """An indicator of the floor attached to an outcome or an output, with its values."""

    pk: int
    code: str
    version: int
    title: Text
    unit: str
    numeric: bool
    place: str  # the identifier of the outcome or output it is attached to
    output_code: str  # "" when attached to the outcome itself
    values: tuple[ValueRow, ...] = ()

    def keys(self) -> list[str]:
        """The disaggregation keys with a value, the total first."""
        return sorted({row.key for row in self.values}, key=lambda key: (key != "", key))

    def cell(self, kind: str, period: Period, key: str = "") -> ValueRow | None:
        for row in self.values:
            if row.kind == kind and row.period == period and row.key == key:
                return row
        return None

    def baseline(self, year: int, key: str = "") -> ValueRow | None:
        """The latest baseline that ends by the end of ``year``."""
        found = [
            row
            for row in self.values
            if row.kind == "baseline" and row.key == key and row.period.end.year <= year
        ]
        return max(found, key=lambda row: row.period, default=None)

    def yearly(self, kind: str, key: str = "") -> dict[int, Decimal]:
        """Numbers of whole-year periods of one kind and key, by year."""
        return {
            row.period.start.year: row.value
            for row in self.values
            if row.kind == kind
            and row.key == key
            and row.value is not None
            and row.period.kind is PeriodKind.YEAR
        }


@dataclass(frozen=True)
class FactData:
    """A figure the narrative reports, and the cell it claims when it names one."""

    value: Decimal
    unit: str
    label: str
    indicator: int | None  # the attached indicator's id
    kind: str
    period: Period
    key: str


@dataclass(frozen=True)
class OutcomeData:
    pk: int
    code: str
    identifier: str  # XM-DAC-41146-MEX_D_1.1
    kind: str  # D or O
    statement: Text
    progress: str  # a scales.Progress code; not_assessed without a narrative
    narrative: Text | None  # None: nothing written for the year
    facts: tuple[FactData, ...] = ()
    indicators: tuple[IndicatorData, ...] = ()
    outputs: tuple[tuple[str, Text], ...] = ()  # (identifier, statement)
    partners: tuple[tuple[str, str], ...] = ()  # (name, PartnerKind code)
    programmes: tuple[str, ...] = ()  # names of the joint programmes it is part of


@dataclass(frozen=True)
class ProgrammeData:
    name: str
    entities: tuple[str, ...]
    outcomes: tuple[str, ...]  # outcome codes


@dataclass(frozen=True)
class BudgetData:
    output: str  # the output's identifier
    activity: str
    amount: Decimal
    currency: str
    marker: int


@dataclass(frozen=True)
class ReportData:
    """An office's plan as reported for one year."""

    office: str
    office_id: int
    office_code: str
    plan_title: str
    cooperation_framework: str
    start_year: int
    end_year: int
    year: int
    outcomes: tuple[OutcomeData, ...]
    programmes: tuple[ProgrammeData, ...] = ()
    budget_lines: tuple[BudgetData, ...] = ()
    budgets: tuple[BudgetShare, ...] = ()
    #: "sex" -> Text("Sex", ...), "sex=F" -> Text("Female", ...)
    labels: Mapping[str, Text] = field(default_factory=dict)

    def indicators(self) -> list[tuple[OutcomeData, IndicatorData]]:
        return [(outcome, item) for outcome in self.outcomes for item in outcome.indicators]

    def label(self, name: str, lang: str) -> str:
        text = self.labels.get(name)
        return text.get(lang) if text is not None else name
