"""Every read of results data, with the acting person. A row of an office the person may
not read is "not found" (404), never "forbidden", so its existence is not revealed."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from django.db.models import Count, DecimalField, Model, Q, QuerySet, Sum, Value
from django.db.models.functions import Coalesce
from django.http import Http404

from cometa.accounts.models import Organisation, Person
from cometa.indicators.models import IndicatorValue
from cometa.indicators.periods import Period
from cometa.results import access
from cometa.results.budgets import MARKED, BudgetShare, share_of
from cometa.results.facts import Cell, Claim, FactCheck, check_facts
from cometa.results.models import (
    BudgetLine,
    Fact,
    KnowledgeProduct,
    Narrative,
    Outcome,
    Output,
    Partner,
    Plan,
    ResultIndicator,
)
from cometa.results.scales import OnTrack, Progress, on_track_share

M = TypeVar("M", bound=Model)


def _scoped(person: Person, rows: QuerySet[M], office_path: str) -> QuerySet[M]:
    ids = access.readable_office_ids(person)
    return rows if ids is None else rows.filter(**{f"{office_path}__in": ids})


def _get(rows: QuerySet[M], pk: object, what: str) -> M:
    try:
        return rows.get(pk=int(str(pk)))
    except (ObjectDoesNotExist, ValueError):
        raise Http404(f"No such {what}.") from None


def plans_for(person: Person) -> QuerySet[Plan]:
    return _scoped(person, Plan.objects.select_related("office"), "office")


def plan_get(person: Person, pk: object) -> Plan:
    return _get(plans_for(person), pk, "plan")


def outcomes_for(person: Person, plan: Plan | None = None) -> QuerySet[Outcome]:
    rows = _scoped(person, Outcome.objects.select_related("plan__office"), "plan__office")
    return rows if plan is None else rows.filter(plan=plan)


def outcome_get(person: Person, pk: object) -> Outcome:
    return _get(outcomes_for(person), pk, "outcome")


def output_get(person: Person, pk: object) -> Output:
    rows = Output.objects.select_related("outcome__plan__office")
    return _get(_scoped(person, rows, "outcome__plan__office"), pk, "output")


def indicators_for(person: Person, plan: Plan) -> QuerySet[ResultIndicator]:
    rows = ResultIndicator.objects.select_related("plan__office", "version__indicator", "output")
    return _scoped(person, rows, "plan__office").filter(plan=plan)


def indicator_get(person: Person, pk: object) -> ResultIndicator:
    rows = ResultIndicator.objects.select_related("plan__office", "version__indicator")
    return _get(_scoped(person, rows, "plan__office"), pk, "indicator")


def indicator_values(person: Person, indicator: ResultIndicator) -> QuerySet[IndicatorValue]:
    """The baselines, targets and actuals of an attached indicator."""
    indicator = indicator_get(person, indicator.pk)
    return indicator.values.filter(version=indicator.version).select_related("version__indicator")


def narratives_for(person: Person, plan: Plan, year: int | None = None) -> QuerySet[Narrative]:
    rows = _scoped(
        person, Narrative.objects.select_related("outcome__plan__office"), "outcome__plan__office"
    ).filter(outcome__plan=plan)
    return rows if year is None else rows.filter(year=year)


def narrative_get(person: Person, pk: object) -> Narrative:
    rows = Narrative.objects.select_related("outcome__plan__office")
    return _get(_scoped(person, rows, "outcome__plan__office"), pk, "narrative")


def _stored(facts: list[Fact]) -> dict[Cell, Decimal]:
    """The values of the cells the facts claim, read in one query."""
    owners = {fact.indicator_id for fact in facts if fact.indicator_id}
    rows = IndicatorValue.objects.filter(
        owner_type=ContentType.objects.get_for_model(ResultIndicator),
        owner_id__in=owners,
        value__isnull=False,
    ).filter(version_id__in=ResultIndicator.objects.filter(pk__in=owners).values("version_id"))
    return {
        Cell(row.owner_id, row.kind, Period(row.period_start, row.period_end), row.key): row.value
        for row in rows
        if row.value is not None
    }


def fact_checks(person: Person, narrative: Narrative) -> list[FactCheck]:
    """Each fact of the narrative against the indicator value it claims to support."""
    narrative = narrative_get(person, narrative.pk)
    facts = list(narrative.facts.select_related("narrative"))
    claims = [
        Claim(
            fact.value,
            Cell(fact.indicator_id, fact.kind, fact.period, fact.key)
            if fact.indicator_id
            else None,
        )
        for fact in facts
    ]
    return check_facts(claims, _stored(facts))


def knowledge_search(
    person: Person,
    *,
    query: str = "",
    kind: str = "",
    year: int | None = None,
    office: Organisation | None = None,
) -> QuerySet[KnowledgeProduct]:
    """Knowledge products whose title or partners hold every word of ``query``, of a type,
    a year and an office when given."""
    rows = _scoped(person, KnowledgeProduct.objects.select_related("office"), "office")
    for word in query.split():
        rows = rows.filter(Q(title__icontains=word) | Q(partners__icontains=word))
    if kind:
        rows = rows.filter(kind=kind)
    if year is not None:
        rows = rows.filter(year=year)
    if office is not None:
        rows = rows.filter(office=office)
    return rows


_ZERO = Value(0, output_field=DecimalField(max_digits=18, decimal_places=2))


def budget_totals(person: Person, office: Organisation, year: int) -> list[BudgetShare]:
    """The office's budget for ``year`` per currency, with the part marked 2 or 3: the
    sums are done by the database; the share is ``budgets.share_of``."""
    if not access.may_read(person, office):
        raise Http404("No such office.")
    rows = (
        BudgetLine.objects.filter(output__outcome__plan__office=office, year=year)
        .values("currency")
        .annotate(
            total=Coalesce(Sum("amount"), _ZERO),
            marked=Coalesce(Sum("amount", filter=Q(marker__gte=MARKED)), _ZERO),
        )
        .order_by("currency")
    )
    return [
        BudgetShare(
            row["currency"], row["total"], row["marked"], share_of(row["marked"], row["total"])
        )
        for row in rows
    ]


def narrative_of(person: Person, outcome_pk: object, year: int) -> Narrative:
    """The narrative of an outcome for a year (404 when not written or not readable)."""
    outcome = outcome_get(person, outcome_pk)
    found = outcome.narratives.filter(year=year).select_related("outcome__plan__office").first()
    if found is None:
        raise Http404("No such narrative.")
    return found


def budget_lines_for(person: Person, output: Output) -> QuerySet[BudgetLine]:
    output = output_get(person, output.pk)
    return output.budget_lines.all()


@dataclass(frozen=True)
class OfficeProgress:
    """How one office assessed its outcomes in a year: counts on the progress scale."""

    office_id: int
    office: str
    region: str  # the office's, else that of the organisation holding it
    counts: dict[str, int]

    @property
    def on_track(self) -> OnTrack:
        return on_track_share(code for code, n in self.counts.items() for _ in range(n))


def progress_overview(person: Person, year: int) -> list[OfficeProgress]:
    """Per office the person may read, the year's outcomes by progress assessment, counted
    by the database: the view across offices for headquarters (and PI 7.1)."""
    rows = (
        narratives_for_year(person, year)
        .values(
            "outcome__plan__office",
            "outcome__plan__office__name",
            "outcome__plan__office__region",
            "outcome__plan__office__parent__region",
            "progress",
        )
        .annotate(count=Count("pk"))
        .order_by("outcome__plan__office__name")
    )
    found: dict[int, OfficeProgress] = {}
    for row in rows:
        office = row["outcome__plan__office"]
        if office not in found:
            region = row["outcome__plan__office__region"]
            found[office] = OfficeProgress(
                office,
                row["outcome__plan__office__name"],
                region or row["outcome__plan__office__parent__region"] or "",
                dict.fromkeys(Progress.values, 0),
            )
        found[office].counts[row["progress"]] = row["count"]
    return list(found.values())


def narratives_for_year(person: Person, year: int) -> QuerySet[Narrative]:
    rows = Narrative.objects.filter(year=year)
    return _scoped(person, rows, "outcome__plan__office")


def partner_get(person: Person, outcome_pk: int, pk: object) -> Partner:
    rows = Partner.objects.select_related("outcome__plan__office").filter(outcome_id=outcome_pk)
    return _get(_scoped(person, rows, "outcome__plan__office"), pk, "partner")


def fact_get(person: Person, pk: object) -> Fact:
    rows = Fact.objects.select_related("narrative__outcome__plan__office")
    return _get(_scoped(person, rows, "narrative__outcome__plan__office"), pk, "fact")


def plans_of_team(person: Person, team: Organisation, year: int) -> QuerySet[Plan]:
    """The plans covering ``year`` of the team itself and of the offices it holds, among
    those the person reads: the results of one country, as its scorecard uses them."""
    rows = plans_for(person).filter(Q(office=team) | Q(office__parent=team))
    return rows.filter(start_year__lte=year, end_year__gte=year).order_by("office__name")


def indicators_of_plans(person: Person, plans: QuerySet[Plan]) -> QuerySet[ResultIndicator]:
    """The indicators attached anywhere in these plans, with their definition versions."""
    rows = ResultIndicator.objects.select_related("plan__office", "version__indicator")
    return _scoped(person, rows, "plan__office").filter(plan__in=plans)
