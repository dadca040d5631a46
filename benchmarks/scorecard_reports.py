"""Scorecard reports: time and peak memory to produce an assessment's PDF and Word files.

The Kazakhstan 2022 annual report (the seed, imported as a country team would; the demo's
Kazakhstan 2022 assessment if the seed is not there) is loaded into a throw-away SQLite
database, then each case runs N times (median, min and max of the wall time) plus once
more under ``tracemalloc`` for the peak of Python allocations:

* reference — a one-paragraph document rendered to PDF / DOCX, and a one-cell workbook
  written as XLSX: what each renderer costs before there is any content (fonts, page
  templates, the zip container). CSV has no reference: writing it costs next to nothing;
* build — ``build_report``: the queries, the texts and the chart (matplotlib, PNG + SVG),
  with the chart drawn (first request for these ratings) and memoised (every later one);
* PDF / DOCX — what the web view does on each request: build, then render, again with the
  chart drawn and memoised (``cometa.reports.chart_memo``);
* ratings table — ``ratings_table``: the rows of the two exports (queries and texts);
* CSV / XLSX — the ratings table, as the two export views do.

Wall time (median, min, max) and the median process CPU time are reported; on a busy
machine the CPU time is the steadier figure.

The measurement runs in a child process (``python -m benchmarks.scorecard_reports``) so
that its Django settings and database never mix with the caller's.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from benchmarks import ROOT, GcTimer, Options, Result, Table

SEED = ROOT.parent / "shared" / "seeds" / "001_537e9a5bf0bea773.txt"
RUNS = {True: 3, False: 9}  # quick: smoke run


def run(options: Options) -> Result:
    """The harness entry point (benchmarks/run.py): measure in a child process, tabulate."""
    options.log(f"scorecard reports: {RUNS[options.quick]} runs per case, in a child process")
    rows = _child(options.quick)
    return Result(tables=[table(rows, options.quick)], data={"cases": rows})


def table(rows: list[dict[str, Any]], quick: bool) -> Table:
    source = rows[0]["source"] if rows else "?"
    reference = {row["format"]: row["median_s"] for row in rows if row["case"] == "reference"}
    return Table(
        title=f"Scorecard report of Kazakhstan 2022 ({source}), {RUNS[quick]} runs per case",
        columns=[
            "case",
            "format",
            "median ms",
            "min ms",
            "max ms",
            "CPU ms",
            "× reference",
            "GC ms/run",
            "peak MiB",
            "output KiB",
        ],
        rows=[
            [
                row["case"],
                row["format"],
                row["median_s"] * 1000,
                row["min_s"] * 1000,
                row["max_s"] * 1000,
                row["cpu_s"] * 1000,
                row["median_s"] / reference[row["format"]] if row["format"] in reference else None,
                row["gc_s_per_run"] * 1000,
                row["peak_mib"],
                row["bytes"] / 1024 if row["bytes"] is not None else None,
            ]
            for row in rows
        ],
        notes=[
            "reference: a one-paragraph document (PDF, DOCX) or a one-cell workbook (XLSX) "
            "through the same renderer; × reference compares the medians; CSV has none (an "
            "empty CSV costs microseconds: compare with the ratings table row)",
            "build: build_report() alone (queries, texts, chart); report PDF/DOCX include it; "
            "chart drawn: the memo of charts emptied before each run (the first request for "
            "these ratings); memoised: the chart taken from the memo (every later request)",
            "ratings table: ratings_table() alone (the queries); ratings CSV/XLSX include it",
            "CPU ms: median process CPU time (less sensitive than wall time to a busy machine)",
            "GC ms/run: mean time in garbage-collector pauses per run (part of the wall time)",
            "peak MiB: tracemalloc peak of Python allocations during one more run",
        ],
    )


def _child(quick: bool) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="cometa-bench-reports-") as data_dir:
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith("COMETA_") and key not in ("DATABASE_URL",)
        }
        env |= {
            "DJANGO_SETTINGS_MODULE": "cometa.settings",
            "COMETA_SECRET_KEY": secrets.token_urlsafe(50)[:50],
            "COMETA_DATA_DIR": data_dir,
            "COMETA_LOG_LEVEL": "WARNING",
            "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        }
        command = [sys.executable, "-m", "benchmarks.scorecard_reports"]
        done = subprocess.run(
            [*command, *(["--quick"] if quick else [])],
            env=env,
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the measuring process failed:\n{done.stderr[-3000:]}")
    rows: list[dict[str, Any]] = json.loads(done.stdout.strip().splitlines()[-1])
    return rows


# ---------------------------------------------------------------------------
# the measuring process
# ---------------------------------------------------------------------------


def measure(quick: bool) -> list[dict[str, Any]]:
    """One dict per case and format (see the module docstring). Needs a configured,
    empty database: ``python -m benchmarks.scorecard_reports`` sets one up."""
    from cometa.reports import chart_memo
    from cometa.reports.document import Document, Paragraph
    from cometa.reports.renderers import render
    from cometa.reports.renderers.tabular import to_csv, to_xlsx
    from cometa.scorecards.reporting.report import build_report, ratings_table

    assessment, source = _kazakhstan()
    empty = Document(title="Reference", blocks=[Paragraph("One paragraph.")])

    def report(fmt: Any) -> Callable[[], bytes]:
        return lambda: render(build_report(assessment), fmt)

    def drawn(function: Callable[[], object]) -> Callable[[], object]:
        """``function`` with the chart drawn each time (the memo emptied first)."""

        def call() -> object:
            chart_memo.cache_clear()
            return function()

        return call

    def ratings(fmt: str) -> Callable[[], bytes]:
        def export() -> bytes:
            headers, rows = ratings_table(assessment)
            return to_csv(headers, rows) if fmt == "csv" else to_xlsx([("Ratings", headers, rows)])

        return export

    cases: list[tuple[str, str, Callable[[], object]]] = [
        ("reference", "pdf", lambda: render(empty, "pdf")),
        ("reference", "docx", lambda: render(empty, "docx")),
        ("reference", "xlsx", lambda: to_xlsx([("Ratings", ["Reference"], [["One cell."]])])),
        ("build, chart drawn", "-", drawn(lambda: build_report(assessment))),
        ("build, chart memoised", "-", lambda: build_report(assessment)),
        ("report, chart drawn", "pdf", drawn(report("pdf"))),
        ("report, chart memoised", "pdf", report("pdf")),
        ("report, chart drawn", "docx", drawn(report("docx"))),
        ("report, chart memoised", "docx", report("docx")),
        ("ratings table", "-", lambda: ratings_table(assessment)),
        ("ratings", "csv", ratings("csv")),
        ("ratings", "xlsx", ratings("xlsx")),
    ]
    for _case, _fmt, function in cases:  # warm up: fonts, matplotlib, imports, query plans
        function()
    return [_measure(case, fmt, function, RUNS[quick], source) for case, fmt, function in cases]


def _measure(
    case: str, fmt: str, function: Callable[[], object], runs: int, source: str
) -> dict[str, Any]:
    seconds, cpu = [], []
    output: object = None
    gc.collect()  # each case starts with the same heap; its own garbage still counts
    with GcTimer() as collector:
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            output = function()
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    tracemalloc.start()
    try:
        function()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return {
        "case": case,
        "format": fmt,
        "source": source,
        "runs": runs,
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "cpu_s": statistics.median(cpu),
        "gc_s_per_run": collector.seconds / runs,
        "peak_mib": peak / 2**20,
        "bytes": len(output) if isinstance(output, bytes) else None,
    }


def _kazakhstan() -> tuple[Any, str]:
    """The seed report imported into a fresh database, else the demo's Kazakhstan 2022."""
    from django.core.management import call_command

    from cometa.accounts.acting import SYSTEM
    from cometa.accounts.models.organisations import OrganisationKind
    from cometa.accounts.services import organisation_create
    from cometa.scorecards.frameworks.store import framework_sync_builtin
    from cometa.scorecards.models import Assessment
    from cometa.scorecards.report_import.importing import assessment_import

    call_command("migrate", verbosity=0, interactive=False)
    framework_sync_builtin()
    if SEED.exists():
        team = organisation_create(
            actor=SYSTEM,
            name="UNCT Kazakhstan",
            kind=OrganisationKind.COUNTRY_TEAM,
            country="KAZ",
            region="ECA",
        )
        text = SEED.read_text(encoding="utf-8")
        imported = assessment_import(
            actor=SYSTEM, organisation=team, text=text, source_name=SEED.name
        )
        return imported.assessment, "seed import"
    from cometa.demo.build import build_demo

    build_demo()
    demo = Assessment.objects.select_related("organisation", "framework", "cycle")
    return demo.get(organisation__name=DEMO_TEAM, year=2022), "demo data"


#: The demo's country team whose 2022 report is measured (src/cometa/demo/data/accounts.yaml).
DEMO_TEAM = "UN Country Team Kazakhstan"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    import django

    django.setup()
    rows = measure(args.quick)
    print(json.dumps(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
