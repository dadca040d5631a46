"""The shared-measurement generator: a synthetic network of 100,000 women.

Runs ``cometa network generate`` in a fresh process on a fresh database, after
``cometa migrate``, for a small network (the demo's 1,500 women: the reference) and a large
one (100,000 women: about a million attendance marks and 300,000 follow-up tasks; 10,000
with ``--quick``), on SQLite in a temp directory and, with ``--postgres URL``, on a scratch
PostgreSQL database (benchmarks/postgres.py). For each: wall time, women per second, peak
memory of the process (its maximum resident set, from the kernel), and the ratios of the
large run to the reference: time per woman (1.0 means it scales linearly) and peak memory
(1.0 means memory does not grow with the network).

    .venv/bin/python -m benchmarks.network_generate [--quick] [--postgres URL]
"""

from __future__ import annotations

import argparse
import os
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import ROOT, Options, Result, Table, format_table
from benchmarks.postgres import scratch_database

REFERENCE, LARGE, QUICK = 1_500, 100_000, 10_000
TIMEOUT = 3600


def _env(data: Path, database_url: str | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COMETA_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env |= {
        "PYTHONPATH": str(ROOT / "src"),
        "COMETA_DATA_DIR": str(data),
        "COMETA_SECRET_KEY": secrets.token_urlsafe(48),
        "COMETA_ALLOWED_HOSTS": "localhost",
        "COMETA_EMBEDDED_WORKER": "0",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _cometa(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """Runs ``cometa ARGS``; returns (seconds, peak resident memory in MiB). What it prints
    goes to a file, not a pipe: a pipe nobody reads while it runs fills up and stops it."""
    command = [sys.executable, "-m", "cometa.cli", *args]
    with tempfile.TemporaryFile() as said:
        begin = time.perf_counter()
        process = subprocess.Popen(command, env=env, stdout=said, stderr=said)
        _pid, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - begin
        if os.waitstatus_to_exitcode(status) != 0:
            said.seek(0)
            tail = said.read().decode(errors="replace")[-2000:]
            raise RuntimeError(f"cometa {' '.join(args)} failed: {tail}")
    return seconds, usage.ru_maxrss // 1024


def _one(women: int, database_url: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cometa-bench-generate-") as work:
        env = _env(Path(work), database_url)
        _cometa(["migrate", "-v0"], env)
        seconds, mib = _cometa(["network", "generate", "--participants", str(women)], env)
    return {"women": women, "seconds": round(seconds, 2), "peak_mib": mib}


def _backend(label: str, database_url: str | None, large: int, log: Any) -> list[dict[str, Any]]:
    rows = []
    for women in (REFERENCE, large):
        if database_url:
            with scratch_database(database_url, log) as url:
                row = _one(women, url)
        else:
            row = _one(women, None)
        log(f"   {label}: {women:,} women in {row['seconds']} s, {row['peak_mib']} MiB")
        rows.append(row | {"backend": label})
    reference, big = rows
    for row in rows:
        per_woman = row["seconds"] / row["women"]
        row["per_woman_ratio"] = round(per_woman / (reference["seconds"] / REFERENCE), 2)
        row["memory_ratio"] = round(row["peak_mib"] / reference["peak_mib"], 2)
        row["women_per_second"] = round(row["women"] / row["seconds"])
    return [reference, big]


def run(options: Options) -> Result:
    large = QUICK if options.quick else LARGE
    rows = _backend("SQLite", None, large, options.log)
    if options.postgres:
        rows += _backend("PostgreSQL", options.postgres, large, options.log)
    table = Table(
        title="Shared measurement: cometa network generate",
        columns=[
            "database", "women", "seconds", "women/s", "peak MiB",
            "time per woman / reference", "peak memory / reference",
        ],
        rows=[
            [r["backend"], f"{r['women']:,}", r["seconds"], r["women_per_second"], r["peak_mib"],
             r["per_woman_ratio"], r["memory_ratio"]]
            for r in rows
        ],
        notes=[
            f"reference: the demo's network of {REFERENCE:,} women, generated in the same run",
            "each run is a fresh process on a fresh, migrated database; peak = maximum RSS",
        ],
    )  # fmt: skip
    return Result(tables=[table], data={"rows": rows})


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
