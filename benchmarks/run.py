"""Runs every benchmark (or one) and prints a table per benchmark.

    .venv/bin/python -m benchmarks.run [--quick] [--only NAME] [--postgres URL] [--markdown]

Results also go to benchmarks/results/latest.json with the machine and the date. To add a
benchmark, write ``benchmarks/<name>.py`` with ``run(options) -> Result`` and add one line to
``BENCHMARKS``. ``--quick`` is a smoke run (shorter measurements), not figures to quote.
"""

from __future__ import annotations

import argparse
import importlib
import json
import signal
import sys
import time
import traceback
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from benchmarks import ROOT, Options, Result, format_markdown, format_table
from benchmarks.machine import OtherWork, describe, load_average, summary

Benchmark = Callable[[Options], Result]


def resolve(target: str) -> Benchmark:
    """Imports ``"package.module:function"`` (``:run`` if no function is named)."""
    module_name, _, function_name = target.partition(":")
    function: Benchmark = getattr(importlib.import_module(module_name), function_name or "run")
    return function


@dataclass(frozen=True)
class Lazy:
    """A benchmark given as ``"package.module:function"``, imported only when it runs."""

    target: str

    def resolve(self) -> Benchmark:
        return resolve(self.target)

    def __call__(self, options: Options) -> Result:
        return self.resolve()(options)


def lazy(target: str) -> Lazy:
    return Lazy(target)


# name → callable(options) -> Result. One line per benchmark.
BENCHMARKS: dict[str, Benchmark] = {
    "http": lazy("benchmarks.http:run"),
    "scorecard_engine": lazy("benchmarks.scorecard_engine:bench"),
    "scorecard_reports": lazy("benchmarks.scorecard_reports:run"),
    "scorecard_global": lazy("benchmarks.scorecard_global:benchmark"),
    "network_generate": lazy("benchmarks.network_generate:run"),
    "iati": lazy("benchmarks.iati:run"),
    "network_import": lazy("benchmarks.network_import:run"),
    "results_report": lazy("benchmarks.results_report:run"),
    "network_pages": lazy("benchmarks.network_pages:run"),
    "network_indicators": lazy("benchmarks.network_indicators:run"),
    "network_dashboard": lazy("benchmarks.network_dashboard:run"),
    "disclosure_choice": lazy("benchmarks.disclosure_choice:run"),
}

RESULTS_DIR = ROOT / "benchmarks" / "results"


def select(
    names: list[str] | None, registry: Mapping[str, Benchmark] | None = None
) -> dict[str, Benchmark]:
    """The benchmarks to run, in registry order; unknown names raise ``KeyError``."""
    registry = BENCHMARKS if registry is None else registry
    if not names:
        return dict(registry)
    unknown = [name for name in names if name not in registry]
    if unknown:
        raise KeyError(f"unknown benchmark(s): {', '.join(unknown)}; known: {', '.join(registry)}")
    return {name: registry[name] for name in registry if name in names}


def parse(argv: list[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="shorter measurements (smoke run)")
    parser.add_argument(
        "--only", action="append", metavar="NAME", help=f"run only NAME ({', '.join(BENCHMARKS)})"
    )
    parser.add_argument(
        "--postgres", metavar="URL", help="also measure on PostgreSQL (a scratch database is made)"
    )
    parser.add_argument("--markdown", action="store_true", help="print tables as Markdown too")
    parser.add_argument(
        "--output", type=Path, default=RESULTS_DIR / "latest.json", help="where the JSON goes"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse(argv)
    try:
        chosen = select(args.only)
    except KeyError as error:
        print(f"bench: {error.args[0]}", file=sys.stderr)
        return 2
    signal.signal(signal.SIGTERM, _interrupt)  # stop servers in `finally`, as on Ctrl-C
    options = Options(quick=args.quick, postgres=args.postgres, log=_log)
    machine = describe(args.postgres)
    started = datetime.now(UTC)
    print(f"Machine: {summary(machine)}")
    print(f"Date: {started:%Y-%m-%d %H:%M} UTC{' (quick)' if args.quick else ''}\n")
    report: dict[str, Any] = {
        "date": started.isoformat(timespec="seconds"),
        "quick": args.quick,
        "machine": machine,
        "benchmarks": {},
    }
    failed = []
    whole = time.perf_counter()
    for name, benchmark in chosen.items():
        _log(f"== {name}")
        other = OtherWork()
        begin = time.perf_counter()
        try:
            result = benchmark(options)
        except KeyboardInterrupt:
            print("bench: interrupted", file=sys.stderr)
            return 130
        except Exception:
            traceback.print_exc()
            failed.append(name)
            report["benchmarks"][name] = {"error": traceback.format_exc(limit=3)}
            continue
        seconds = time.perf_counter() - begin
        elsewhere = other.cores()
        _log(f"== {name}: {seconds:.0f} s; other work on the machine: {elsewhere} cores")
        if result.tables:
            result.tables[-1].notes.append(
                f"other work on the machine meanwhile: {elsewhere} cores on average (CPU time "
                "outside the benchmark's own processes, a database server's included)"
            )
        report["benchmarks"][name] = result.as_dict() | {
            "seconds": round(seconds, 1),
            "other_work_cores": elsewhere,
        }
        for table in result.tables:
            print("\n" + format_table(table))
        if args.markdown:
            for table in result.tables:
                print("\n" + format_markdown(table))
        print()
    report["seconds"] = round(time.perf_counter() - whole, 1)
    report["load_average_after"] = load_average()
    print(
        f"Took {report['seconds']:.0f} s; load average at the end: {report['load_average_after']}"
    )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(report, indent=2, default=str) + "\n", encoding="utf-8")
    print(f"Results written to {_shown(args.output)}")
    if failed:
        print(f"bench: failed: {', '.join(failed)}", file=sys.stderr)
        return 1
    return 0


def _shown(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _interrupt(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


if __name__ == "__main__":
    sys.exit(main())
