"""Disclosure control of every common indicator by site and each dimension: which
complements are hidden, the rectangles of ``complements.py`` against the lines of
before, on the same tables.

The network is the one ``benchmarks.network_indicators`` keeps in
``~/.cache/cometa-bench/network_indicators_<women>`` (100,000 women; 10,000 with
``--quick``, or ``COMETA_BENCH_WOMEN``), copied into a temporary directory (the cache
is never changed: another benchmark may be using it), migrated and its facts
recomputed; without a cache a network is generated there (minutes). In a child process
``controlled_tables`` runs once with every call of ``complementary`` recorded (its
grids, the primary entries and which entries are released); then both ways run on
exactly those inputs, ``COMETA_BENCH_REPEAT`` times (3), and the medians count: the
hidden entries over all tables, the wall clock and the CPU time, and the tables where
the ways differ most. That nothing is recoverable is checked for every table, both ways.

    .venv/bin/python -m benchmarks.disclosure_choice [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import Options, Result, Table, format_table
from benchmarks.network_import import _env
from benchmarks.network_indicators import CACHE, LARGE, QUICK

WAYS = {"lines": "the lines (before: row until full, then column)", "rectangles": "rectangles"}


def _cometa(args: list[str], env: dict[str, str]) -> None:
    subprocess.run(
        [sys.executable, "-m", "cometa.cli", *args], env=env, check=True, capture_output=True
    )


def _network(women: int, work: Path, log: Any) -> Path:
    """A data directory in ``work`` holding a current network of ``women``."""
    data = work / "data"
    data.mkdir()
    cached = CACHE / f"network_indicators_{women}" / "cometa.sqlite3"
    env = _env(data, None)
    if cached.exists():
        log(f"   copying {cached} ({cached.stat().st_size / 2**20:.0f} MiB)")
        shutil.copyfile(cached, data / "cometa.sqlite3")
        _cometa(["migrate", "-v0"], env)
    else:
        log(f"   generating {women:,} women (minutes)")
        _cometa(["migrate", "-v0"], env)
        _cometa(["network", "generate", "--participants", str(women)], env)
    return data


def _measure(data: Path) -> dict[str, Any]:
    env = _env(data, None)
    if "COMETA_BENCH_REPEAT" in os.environ:
        env["COMETA_BENCH_REPEAT"] = os.environ["COMETA_BENCH_REPEAT"]
    command = [sys.executable, "-m", "benchmarks.disclosure_choice_child"]
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the measuring child failed: {done.stderr.decode()[-3000:]}")
    figures: dict[str, Any] = json.loads(done.stdout.decode().strip().splitlines()[-1])
    return figures


def run(options: Options) -> Result:
    women = int(os.environ.get("COMETA_BENCH_WOMEN", "0")) or (QUICK if options.quick else LARGE)
    with tempfile.TemporaryDirectory(prefix="cometa-bench-disclosure-") as work:
        found = _measure(_network(women, Path(work), options.log))
    options.log(f"   {json.dumps(found)[:2000]}")
    rows = [
        [
            label,
            found[way]["hidden"],
            found[way]["complementary"],
            found[way]["seconds"],
            found[way]["cpu"],
            found[way]["recoverable"],
        ]
        for way, label in WAYS.items()
    ]
    worst = Table(
        title="The tables where the two ways differ most",
        columns=["table", "entries", "primary", "hidden: lines", "hidden: rectangles"],
        rows=[
            [t["table"], t["entries"], t["primary"], t["lines"], t["rectangles"]]
            for t in found["worst"]
        ],
    )
    table = Table(
        title="Disclosure control: which complements (all common indicators by site)",
        columns=[
            "complements",
            "hidden",
            "of which complementary",
            "seconds",
            "CPU s",
            "recoverable",
        ],
        rows=rows,
        notes=[
            f"{found['women']:,} women; {found['tables']} tables, {found['entries']:,} "
            f"entries, {found['primary']:,} hidden first (small, homogeneous, differencing)",
            "the same inputs for both ways (recorded from one run of controlled_tables); "
            f"median of {found['repeat']}; load average at the end {found['load']}",
        ],
    )
    return Result(tables=[table, worst], data=found)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    result = run(Options(quick=args.quick, log=lambda line: print(line, file=sys.stderr)))
    for table in result.tables:
        print(format_table(table) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
