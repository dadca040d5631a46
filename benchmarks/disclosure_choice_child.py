"""The measuring child of ``benchmarks.disclosure_choice``: runs inside Django on the
network's database, records the inputs of every ``complementary`` call of one
``controlled_tables`` and runs both ways on them; prints its figures as one line of
JSON."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from datetime import date
from typing import Any

import django

REPEAT = int(os.environ.get("COMETA_BENCH_REPEAT", "3"))
Call = tuple[Any, dict[Any, str], Any]


def _recorded(network: Any, period: Any) -> tuple[list[Any], list[Call]]:
    """The tables of one run and the inputs of their ``complementary`` calls, in order
    (one call per table)."""
    from cometa.indicators.disclosure import tables as protect
    from cometa.network.indicators.selectors import controlled_tables

    calls: list[Call] = []
    real = protect.complementary

    def recording(grids: Any, hidden: Any, among: Any = None, **options: Any) -> Any:
        calls.append((grids, dict(hidden), among))
        return real(grids, hidden, among, **options)

    protect.complementary = recording  # type: ignore[assignment]
    try:
        tables = controlled_tables(network, period)
    finally:
        protect.complementary = real
    assert len(calls) == len(tables)
    return tables, calls


def _way(calls: list[Call], rectangles: bool) -> dict[str, Any]:
    from cometa.indicators.disclosure.complements import complementary
    from cometa.indicators.disclosure.grid import pinned_in

    times, cpu, hidden = [], [], []
    for _ in range(REPEAT):
        begin, used = time.perf_counter(), time.process_time()
        hidden = [complementary(g, p, a, rectangles=rectangles) for g, p, a in calls]
        times.append(time.perf_counter() - begin)
        cpu.append(time.process_time() - used)
    shown = [h if a is None else h & a for h, (_, _, a) in zip(hidden, calls, strict=True)]
    left = sum(
        len(pinned_in(g, set(h), h if a is None else h & a))
        for h, (g, _, a) in zip(hidden, calls, strict=True)
    )
    primary = sum(len(p if a is None else set(p) & a) for _, p, a in calls)
    print(f"rectangles={rectangles}: {statistics.median(cpu):.2f} s CPU", file=sys.stderr)
    return {
        "seconds": round(statistics.median(times), 3),
        "cpu": round(statistics.median(cpu), 3),
        "hidden": sum(map(len, shown)),
        "complementary": sum(map(len, shown)) - primary,
        "recoverable": left,
        "per_table": [len(h) for h in shown],
    }


def main() -> None:
    django.setup()
    from cometa.accounts.acting import SYSTEM
    from cometa.indicators.periods import custom
    from cometa.network.models import Network, Participant
    from cometa.network.services.indicators import recompute

    network = Network.objects.order_by("-pk").first()
    assert network is not None
    recompute(actor=SYSTEM, network=network)
    period = custom(date(2020, 1, 1), date(2027, 12, 31))
    tables, calls = _recorded(network, period)
    found: dict[str, Any] = {
        way: _way(calls, way == "rectangles") for way in ("lines", "rectangles")
    }
    names = [f"{t.code} by {t.dimension} ({len(t.rows)} × {len(t.columns)})" for t in tables]
    entries = [len(g[0]) * len(g[0][0]) if a is None else len(a) for g, _, a in calls]
    primary = [len(p if a is None else set(p) & a) for _, p, a in calls]
    before, after = found["lines"].pop("per_table"), found["rectangles"].pop("per_table")
    worst = sorted(range(len(tables)), key=lambda n: after[n] - before[n])[:8]
    found["worst"] = [
        {"table": names[n], "entries": entries[n], "primary": primary[n],
         "lines": before[n], "rectangles": after[n]}
        for n in worst
    ]  # fmt: skip
    found |= {
        "women": Participant.objects.filter(network=network).count(),
        "tables": len(tables),
        "entries": sum(entries),
        "primary": sum(primary),
        "repeat": REPEAT,
        "load": [round(value, 2) for value in os.getloadavg()],
    }
    print(json.dumps(found))


if __name__ == "__main__":
    main()
