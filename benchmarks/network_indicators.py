"""The common indicators of a network of 100,000 women: every indicator by site and each
of the six dimensions, through disclosure control, against pandas, DuckDB and plain
joins measured in the same run on the same data.

A network is generated (``cometa network generate``: about a million attendance marks and
300,000 follow-ups at 100,000 women; 10,000 with ``--quick``, or ``COMETA_BENCH_WOMEN``)
and its facts recomputed (``cometa network recompute``, timed: the full recomputation
after a bulk import). The SQLite database is kept between runs in
``~/.cache/cometa-bench/`` (generating 100,000 women takes minutes); PostgreSQL
(``--postgres URL``) gets a scratch database generated afresh. Then, in one child process
per database, each of these runs five times (``COMETA_BENCH_REPEAT``) and the median
counts:

* **cometa**: ``controlled_tables`` (40 indicators × 6 dimensions by site: every family
  counted in one scan of the facts, the bits added up with numpy, then disclosure
  control), and the counting alone;
* **counts by dimension**: the same counts with one GROUP BY per family and dimension (30
  queries, the first version), and on PostgreSQL with GROUPING SETS (one per family);
* **plain joins**: the same counts straight from the source tables (enrolments,
  participants, cohorts, attendance, mentoring, exits, follow-ups, consents) with GROUP BY,
  what a first version would write; on PostgreSQL also with GROUPING SETS; run once
  (``COMETA_BENCH_PLAIN_REPEAT``), it takes minutes;
* **pandas**: the same counts over the facts loaded into a DataFrame beforehand;
* **DuckDB**: the same SQL as ours over that DataFrame, in memory.

Each line gives the wall clock and the CPU time of the measuring process (the machine may
be shared; PostgreSQL's own work is not in it), and the ratio to cometa.

    .venv/bin/python -m benchmarks.network_indicators [--quick] [--postgres URL]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

from benchmarks import ROOT, Options, Result, Table, format_table
from benchmarks.network_import import _env
from benchmarks.postgres import scratch_database

LARGE, QUICK = 100_000, 10_000
CACHE = Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "cometa-bench"
MODES = [
    "cometa",
    "cometa_counts",
    "counts_by_dimension",
    "counts_grouping_sets",
    "plain_joins",
    "plain_joins_sets",
    "pandas",
    "duckdb",
]


def _migrations() -> str:
    folder = ROOT / "src" / "cometa"
    return "\n".join(sorted(str(p.relative_to(folder)) for p in folder.glob("*/migrations/0*.py")))


def _cometa(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "cometa.cli", *args], env=env, check=True, capture_output=True
    )


def _sqlite_data(women: int, log: Any) -> Path:
    """A data directory holding a generated network of ``women``, made once and kept
    until the migrations change."""
    data = CACHE / f"network_indicators_{women}"
    marker = data / "made-with"
    if marker.exists() and marker.read_text() == _migrations():
        log(f"   SQLite: the cached network of {women:,} women in {data}")
        return data
    shutil.rmtree(data, ignore_errors=True)
    data.mkdir(parents=True)
    log(f"   SQLite: generating {women:,} women into {data} (minutes)")
    env = _env(data, None)
    _cometa(["migrate", "-v0"], env)
    _cometa(["network", "generate", "--participants", str(women)], env)
    marker.write_text(_migrations())
    return data


def _measure(env: dict[str, str]) -> dict[str, Any]:
    command = [sys.executable, "-m", "benchmarks.network_indicators_child"]
    for name in ("COMETA_BENCH_REPEAT", "COMETA_BENCH_PLAIN_REPEAT"):
        if name in os.environ:  # _env leaves out COMETA_* variables
            env = {**env, name: os.environ[name]}
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the measuring child failed: {done.stderr.decode()[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return figures


def _postgres(url: str, women: int, log: Any) -> dict[str, Any]:
    with scratch_database(url, log) as scratch:
        import tempfile

        with tempfile.TemporaryDirectory(prefix="cometa-bench-indicators-") as work:
            env = _env(Path(work), scratch)
            log(f"   PostgreSQL: generating {women:,} women (minutes)")
            _cometa(["migrate", "-v0"], env)
            _cometa(["network", "generate", "--participants", str(women)], env)
            return _measure(env)


def _rows(label: str, figures: dict[str, Any]) -> list[list[Any]]:
    """Each mode: its median, its CPU time in the measuring process, and how many times
    as long as cometa (the whole: counts and disclosure control) it took."""
    ours = figures["cometa"]
    rows = [
        [label, "recompute (facts rebuilt)", figures["recompute"], figures["recompute_cpu"], ""]
    ]
    control = round(figures["cometa"] - figures["cometa_counts"], 3)
    control_cpu = round(figures["cometa_cpu"] - figures["cometa_counts_cpu"], 3)
    for mode in MODES:
        if mode in figures:
            ratio = round(figures[mode] / ours, 2) if ours else ""
            rows.append(
                [label, mode.replace("_", " "), figures[mode], figures[f"{mode}_cpu"], ratio]
            )
        if mode == "cometa_counts":
            rows.append([label, "(disclosure control)", control, control_cpu, ""])
    return rows


def run(options: Options) -> Result:
    women = int(os.environ.get("COMETA_BENCH_WOMEN", "0")) or (QUICK if options.quick else LARGE)
    found = {"SQLite": _measure(_env(_sqlite_data(women, options.log), None))}
    options.log(f"   SQLite: {found['SQLite']}")
    if options.postgres:
        found["PostgreSQL"] = _postgres(options.postgres, women, options.log)
        options.log(f"   PostgreSQL: {found['PostgreSQL']}")
    rows = [row for label, figures in found.items() for row in _rows(label, figures)]
    sizes = found["SQLite"]["sizes"]
    table = Table(
        title="Shared measurement: every common indicator by site and each dimension",
        columns=["database", "what", "seconds (median)", "CPU seconds", "this / cometa"],
        rows=rows,
        notes=[
            f"{sizes['women']:,} women, {sizes['attendance']:,} attendance marks, "
            f"{sizes['followups']:,} follow-ups; {sizes['tables']} tables "
            f"({sizes['indicators']} indicators × 6 dimensions by site)",
            "cometa: counts over the facts (one scan, numpy) + disclosure control; cometa "
            "counts: without the control; counts by dimension: one GROUP BY per family and "
            "dimension (30 queries); grouping sets: one query per family (PostgreSQL only)",
            "pandas and DuckDB: the counts over the facts already in memory; plain joins: "
            "the counts from the source tables with GROUP BY (sets: GROUPING SETS)",
            f"CPU seconds: of the measuring process (PostgreSQL's own work is not in it); "
            f"load average at the end {found['SQLite'].get('load')}",
        ],
    )
    return Result(tables=[table], data=found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--postgres", default=None)
    args = parser.parse_args(argv)
    result = run(Options(quick=args.quick, postgres=args.postgres))
    for table in result.tables:
        print(format_table(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
