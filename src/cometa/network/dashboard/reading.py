"""What the dashboard reads for one person, all of it from stored runs through
``network.indicators.stored`` (which checks the person's standing, 404 outside the
network, and narrows a partner's tables to its own rows): the runs to choose from, the
headline figures of one run with their trends, and one indicator's drill-down table.
Nothing here counts.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.http import Http404

from cometa.accounts.models import Person
from cometa.network.dashboard.content import Figure, figures, wanted_codes
from cometa.network.dashboard.drill import Drill, drill
from cometa.network.dashboard.headline import HEADLINE, response_code
from cometa.network.indicators.definitions import DIMENSIONS, by_code
from cometa.network.indicators.stored import (
    Point,
    latest_run,
    read,
    run_of,
    run_tables,
    runs,
    standing,
)
from cometa.network.models import IndicatorRun, Network, StoredTable

__all__ = ["Dashboard", "chosen_run", "dashboard", "drill_of", "full_runs", "trends_of"]

#: the dimension whose by-network table gives a network's totals (any would do: the
#: totals of the six tables are the same entry, under the same control)
TOTALS = DIMENSIONS[0]


@dataclass(frozen=True)
class Dashboard:
    run: IndicatorRun
    figures: list[Figure]
    partner: bool  # the reader is a partner's staff: own rows only, and the page says so


def full_runs(person: Person, network: Network) -> list[IndicatorRun]:
    """The runs with every table (the others only hold the trends), latest first."""
    return [run for run in runs(person, network) if run.scope == IndicatorRun.Scope.FULL]


def chosen_run(person: Person, network: Network, pk: str | None) -> IndicatorRun | None:
    """The run asked for (404 if it is not one of the network's full runs), else the
    latest full run, or None when nothing has been computed yet."""
    if not pk:
        return latest_run(person, network)
    found = run_of(person, network, pk if pk.isdigit() else None)
    if found.scope != IndicatorRun.Scope.FULL:
        raise Http404("A run of the trends only has no dashboard.")
    return found


def dashboard(person: Person, run: IndicatorRun) -> Dashboard:
    seen = standing(person, run.network)
    codes = wanted_codes()
    totals = run_tables(person, run, by="network", dimension=TOTALS, codes=codes)
    members = None
    if not seen.sees_network:
        members = run_tables(person, run, by="member", dimension=TOTALS, codes=codes)
    trends = trends_of(person, run.network, [h.code for h in HEADLINE])
    found = figures(
        {table.code: table for table in totals},
        trends,
        None if members is None else {table.code: table for table in members},
    )
    return Dashboard(run=run, figures=found, partner=not seen.sees_network)


def trends_of(person: Person, network: Network, codes: list[str]) -> dict[str, list[Point]]:
    """``stored.trend`` of several indicators at once: the network's total in each period
    computed (the latest run of each), oldest first, in one query instead of one each."""
    standing(person, network)
    tables = (
        StoredTable.objects.filter(
            run__network=network, code__in=codes, by="network", dimension=TOTALS
        )
        .select_related("run")
        .order_by("run__period_start", "run__period_end", "-run__computed_at")
    )
    found: dict[str, dict[str, Point]] = {code: {} for code in codes}
    for table in tables:
        points = found[table.code]
        if table.run.period not in points:
            total = read(table).total
            points[table.run.period] = Point(table.run.period, total, table.run.computed_at)
    return {code: list(points.values()) for code, points in found.items()}


def drill_of(
    person: Person, run: IndicatorRun, code: str, *, by: str, dimension: str, sort: str
) -> Drill | None:
    """The indicator's table by ``by`` and ``dimension`` with the round's response rate
    beside it; None when the run holds no such table."""
    answered = response_code(code)
    codes = [code, answered] if answered else [code]
    tables = {t.code: t for t in run_tables(person, run, by=by, dimension=dimension, codes=codes)}
    if code not in tables:
        return None
    return drill(
        tables[code], tables.get(answered or ""), sort=sort, is_rate=by_code()[code].is_rate
    )
