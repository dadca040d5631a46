"""The reads of the annual report and of the view across offices, with the acting person.

``report_data`` reads an office's plan for a year in a fixed number of queries (ten, however
many outcomes, indicators and values it has: ``tests/results/report/test_selectors.py``
pins it), then assembles plain records (``data``). An office the person may not read, or
a year no plan of the office covers, is "not found" (404).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Max
from django.http import Http404

from cometa.accounts.models import Person
from cometa.indicators.definitions import Measure
from cometa.indicators.disaggregation import parse_key
from cometa.indicators.models import DimensionCode, IndicatorValue, ValueSource
from cometa.indicators.periods import Period
from cometa.indicators.periods import year as year_period
from cometa.indicators.texts import Text
from cometa.results import access, budgets
from cometa.results import selectors as results_selectors
from cometa.results.identifiers import build_identifier, parse_code
from cometa.results.models import (
    BudgetLine,
    Fact,
    JointProgramme,
    Narrative,
    Outcome,
    Output,
    Partner,
    Plan,
    ResultIndicator,
)
from cometa.results.report.data import (
    BudgetData,
    FactData,
    IndicatorData,
    OutcomeData,
    ProgrammeData,
    ReportData,
    ValueRow,
)
from cometa.results.report.overview import OfficeYear, office_years


def report_plan(person: Person, office: object, year: int) -> Plan:
    """The office's plan covering ``year`` (404 when unreadable or there is none)."""
    try:
        office_id = int(str(office))
    except ValueError:
        raise Http404("No such office.") from None
    plan = (
        results_selectors.plans_for(person)
        .filter(office_id=office_id, start_year__lte=year, end_year__gte=year)
        .first()
    )
    if plan is None:
        raise Http404("No plan of this office covers this year.")
    return plan


def report_data(person: Person, office: object, year: int) -> ReportData:
    """Everything the annual report of ``office`` for ``year`` shows."""
    return assemble(report_plan(person, office, year), year)


def assemble(plan: Plan, year: int) -> ReportData:
    """The report of a plan the caller may read (the command acts as the system)."""
    outcomes = list(Outcome.objects.filter(plan=plan))
    outputs = list(Output.objects.filter(outcome__plan=plan))
    codes = {output.pk: output.code for output in outputs}
    indicators = _indicators(plan, codes, {outcome.pk: outcome.code for outcome in outcomes})
    lines = list(
        BudgetLine.objects.filter(output__outcome__plan=plan, year=year).values_list(
            "output_id", "activity", "amount", "currency", "marker"
        )
    )
    programmes = _programmes(plan)

    def identifier(code: str) -> str:
        return build_identifier(
            publisher=plan.publisher, office=plan.office_code, code=parse_code(code)
        )

    return ReportData(
        office=plan.office.name,
        office_id=plan.office_id,
        office_code=plan.office_code,
        plan_title=plan.title,
        cooperation_framework=plan.cooperation_framework,
        start_year=plan.start_year,
        end_year=plan.end_year,
        year=year,
        outcomes=_outcomes(plan, year, outcomes, outputs, indicators, programmes, identifier),
        programmes=tuple(programmes),
        budget_lines=tuple(
            BudgetData(identifier(codes[output]), activity, amount, currency, marker)
            for output, activity, amount, currency, marker in lines
        ),
        budgets=tuple(
            budgets.budget_shares(budgets.BudgetLine(line[2], line[3], line[4]) for line in lines)
        ),
        labels=_labels(item for items in indicators.values() for item in items),
    )


def _outcomes(
    plan: Plan,
    year: int,
    outcomes: list[Outcome],
    outputs: list[Output],
    indicators: dict[int, list[IndicatorData]],
    programmes: list[ProgrammeData],
    identifier: Any,
) -> tuple[OutcomeData, ...]:
    narratives = {n.outcome_id: n for n in Narrative.objects.filter(outcome__plan=plan, year=year)}
    facts = defaultdict(list)
    for row in Fact.objects.filter(narrative__outcome__plan=plan, narrative__year=year).values():
        facts[row["narrative_id"]].append(_fact(row, year))
    partners = defaultdict(list)
    for outcome_id, name, kind in Partner.objects.filter(outcome__plan=plan).values_list(
        "outcome_id", "name", "kind"
    ):
        partners[outcome_id].append((name, kind))
    under = defaultdict(list)
    for output in outputs:
        under[output.outcome_id].append(output)
    found = []
    for outcome in outcomes:
        narrative = narratives.get(outcome.pk)
        found.append(
            OutcomeData(
                pk=outcome.pk,
                code=outcome.code,
                identifier=identifier(outcome.code),
                kind=outcome.kind,
                statement=outcome.statement_text(),
                progress=narrative.progress if narrative else "not_assessed",
                narrative=narrative.text_of() if narrative else None,
                facts=tuple(facts[narrative.pk]) if narrative else (),
                indicators=tuple(indicators.get(outcome.pk, [])),
                outputs=tuple(
                    (identifier(item.code), item.statement_text()) for item in under[outcome.pk]
                ),
                partners=tuple(partners[outcome.pk]),
                programmes=tuple(p.name for p in programmes if outcome.code in p.outcomes),
            )
        )
    return tuple(found)


