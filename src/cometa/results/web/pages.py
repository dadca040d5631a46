"""What the plan and outcome pages show, shaped from rows the selectors gave. Nothing
here writes."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import Prefetch, Q

from cometa.accounts.models import Person
from cometa.indicators.models import ValueKind
from cometa.indicators.periods import PeriodKind
from cometa.results import access, selectors
from cometa.results.facts import FactCheck, figure_in_text
from cometa.results.models import BudgetLine, Narrative, Outcome, Output, Plan, ResultIndicator
from cometa.results.scales import Progress
from cometa.results.web.cells import shown


@dataclass
class IndicatorRow:
    attached: ResultIndicator
    title: str
    years: list[int]
    values: dict[str, list[str]]  # kind -> shown value per year ("" when none), totals only

    @property
    def kinds(self) -> list[tuple[str, list[str]]]:
        return [(str(ValueKind(kind).label), self.values[kind]) for kind in ValueKind.values]


@dataclass
class OutcomeSummary:
    outcome: Outcome
    statement: str
    outputs: list[tuple[Output, str]]
    indicators: list[tuple[ResultIndicator, str]]
    progress: list[str]  # label per plan year ("" when not assessed yet)


@dataclass
class PlanPage:
    plan: Plan
    years: list[int]
    outcomes: list[OutcomeSummary]
    programmes: list[Any]
    may_edit: bool


def _years(plan: Plan) -> list[int]:
    return list(range(plan.start_year, plan.end_year + 1))


def _title(attached: ResultIndicator, language: str) -> str:
    return attached.version.title_text().get(language)


def plan_page(person: Person, plan: Plan, language: str) -> PlanPage:
    years = _years(plan)
    outcomes = (
        selectors.outcomes_for(person, plan)
        .prefetch_related("outputs", "partners")
        .order_by("kind", "position", "code")
    )
    indicators = list(selectors.indicators_for(person, plan).select_related("output"))
    by_outcome: dict[int, list[ResultIndicator]] = defaultdict(list)
    for attached in indicators:
        owner = attached.outcome_id or (attached.output.outcome_id if attached.output else None)
        if owner:
            by_outcome[owner].append(attached)
    labels = dict(Progress.choices)
    assessed = {
        (n.outcome_id, n.year): str(labels[n.progress])
        for n in selectors.narratives_for(person, plan).only("outcome_id", "year", "progress")
    }
    summaries = [
        OutcomeSummary(
            outcome,
            outcome.statement_text().get(language),
            [(output, output.statement_text().get(language)) for output in outcome.outputs.all()],
            [(attached, _title(attached, language)) for attached in by_outcome[outcome.pk]],
            [assessed.get((outcome.pk, y), "") for y in years],
        )
        for outcome in outcomes
    ]
    programmes = list(plan.joint_programmes.prefetch_related("outcomes"))
    return PlanPage(plan, years, summaries, programmes, access.may_edit(person, plan.office))


def indicator_rows(
    person: Person, attached: list[ResultIndicator], years: list[int], language: str
) -> list[IndicatorRow]:
    """Each indicator's totals by year (a year's period only; the grid shows the rest)."""
    rows = []
    for item in attached:
        table: dict[str, list[str]] = {kind: [""] * len(years) for kind in ValueKind.values}
        for value in selectors.indicator_values(person, item).filter(key=""):
            period = value.period
            if period.kind is PeriodKind.YEAR and period.start.year in years:
                position = years.index(period.start.year)
                table[value.kind][position] = shown(value.value, value.text)
        rows.append(IndicatorRow(item, _title(item, language), years, table))
    return rows


@dataclass
class FactRow:
    fact: Any
    check: FactCheck
    in_text: bool


@dataclass
class OutcomePage:
    outcome: Outcome
    plan: Plan
    statement: str
    years: list[int]
    year: int
    outputs: list[tuple[Output, str, list[Any]]]
    indicators: list[IndicatorRow]
    narrative: Narrative | None
    text: str
    facts: list[FactRow]
    partners: list[Any]
    may_edit: bool
    assessed: dict[int, str] = field(default_factory=dict)


def outcome_page(person: Person, outcome: Outcome, year: int, language: str) -> OutcomePage:
    plan = outcome.plan
    years = _years(plan)
    outputs = list(
        outcome.outputs.prefetch_related(
            Prefetch("budget_lines", queryset=BudgetLine.objects.order_by("year", "activity"))
        )
    )
    attached = list(
        selectors.indicators_for(person, plan)
        .filter(Q(outcome=outcome) | Q(output__outcome=outcome))
        .select_related("output")
    )
    narratives = {n.year: n for n in selectors.narratives_for(person, plan).filter(outcome=outcome)}
    narrative = narratives.get(year)
    facts: list[FactRow] = []
    text = narrative.text_of().get(language) if narrative else ""
    if narrative is not None:
        checks = selectors.fact_checks(person, narrative)
        found = list(narrative.facts.select_related("indicator__version__indicator"))
        facts = [
            FactRow(fact, check, figure_in_text(Decimal(fact.value), narrative.text_of().en))
            for fact, check in zip(found, checks, strict=True)
        ]
    labels = dict(Progress.choices)
    return OutcomePage(
        outcome=outcome,
        plan=plan,
        statement=outcome.statement_text().get(language),
        years=years,
        year=year,
        outputs=[
            (o, o.statement_text().get(language), list(o.budget_lines.all())) for o in outputs
        ],
        indicators=indicator_rows(person, attached, years, language),
        narrative=narrative,
        text=text,
        facts=facts,
        partners=list(outcome.partners.all()),
        may_edit=access.may_edit(person, plan.office),
        assessed={y: str(labels[n.progress]) for y, n in narratives.items()},
    )
