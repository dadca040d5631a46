"""Counting the common indicators over the per-enrolment facts. By default every family
in one scan, each condition evaluated once per row and the bits added up with numpy
(``tally``). The SQL ways remain, for comparison and for the benchmark's plain joins: one
GROUP BY per family and dimension, or one query with GROUPING SETS per family
(PostgreSQL), each indicator two conditional sums (numerator, denominator).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from django.db import connection

from cometa.indicators.periods import Period
from cometa.network.indicators.definitions import FAMILIES, Common
from cometa.network.indicators.tally import Counts, count_families
from cometa.network.models import EnrolmentFact

__all__ = ["BY", "FACTS", "Counts", "Scope", "Source", "count", "count_all"]

Param = int | date
#: what the rows of a table may be
BY = {"network": "network_id", "member": "member_id", "site": "site_id", "cohort": "cohort_id"}


@dataclass(frozen=True)
class Scope:
    """Which enrolments count: a network, narrowed to members, a site or a cohort."""

    network_id: int
    member_ids: frozenset[int] | None = None
    site_id: int | None = None
    cohort_id: int | None = None

    def where(self) -> tuple[str, list[Param]]:
        clauses: list[str] = ["network_id = %s"]
        params: list[Param] = [self.network_id]
        if self.member_ids is not None:
            ids = sorted(self.member_ids) or [0]
            clauses.append(f"member_id IN ({', '.join(['%s'] * len(ids))})")
            params += ids
        for column, value in (("site_id", self.site_id), ("cohort_id", self.cohort_id)):
            if value is not None:
                clauses.append(f"{column} = %s")
                params.append(value)
        return " AND ".join(clauses), params


def _sums(indicators: Sequence[Common]) -> str:
    parts = []
    for common in indicators:
        numerator = common.numerator or "1 = 0"
        parts.append(f"SUM(CASE WHEN {numerator} THEN 1 ELSE 0 END)")
        parts.append(f"SUM(CASE WHEN {common.denominator} THEN 1 ELSE 0 END)")
    return ", ".join(parts)


def _filter(scope: Scope, family: str, period: Period) -> tuple[str, list[Param]]:
    where, params = scope.where()
    return f"{where} AND {FAMILIES[family]} BETWEEN %s AND %s", [*params, period.start, period.end]


@dataclass(frozen=True)
class Source:
    """What the counts read: the facts table, or (for the benchmark's reference) a
    common table expression named ``f`` that makes the facts from the source tables."""

    prefix: str = ""
    params: tuple[object, ...] = ()

    @property
    def table(self) -> str:
        return "f" if self.prefix else EnrolmentFact._meta.db_table


FACTS = Source()


def _by_dimension(
    indicators: Sequence[Common],
    where: str,
    params: list[Param],
    by: str,
    dimension: str,
    source: Source = FACTS,
) -> dict[tuple[int, str], list[int]]:
    sql = (
        f"{source.prefix}SELECT {by}, {dimension}, {_sums(indicators)} FROM {source.table} "  # noqa: S608  # nosec B608
        f"WHERE {where} GROUP BY {by}, {dimension}"
    )
    params = [*source.params, *params]  # type: ignore[list-item]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return {(row[0], row[1]): [int(v or 0) for v in row[2:]] for row in cursor.fetchall()}


def _grouping_sets(
    indicators: Sequence[Common],
    where: str,
    params: list[Param],
    by: str,
    dimensions: Sequence[str],
    source: Source = FACTS,
) -> Counts:
    sets = ", ".join(f"({by}, {d})" for d in dimensions)
    flags = ", ".join(f"GROUPING({d})" for d in dimensions)
    sql = (
        f"{source.prefix}SELECT {by}, {', '.join(dimensions)}, {flags}, {_sums(indicators)} "  # noqa: S608  # nosec B608
        f"FROM {source.table} WHERE {where} GROUP BY GROUPING SETS ({sets})"
    )
    params = [*source.params, *params]  # type: ignore[list-item]
    found: Counts = {d: {} for d in dimensions}
    width = len(dimensions)
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        for row in cursor.fetchall():
            grouped = [d for n, d in enumerate(dimensions) if row[1 + width + n] == 0]
            place = dimensions.index(grouped[0])
            values = [int(v or 0) for v in row[1 + 2 * width :]]
            found[grouped[0]][(row[0], row[1 + place])] = values
    return found


def count(
    indicators: Sequence[Common],
    scope: Scope,
    period: Period,
    *,
    by: str = "site",
    dimensions: Sequence[str],
    grouping_sets: bool | None = None,
    source: Source = FACTS,
) -> Counts:
    """The numerator and denominator of each indicator (all of one family) per row and
    code of each dimension: in one scan (``tally``) unless ``grouping_sets`` says True
    (GROUPING SETS, PostgreSQL) or False (one GROUP BY per dimension), or ``source`` is
    not the facts table."""
    families = {common.family for common in indicators}
    if len(families) != 1:
        raise ValueError(f"indicators of one family at a time, not {sorted(families)}")
    if grouping_sets is None and source is FACTS:
        return count_all([indicators], scope, period, by=by, dimensions=dimensions)[0]
    where, params = _filter(scope, families.pop(), period)
    column = BY[by]
    if grouping_sets is None:
        grouping_sets = connection.vendor == "postgresql"
    if grouping_sets and len(dimensions) > 1:
        return _grouping_sets(indicators, where, params, column, list(dimensions), source)
    return {d: _by_dimension(indicators, where, params, column, d, source) for d in dimensions}


def count_all(
    groups: Sequence[Sequence[Common]],
    scope: Scope,
    period: Period,
    *,
    by: str = "site",
    dimensions: Sequence[str],
) -> list[Counts]:
    """``count`` of each group (the indicators of one family) from one scan of the facts."""
    for group in groups:
        if len({common.family for common in group}) != 1:
            raise ValueError("indicators of one family at a time in each group")
    where, params = scope.where()
    return count_families(groups, where, params, period, by=BY[by], dimensions=dimensions)