def _fact(row: Mapping[str, Any], year: int) -> FactData:
    start, end = row["period_start"], row["period_end"]
    return FactData(
        value=row["value"],
        unit=row["unit"],
        label=row["label"],
        indicator=row["indicator_id"],
        kind=row["kind"],
        period=Period(start, end) if start and end else year_period(year),
        key=row["key"],
    )


def _indicators(
    plan: Plan, output_codes: dict[int, str], outcome_codes: dict[int, str]
) -> dict[int, list[IndicatorData]]:
    """The plan's attached indicators with their values, by outcome id (two queries)."""
    attached = list(
        ResultIndicator.objects.filter(plan=plan).select_related("version__indicator", "output")
    )
    values = defaultdict(list)
    rows = IndicatorValue.objects.filter(
        owner_type=ContentType.objects.get_for_model(ResultIndicator),
        owner_id__in=[item.pk for item in attached],
    ).order_by("kind", "period_start", "key")
    for value in rows:
        values[(value.owner_id, value.version_id)].append(_value(value))
    found: dict[int, list[IndicatorData]] = defaultdict(list)
    for item in attached:
        version = item.version
        outcome = item.output.outcome_id if item.output is not None else item.outcome_id
        if outcome is None:  # never: a constraint wants an outcome or an output
            continue
        code = output_codes[item.output_id] if item.output_id else ""
        found[outcome].append(
            IndicatorData(
                pk=item.pk,
                code=version.indicator.code,
                version=version.number,
                title=version.title_text(),
                unit=version.unit,
                numeric=Measure(version.measure).is_numeric,
                place=build_identifier(
                    publisher=plan.publisher,
                    office=plan.office_code,
                    code=parse_code(code or outcome_codes[outcome]),
                ),
                output_code=code,
                values=tuple(values[(item.pk, version.pk)]),
            )
        )
    return found


def _value(row: IndicatorValue) -> ValueRow:
    if row.source == ValueSource.IMPORTED:
        provenance = f"imported from {row.file_name} (sha256 {row.file_sha256[:12]})"
    elif row.source == ValueSource.COMPUTED:
        provenance = f"computed from {row.computed_from}"
    else:
        provenance = "entered"
    return ValueRow(row.kind, row.period, row.key, row.value, row.text, provenance)


def _programmes(plan: Plan) -> list[ProgrammeData]:
    links = JointProgramme.outcomes.through.objects.filter(jointprogramme__plan=plan)
    served = defaultdict(list)
    for programme, code in links.values_list("jointprogramme_id", "outcome__code"):
        served[programme].append(code)
    return [
        ProgrammeData(item.name, tuple(item.entity_list), tuple(sorted(served[item.pk])))
        for item in JointProgramme.objects.filter(plan=plan)
    ]


def _labels(indicators: Iterable[IndicatorData]) -> dict[str, Text]:
    """Names of the dimensions and labels of the codes the values use (one query)."""
    used = {pair for item in indicators for row in item.values for pair in parse_key(row.key)}
    labels: dict[str, Text] = {}
    if not used:
        return labels
    rows = DimensionCode.objects.filter(dimension__code__in={name for name, _ in used})
    for code in rows.select_related("dimension"):
        labels[code.dimension.code] = code.dimension.name_text()
        labels[f"{code.dimension.code}={code.code}"] = Text.of(code.label) or Text(code.code)
    return labels


def progress_years(person: Person, years: Sequence[int]) -> list[OfficeYear]:
    """Per office the person reads and year: its outcomes by progress assessment, an
    outcome without a narrative that year counting as not assessed (two queries)."""
    scope = access.readable_office_ids(person)
    narratives = Narrative.objects.filter(year__in=years)
    outcomes = Outcome.objects.filter(
        plan__start_year__lte=max(years, default=0), plan__end_year__gte=min(years, default=0)
    )
    if scope is not None:
        narratives = narratives.filter(outcome__plan__office__in=scope)
        outcomes = outcomes.filter(plan__office__in=scope)
    assessed = narratives.values_list("outcome__plan__office", "year", "progress").annotate(
        n=Count("pk")
    )
    planned = outcomes.values_list(
        "plan__office",
        "plan__office__name",
        "plan__office__region",
        "plan__office__parent__region",
        "plan__start_year",
        "plan__end_year",
    ).annotate(n=Count("pk"))
    return office_years(years, list(planned), list(assessed.order_by()))


def latest_year(person: Person) -> int | None:
    """The latest year with a narrative the person may read (one query)."""
    rows = Narrative.objects.all()
    scope = access.readable_office_ids(person)
    if scope is not None:
        rows = rows.filter(outcome__plan__office__in=scope)
    found = rows.aggregate(latest=Max("year"))["latest"]
    return int(found) if found is not None else None
