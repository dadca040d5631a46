"""Reading stored runs for the person asking: the backbone's staff read every table of
their network; a partner's staff read the network's own rows (by network) and the rows
of their own members, sites and cohorts, with the totals row as released to everyone;
anyone else finds no network (404). Nothing here counts: values come from runs.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from django.http import Http404

from cometa.accounts.models import Person
from cometa.network.access import Reach, reach
from cometa.network.indicators.definitions import DIMENSIONS
from cometa.network.indicators.store import Cell, ShownTable, shown_table
from cometa.network.models import Cohort, IndicatorRun, Network, Site, StoredTable

__all__ = [
    "Point", "latest_run", "read", "run_of", "run_tables", "runs", "standing", "trend",
]  # fmt: skip


def read(table: StoredTable) -> ShownTable:
    """A stored table as read back, whole: callers check standing and shape what leaves."""
    return shown_table(
        code=table.code, version=table.version, by=table.by, dimension=table.dimension,
        k=table.k, rows=table.rows, columns=table.columns, cells=table.cells,
    )  # fmt: skip


def standing(person: Person, network: Network) -> Reach:
    """The person's reach in the network; 404 for anyone outside it."""
    found = reach(person, network)
    if not found.inside:
        raise Http404("No such network.")
    return found


def runs(person: Person, network: Network) -> list[IndicatorRun]:
    standing(person, network)
    return list(IndicatorRun.objects.filter(network=network))


def run_of(person: Person, network: Network, pk: int | str | None) -> IndicatorRun:
    standing(person, network)
    found = IndicatorRun.objects.filter(network=network, pk=pk).first() if pk else None
    if found is None:
        raise Http404("No such run.")
    return found


def latest_run(
    person: Person, network: Network, period: str | None = None, *, full: bool = True
) -> IndicatorRun | None:
    """The latest run (of ``period``, if given); a full one unless ``full`` is False."""
    standing(person, network)
    found = IndicatorRun.objects.filter(network=network)
    if period:
        found = found.filter(period=period)
    if full:
        found = found.filter(scope=IndicatorRun.Scope.FULL)
    return found.first()


def _own_rows(seen: Reach, by: str) -> set[int] | None:
    """The row ids a partner may read in tables by ``by`` (None: every row)."""
    if seen.sees_network or by == "network":
        return None
    members = set(seen.member_ids)
    if by == "member":
        return members
    model = Site if by == "site" else Cohort
    return set(model.objects.filter(member_id__in=members).values_list("pk", flat=True))


def run_tables(
    person: Person,
    run: IndicatorRun,
    *,
    by: str = "network",
    dimension: str | None = None,
    codes: Sequence[str] | None = None,
) -> list[ShownTable]:
    """The run's tables by ``by`` (one dimension, or all), as the person may read them."""
    seen = standing(person, run.network)
    stored = StoredTable.objects.filter(run=run, by=by)
    if dimension is not None:
        stored = stored.filter(dimension=dimension)
    if codes is not None:
        stored = stored.filter(code__in=list(codes))
    keep = _own_rows(seen, by)
    found = []
    for table in stored.order_by("code", "dimension"):
        shown = read(table)
        found.append(shown if keep is None else shown.only_rows(keep))
    return found


@dataclass(frozen=True)
class Point:
    period: str
    cell: Cell
    computed_at: datetime


def trend(person: Person, network: Network, code: str) -> list[Point]:
    """The network's total of one indicator in each period it was computed for (the
    latest run of each), oldest period first."""
    standing(person, network)
    tables = (
        StoredTable.objects.filter(
            run__network=network, code=code, by="network", dimension=DIMENSIONS[0]
        )
        .select_related("run")
        .order_by("run__period_start", "run__period_end", "-run__computed_at")
    )
    points: dict[str, Point] = {}
    for table in tables:
        if table.run.period not in points:
            total = read(table).total
            points[table.run.period] = Point(table.run.period, total, table.run.computed_at)
    return list(points.values())
