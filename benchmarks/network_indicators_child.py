"""The measuring child of ``benchmarks.network_indicators``: runs inside Django on the
generated network's database and prints its figures as one line of JSON."""

from __future__ import annotations

import json
import os
import re
import statistics
import sys
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import django

REPEAT = int(os.environ.get("COMETA_BENCH_REPEAT", "5"))
#: the median of each mode, and of the CPU time of this process (``<mode>_cpu``): on a
#: machine shared with other work the CPU time says what the wall clock cannot (SQLite,
#: pandas and DuckDB work inside this process; PostgreSQL's own work is not in it)
FIGURES: dict[str, Any] = {}


def _median(work: Callable[[], object], name: str, repeat: int = REPEAT) -> float:
    times, cpu = [], []
    for _ in range(repeat):
        begin, used = time.perf_counter(), time.process_time()
        work()
        times.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - used)
    median = round(statistics.median(times), 3)
    FIGURES[name], FIGURES[f"{name}_cpu"] = median, round(statistics.median(cpu), 3)
    print(f"{name}: {median} s (CPU {FIGURES[f'{name}_cpu']} s)", file=sys.stderr, flush=True)
    return median


def _pandas_condition(sql: str) -> str:
    """A counting condition of ``definitions`` as a ``DataFrame.eval`` expression over
    the facts with booleans as 1.0 / 0.0 / NaN."""
    text = re.sub(r"COALESCE\((\w+), FALSE\) = FALSE", r"(\1 != 1)", sql)
    text = re.sub(r"(\w+) IS NOT NULL", r"(\1 == \1)", text)
    text = text.replace("= TRUE", "== 1").replace("= FALSE", "== 0").replace("<>", "!=")
    text = re.sub(r"(?<![<>=!])=(?!=)", "==", text)
    text = re.sub(r" IN \(([^)]*)\)", r".isin([\1])", text)
    return text.replace(" AND ", " & ").replace("1 == 1", "enrolled_on == enrolled_on")


def _frames(network_id: int) -> tuple[Any, Any]:
    """The facts as a pandas DataFrame (booleans as floats) and as one DuckDB reads
    (booleans as nullable booleans), loaded before anything is timed."""
    import pandas as pd

    from cometa.network.models import EnrolmentFact

    rows = EnrolmentFact.objects.filter(network_id=network_id).values()
    frame = pd.DataFrame.from_records(list(rows))
    dates = [c for c in frame.columns if c.endswith(("_on", "_due"))]
    flags = [c for c in frame.columns if frame[c].dropna().map(type).eq(bool).all()]
    for column in dates:
        frame[column] = pd.to_datetime(frame[column])
    typed = frame.copy()
    for column in flags:
        typed[column] = typed[column].astype("boolean")
        frame[column] = frame[column].astype("float64")
    return frame, typed


def _pandas(frame: Any, period: Any, dimensions: tuple[str, ...]) -> None:
    from cometa.network.indicators.definitions import COMMON, FAMILIES

    start, end = str(period.start), str(period.end)
    for family, column in FAMILIES.items():
        group = [c for c in COMMON if c.family == family]
        part = frame[(frame[column] >= start) & (frame[column] <= end)]
        measures = {}
        for n, common in enumerate(group):
            if common.numerator:
                measures[f"n{n}"] = part.eval(_pandas_condition(common.numerator)).astype(int)
            measures[f"d{n}"] = part.eval(_pandas_condition(common.denominator)).astype(int)
        counted = part[["site_id", *dimensions]].assign(**measures)
        for dimension in dimensions:
            counted.groupby(["site_id", dimension], sort=False)[list(measures)].sum()


def _duckdb(typed: Any, period: Any, dimensions: tuple[str, ...]) -> None:
    import duckdb

    from cometa.network.indicators.compute import _sums
    from cometa.network.indicators.definitions import COMMON, FAMILIES

    db = duckdb.connect()
    db.register("facts", typed)
    sets = ", ".join(f"(site_id, {d})" for d in dimensions)
    for family, column in FAMILIES.items():
        group = [c for c in COMMON if c.family == family]
        db.execute(
            f"SELECT site_id, {', '.join(dimensions)}, {_sums(group)} FROM facts "  # nosec B608
            f"WHERE {column} BETWEEN ? AND ? GROUP BY GROUPING SETS ({sets})",
            [period.start, period.end],
        ).fetchall()


def main() -> None:
    django.setup()
    from django.db import connection
    from django.utils import timezone

    from cometa.accounts.acting import SYSTEM
    from cometa.indicators.periods import custom
    from cometa.network.indicators.compute import Scope, Source, count, count_all
    from cometa.network.indicators.definitions import COMMON, DIMENSIONS, FAMILIES
    from cometa.network.indicators.rebuild import COLUMNS, facts_select
    from cometa.network.indicators.selectors import controlled_tables
    from cometa.network.models import Attendance, FollowUpTask, Network, Participant
    from cometa.network.services.indicators import recompute

    network = Network.objects.order_by("-pk").first()
    assert network is not None
    period = custom(date(2020, 1, 1), date(2027, 12, 31))
    _median(lambda: recompute(actor=SYSTEM, network=network), "recompute", 1)
    groups = [[c for c in COMMON if c.family == f] for f in FAMILIES]
    scope = Scope(network.pk)

    def counts(source: Source | None = None, sets: bool | None = None) -> None:
        for group in groups:
            extra = {"source": source} if source else {}
            count(group, scope, period, dimensions=DIMENSIONS, grouping_sets=sets, **extra)

    select, params = facts_select(network, timezone.now())
    plain = Source(f"WITH f({COLUMNS}) AS ({select}) ", tuple(params))
    begin = time.perf_counter()
    tables = controlled_tables(network, period)
    print(f"first run: {time.perf_counter() - begin:.2f} s", file=sys.stderr, flush=True)
    _median(lambda: controlled_tables(network, period), "cometa")
    _median(lambda: count_all(groups, scope, period, dimensions=DIMENSIONS), "cometa_counts")
    _median(lambda: counts(None, False), "counts_by_dimension")
    if connection.vendor == "postgresql":
        _median(lambda: counts(None, True), "counts_grouping_sets")
    # the slow reference: once (COMETA_BENCH_PLAIN_REPEAT), it takes minutes at 100,000
    plain_repeat = int(os.environ.get("COMETA_BENCH_PLAIN_REPEAT", "1"))
    _median(lambda: counts(plain, False), "plain_joins", plain_repeat)
    if connection.vendor == "postgresql":
        _median(lambda: counts(plain, True), "plain_joins_sets", plain_repeat)
    frame, typed = _frames(network.pk)
    _median(lambda: _pandas(frame, period, DIMENSIONS), "pandas")
    _median(lambda: _duckdb(typed, period, DIMENSIONS), "duckdb")
    FIGURES["load"] = os.getloadavg()
    FIGURES["sizes"] = {
        "women": Participant.objects.filter(network=network).count(),
        "attendance": Attendance.objects.filter(enrolment__network=network).count(),
        "followups": FollowUpTask.objects.filter(enrolment__network=network).count(),
        "tables": len(tables),
        "indicators": len(COMMON),
        "hidden": sum(len(t.control.hidden) for t in tables),
        "entries": sum(len(t.cells()) for t in tables),
    }
    print(json.dumps(FIGURES))


if __name__ == "__main__":
    main()
