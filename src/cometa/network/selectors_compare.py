"""Reads for the peer comparison and the reach gaps, from stored runs only (never counted
per request): which centres a person may compare (the backbone's staff any, a partner's
staff their own), a centre against its peers, and the network's reach against its
reference shares.

A partner reads its own centre's values and only the *distribution* of the other
centres' stored values (never a peer's row or name): ``network.comparison`` turns the
rows into quartiles of at least five shown values before anything leaves this module's
callers.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404

from cometa.accounts.models import Person
from cometa.network.comparison.peers import Comparison, compare
from cometa.network.comparison.reach import OUTCOMES, Gap, Reference, by_key, gaps
from cometa.network.indicators.definitions import DIMENSIONS
from cometa.network.indicators.store import Cell, ShownTable
from cometa.network.indicators.stored import latest_run, read, run_of, run_tables, standing
from cometa.network.models import IndicatorRun, Network, NetworkReference, Site, StoredTable
from cometa.network.selectors_network import row_or_404

__all__ = [
    "Compared",
    "Reached",
    "chosen_run",
    "comparable_sites",
    "reach_gaps",
    "references",
    "site_comparison",
    "site_get",
]

#: the tables whose total column gives a row's value (any dimension holds the same totals)
TOTALS = DIMENSIONS[0]


def comparable_sites(person: Person, network: Network) -> QuerySet[Site]:
    """The centres the person may compare: every one for the backbone, else their own."""
    seen = standing(person, network)
    sites = Site.objects.filter(network=network).select_related("member__organisation")
    return sites if seen.sees_network else sites.filter(member_id__in=seen.member_ids)


def site_get(person: Person, network: Network, pk: object) -> Site:
    return row_or_404(comparable_sites(person, network), pk, "No such site.")


def chosen_run(person: Person, network: Network, pk: object = None) -> IndicatorRun | None:
    """The full run ``pk`` (a snapshot, an earlier period), else the latest full run."""
    if pk:
        if not str(pk).isdigit():
            standing(person, network)
            raise Http404("No such run.")
        found = run_of(person, network, str(pk))
        if found.scope != IndicatorRun.Scope.FULL:
            raise Http404("No such run.")
        return found
    return latest_run(person, network)


def _totals(table: ShownTable) -> dict[int | None, Cell]:
    """Each row's total, the totals row's under None."""
    return {pk: line[-1] for (pk, _), line in zip(table.rows, table.cells, strict=True)}


def _stored(run: IndicatorRun, by: str, dimension: str) -> list[ShownTable]:
    """Stored tables as they are: callers check standing and shape what leaves."""
    return [read(t) for t in StoredTable.objects.filter(run=run, by=by, dimension=dimension)]


@dataclass(frozen=True)
class Compared:
    run: IndicatorRun
    site: Site
    comparison: Comparison
    centres: int  # centres with values in the run


def site_comparison(person: Person, run: IndicatorRun, site: Site) -> Compared:
    """``site`` (one the person may compare) against the other centres of the run."""
    standing(person, run.network)
    sites: dict[int, dict[str, Cell]] = {}
    network: dict[str, Cell] = {}
    for table in _stored(run, "site", TOTALS):
        for pk, cell in _totals(table).items():
            if pk is not None:
                sites.setdefault(pk, {})[table.code] = cell
    for table in _stored(run, "network", TOTALS):
        network[table.code] = table.total
    return Compared(run, site, compare(site.pk, sites, network), len(sites))


def references(network: Network) -> dict[str, NetworkReference]:
    return {r.group: r for r in NetworkReference.objects.filter(network=network)}


@dataclass(frozen=True)
class Reached:
    run: IndicatorRun | None
    gaps: list[Gap]
    references: Mapping[str, NetworkReference]


def reach_gaps(person: Person, network: Network, run: IndicatorRun | None) -> Reached:
    """The groups' shares and outcomes in ``run`` (the network's rows, released to every
    member) against the network's reference shares."""
    standing(person, network)
    stored = references(network)
    shares = {
        key: Reference(ref.share, ref.source, ref.year)
        for key, ref in stored.items()
        if key in by_key()
    }
    if run is None:
        return Reached(None, gaps({}, {}, shares), stored)
    totals: dict[str, Cell] = {}
    breakdown: dict[tuple[str, str], dict[str, Cell]] = {}
    reach_codes = [g.reach_code for g in by_key().values() if g.recorded]
    for table in run_tables(person, run, by="network", codes=[*reach_codes, *OUTCOMES]):
        if table.dimension == TOTALS:
            totals[table.code] = table.total
        breakdown[(table.code, table.dimension)] = dict(
            zip(table.columns, table.cells[-1], strict=True)
        )
    return Reached(run, gaps(totals, breakdown, shares), stored)
