"""Reading the common indicators: tables that have been through disclosure control, for
the person asking. The backbone's staff read the whole network; a partner's staff read
their own members' women; anyone else finds no network. Nothing uncontrolled leaves."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from django.http import Http404

from cometa.accounts.models import Person
from cometa.indicators.dimensions import builtin_dimensions
from cometa.indicators.disclosure import Thresholds, threshold
from cometa.indicators.models import IndicatorVersion
from cometa.indicators.periods import Period
from cometa.network.access import reach
from cometa.network.indicators.compute import Counts, Scope, count, count_all
from cometa.network.indicators.definitions import COMMON, DIMENSIONS, Common
from cometa.network.indicators.tables import IndicatorTable, build
from cometa.network.models import Cohort, Member, Network, Site

__all__ = ["controlled_tables", "indicator_tables"]


@cache
def codes_of(dimension: str) -> tuple[str, ...]:
    return builtin_dimensions()[dimension].code_values


def _labels(by: str, ids: set[int]) -> list[tuple[int, str]]:
    if by == "network":
        names = dict(Network.objects.filter(pk__in=ids).values_list("pk", "name"))
    elif by == "site":
        names = dict(Site.objects.filter(pk__in=ids).values_list("pk", "name"))
    elif by == "cohort":
        names = dict(Cohort.objects.filter(pk__in=ids).values_list("pk", "code"))
    else:
        names = {
            m.pk: str(m) for m in Member.objects.filter(pk__in=ids).select_related("organisation")
        }
    return sorted(((pk, str(names.get(pk, pk))) for pk in ids), key=lambda row: row[1])


def _versions(codes: Sequence[str]) -> dict[str, int]:
    rows = IndicatorVersion.objects.filter(indicator__code__in=codes).values_list(
        "indicator__code", "number"
    )
    found: dict[str, int] = {}
    for code, number in rows:
        found[code] = max(number, found.get(code, 0))
    return found


def _family_tables(
    group: list[Common], counts: Counts, by: str, dimensions: Sequence[str],
    thresholds: Thresholds, leaves_network: bool,
) -> list[IndicatorTable]:  # fmt: skip
    versions = _versions([c.code for c in group])
    tables: list[IndicatorTable] = []
    for dimension in dimensions:
        rows = _labels(by, {row for row, _ in counts[dimension]})
        made: dict[str, IndicatorTable] = {}
        for place, common in enumerate(group):
            k = threshold(thresholds, sensitive=common.sensitive, leaves_network=leaves_network)
            outer = made.get(common.code.removesuffix("-C")) if common.code.endswith("-C") else None
            made[common.code] = build(
                common, counts[dimension], place, dimension=dimension, by=by, rows=rows,
                columns=codes_of(dimension), k=k, version=versions.get(common.code), outer=outer,
            )  # fmt: skip
        tables += made.values()
    return tables


def controlled_tables(
    network: Network,
    period: Period,
    *,
    scope: Scope | None = None,
    by: str = "site",
    dimensions: Sequence[str] = DIMENSIONS,
    codes: Sequence[str] | None = None,
    leaves_network: bool = False,
    grouping_sets: bool | None = None,
) -> list[IndicatorTable]:
    """Every common indicator (or those of ``codes``) by ``by`` and each dimension, for
    the period, each table through disclosure control. No permission check: callers are
    ``indicator_tables`` and the platform's own jobs."""
    scope = scope or Scope(network.pk)
    thresholds = Thresholds(network.cell_threshold, network.cell_threshold_strict)
    chosen = [c for c in COMMON if codes is None or c.code in codes]
    families: dict[str, list[Common]] = {}
    for common in chosen:
        families.setdefault(common.family, []).append(common)
    groups = list(families.values())
    if grouping_sets is None:  # every family in one scan of the facts
        counted = count_all(groups, scope, period, by=by, dimensions=dimensions)
    else:
        counted = [
            count(g, scope, period, by=by, dimensions=dimensions, grouping_sets=grouping_sets)
            for g in groups
        ]
    tables: list[IndicatorTable] = []
    for group, counts in zip(groups, counted, strict=True):
        tables += _family_tables(group, counts, by, dimensions, thresholds, leaves_network)
    return tables


def indicator_tables(
    person: Person, network: Network, period: Period, **options: object
) -> list[IndicatorTable]:
    """``controlled_tables`` for what ``person`` reaches: the whole network for the
    backbone, the person's own members for a partner; 404 for anyone outside."""
    standing = reach(person, network)
    if not standing.inside:
        raise Http404("No such network.")
    scope = Scope(network.pk, None if standing.sees_network else standing.member_ids)
    return controlled_tables(network, period, scope=scope, **options)  # type: ignore[arg-type]
