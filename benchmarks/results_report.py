"""The annual results report of UN Women Mexico (2022) and the view across offices.

One child process with a throw-away SQLite database (Django's settings are per process):

**The report.** The demo's Mexico and Kazakhstan plans are built through the demo loader;
each case runs N times (median, min, max of the wall time; median CPU time) plus once
under ``tracemalloc`` for the peak of Python allocations:

* reference, PDF / DOCX — a bare document of the same size: the report's own headings,
  paragraphs, lists and tables, without its charts, rendered by the same renderer; what
  reportlab and python-docx cost for this much text (× reference compares with it);
* read — ``selectors.report_data``: the queries and the plain records;
* build — ``build_report``, with the charts laid out and painted (memo emptied) and memoised;
* report PDF / DOCX — read, build and render, as the download views do (charts memoised,
  and drawn);
* values CSV / XLSX — read, then the long-format table.

**The view across offices.** 100 offices in 6 regions, each with a 2020-2024 plan of 7
outcomes and a narrative for 6 of them in each of the 5 years (bulk-created: 700 outcomes,
3,000 narratives), then ``/results/overview/?year=2024`` through Django's test client
signed in as a reviewer, the selector alone (two queries, every office and year) and, as
the reference, one bare grouped count of the same narratives.

    .venv/bin/python -m benchmarks.results_report [--quick]
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import secrets
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import ROOT, GcTimer, Options, Result, Table

RUNS = {True: 3, False: 9}
OFFICES, FIRST_YEAR, YEARS, OUTCOMES = 100, 2020, 5, 7
REGIONS = ("AP", "AS", "ECA", "ESA", "LAC", "WCA")
SETTINGS = """from cometa.settings import *  # noqa: F403
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
"""


def run(options: Options) -> Result:
    """The harness entry point (benchmarks/run.py): measure in a child process, tabulate."""
    options.log(f"results report: {RUNS[options.quick]} runs per case, in a child process")
    found = _child(options.quick)
    return Result(
        tables=[report_table(found["report"], options.quick), overview_table(found["overview"])],
        data=found,
    )


def report_table(rows: list[dict[str, Any]], quick: bool) -> Table:
    reference = {row["format"]: row["median_s"] for row in rows if row["case"] == "reference"}
    return Table(
        title=f"Annual results report of UN Women Mexico 2022, {RUNS[quick]} runs per case",
        columns=["case", "format", "median ms", "min ms", "max ms", "CPU ms", "× reference",
                 "GC ms/run", "peak MiB", "output KiB"],
        rows=[
            [row["case"], row["format"], row["median_s"] * 1000, row["min_s"] * 1000,
             row["max_s"] * 1000, row["cpu_s"] * 1000,
             row["median_s"] / reference[row["format"]] if row["format"] in reference else None,
             row["gc_s_per_run"] * 1000, row["peak_mib"],
             row["bytes"] / 1024 if row["bytes"] is not None else None]
            for row in rows
        ],
        notes=[
            "reference: the report's text blocks (headings, paragraphs, lists, tables) without "
            "its charts, rendered by the same renderer; × reference compares the medians",
            "charts drawn: the memo of charts emptied before each run; memoised: taken from it",
            "peak MiB: tracemalloc peak of Python allocations during one more run",
        ],
    )  # fmt: skip


def overview_table(rows: list[dict[str, Any]]) -> Table:
    reference = rows[0]["median_ms"]
    first = rows[0]
    return Table(
        title=(
            f"Results across offices: {first['offices']} offices × {first['years']} years, "
            f"{first['outcomes']:,} outcomes, {first['narratives']:,} narratives (SQLite)"
        ),
        columns=["case", "first ms", "median ms", "queries", "× reference", "peak MiB", "KB"],
        rows=[
            [row["case"], row["first_ms"], row["median_ms"], row["queries"],
             row["median_ms"] / reference, row["peak_mib"], row["kilobytes"]]
            for row in rows
        ],
        notes=[
            f"data built in {first['build_seconds']:.1f} s; test client signed in as a reviewer",
            "reference: one grouped count of the same narratives by office, year and assessment",
            "first = the cold request (the chart laid out); peak MiB: tracemalloc, one more run",
        ],
    )  # fmt: skip


def _child(quick: bool) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cometa-bench-results-") as work:
        folder = Path(work)
        (folder / "bench_results_settings.py").write_text(SETTINGS, encoding="utf-8")
        (folder / "data" / "static").mkdir(parents=True)
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("COMETA_", "DJANGO_")) and key != "DATABASE_URL"
        }
        env |= {
            "DJANGO_SETTINGS_MODULE": "bench_results_settings",
            "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT), str(ROOT / "src")]),
            "COMETA_DATA_DIR": str(folder / "data"),
            "COMETA_SECRET_KEY": secrets.token_urlsafe(48),
            "COMETA_ALLOWED_HOSTS": "testserver",
            "COMETA_EMAIL_URL": "locmem://",
            "COMETA_LOG_LEVEL": "WARNING",
        }
        command = [sys.executable, "-m", "benchmarks.results_report", "--child"]
        done = subprocess.run(
            [*command, *(["--quick"] if quick else [])],
            env=env,
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=1800,
            check=False,
        )
    if done.returncode != 0:
        raise RuntimeError(f"the measuring process failed:\n{done.stderr[-3000:]}")
    found: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the child: the report ------------------------------------------------------------------


def measure_report(quick: bool) -> list[dict[str, Any]]:
    from cometa.accounts.models import Organisation
    from cometa.demo.accounts import build_accounts
    from cometa.demo.results import build_results
    from cometa.reports import chart_memo
    from cometa.reports.document import Document, Figure
    from cometa.reports.renderers import render
    from cometa.reports.renderers.tabular import to_csv, to_xlsx
    from cometa.results.report.document import build_report
    from cometa.results.report.selectors import report_data
    from cometa.results.report.values import HEADERS, value_rows

    build_accounts()
    build_results(lambda note: None)
    reader = _reviewer()
    office = Organisation.objects.get(name="UN Women Mexico").pk
    full = build_report(report_data(reader, office, 2022))
    bare = Document(
        title=full.title,
        metadata=full.metadata,
        blocks=[block for block in full.blocks if not isinstance(block, Figure)],
    )

    def report(fmt: Any) -> Callable[[], bytes]:
        return lambda: render(build_report(report_data(reader, office, 2022)), fmt)

    def drawn(function: Callable[[], object]) -> Callable[[], object]:
        def call() -> object:
            chart_memo.cache_clear()
            return function()

        return call

    def values(fmt: str) -> Callable[[], bytes]:
        def export() -> bytes:
            rows = value_rows(report_data(reader, office, 2022), "en")
            return to_csv(HEADERS, rows) if fmt == "csv" else to_xlsx([("Values", HEADERS, rows)])

        return export

    data = report_data(reader, office, 2022)
    cases: list[tuple[str, str, Callable[[], object]]] = [
        ("reference", "pdf", lambda: render(bare, "pdf")),
        ("reference", "docx", lambda: render(bare, "docx")),
        ("read", "-", lambda: report_data(reader, office, 2022)),
        ("build, charts drawn", "-", drawn(lambda: build_report(data))),
        ("build, charts memoised", "-", lambda: build_report(data)),
        ("report, charts drawn", "pdf", drawn(report("pdf"))),
        ("report, charts memoised", "pdf", report("pdf")),
        ("report, charts drawn", "docx", drawn(report("docx"))),
        ("report, charts memoised", "docx", report("docx")),
        ("values", "csv", values("csv")),
        ("values", "xlsx", values("xlsx")),
    ]
    for _case, _fmt, function in cases:  # warm up: fonts, matplotlib, imports, query plans
        function()
    return [_measure(case, fmt, function, RUNS[quick]) for case, fmt, function in cases]


def _measure(case: str, fmt: str, function: Callable[[], object], runs: int) -> dict[str, Any]:
    seconds, cpu = [], []
    output: object = None
    gc.collect()
    with GcTimer() as collector:
        for _ in range(runs):
            started, started_cpu = time.perf_counter(), time.process_time()
            output = function()
            seconds.append(time.perf_counter() - started)
            cpu.append(time.process_time() - started_cpu)
    return {
        "case": case,
        "format": fmt,
        "runs": runs,
        "median_s": statistics.median(seconds),
        "min_s": min(seconds),
        "max_s": max(seconds),
        "cpu_s": statistics.median(cpu),
        "gc_s_per_run": collector.seconds / runs,
        "peak_mib": _peak(function),
        "bytes": len(output) if isinstance(output, bytes) else None,
    }


def _peak(function: Callable[[], object]) -> float:
    tracemalloc.start()
    try:
        function()
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return float(peak) / 2**20


def _reviewer() -> Any:
    from cometa.accounts import services
    from cometa.accounts.acting import SYSTEM
    from cometa.accounts.models import Person
    from cometa.accounts.models.organisations import OrganisationKind
    from cometa.accounts.roles import Role

    found = Person.objects.filter(email="reviewer@bench.example").first()
    if found is not None:
        return found
    office = services.organisation_create(
        actor=SYSTEM, name="UN Women Bench Review", kind=OrganisationKind.UN_WOMEN_OFFICE
    )
    person = services.person_create(
        actor=SYSTEM,
        email="reviewer@bench.example",
        full_name="Bench Reviewer",
        password=secrets.token_hex(16),
    )
    services.membership_add(actor=SYSTEM, organisation=office, person=person, role=Role.REVIEWER)
    return person


# --- the child: the view across offices -----------------------------------------------------


def build_offices() -> tuple[int, int]:
    """100 offices with a 2020-2024 plan each, 7 outcomes, narratives for 6 of them a year."""
    from django.db import transaction

    from cometa.accounts.models import Organisation
    from cometa.accounts.models.organisations import OrganisationKind
    from cometa.results.models import Narrative, Outcome, Plan
    from cometa.results.scales import Progress

    chance = random.Random(20261207)  # reproducible data, not secrets
    codes = [Progress.ON_TRACK, Progress.PARTLY, Progress.OFF_TRACK, Progress.NOT_ASSESSED]
    with transaction.atomic():
        offices = Organisation.objects.bulk_create(
            Organisation(
                name=f"UN Women Bench {number:03}",
                kind=OrganisationKind.UN_WOMEN_OFFICE,
                region=REGIONS[number % len(REGIONS)],
            )
            for number in range(OFFICES)
        )
        plans = Plan.objects.bulk_create(
            Plan(
                office=office,
                title="Strategic Note",
                start_year=FIRST_YEAR,
                end_year=FIRST_YEAR + YEARS - 1,
                publisher="XM-DAC-41146",
                office_code=f"B{number:03}"[:4].replace("0", "X"),
            )
            for number, office in enumerate(offices)
        )
        outcomes = Outcome.objects.bulk_create(
            Outcome(plan=plan, code=f"D_1.{n + 1}", kind="D", statement={"en": "An outcome."},
                    position=n)
            for plan in plans
            for n in range(OUTCOMES)
        )  # fmt: skip
        narratives = Narrative.objects.bulk_create(
            (
                Narrative(
                    outcome=outcome,
                    year=FIRST_YEAR + offset,
                    text={"en": "What happened."},
                    progress=chance.choices(codes, weights=(5, 3, 1, 1))[0],
                )
                for outcome in outcomes
                if outcome.position < OUTCOMES - 1
                for offset in range(YEARS)
            ),
            batch_size=2000,
        )
    return len(outcomes), len(narratives)


def measure_overview(runs: int) -> list[dict[str, Any]]:
    from django.db import connection
    from django.db.models import Count
    from django.test import Client

    from cometa.accounts.middleware import LAST_SEEN_AT, SECOND_FACTOR_OK, SIGNED_IN_AT
    from cometa.results.models import Narrative
    from cometa.results.report import selectors
    from cometa.results.report.overview import by_region

    begin = time.perf_counter()
    outcomes, narratives = build_offices()
    built = time.perf_counter() - begin
    reviewer = _reviewer()
    client = Client()
    client.force_login(reviewer)
    session = client.session
    session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = time.time()
    session[SECOND_FACTOR_OK] = True
    session.save()
    years = list(range(FIRST_YEAR, FIRST_YEAR + YEARS))
    last = years[-1]

    def bare() -> object:
        rows = Narrative.objects.filter(year__in=years).values_list(
            "outcome__plan__office", "year", "progress"
        )
        return list(rows.annotate(n=Count("pk")).order_by())

    def selector() -> object:
        return by_region(selectors.progress_years(reviewer, years))

    def page() -> bytes:
        answer = client.get(f"/results/overview/?year={last}", secure=True)
        if answer.status_code != 200:
            raise RuntimeError(f"the overview answered {answer.status_code}")
        return answer.content

    cases = [
        ("grouped count (reference)", bare),
        ("progress_years() + by_region()", selector),
        (f"/results/overview/?year={last}", page),
    ]
    found = []
    for name, call in cases:
        _log(f"   overview: {name} × {runs}")
        gc.collect()
        started = time.perf_counter()
        output = call()
        first = time.perf_counter() - started
        queries = 0

        def counted(execute: Any, sql: Any, params: Any, many: Any, context: Any) -> Any:
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):
            call()
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            call()
            times.append(time.perf_counter() - started)
        found.append(
            {
                "case": name,
                "first_ms": round(first * 1000, 1),
                "median_ms": round(statistics.median(times) * 1000, 2),
                "queries": queries,
                "peak_mib": _peak(call),
                "kilobytes": round(len(output) / 1024, 1) if isinstance(output, bytes) else None,
                "offices": OFFICES,
                "years": YEARS,
                "outcomes": outcomes,
                "narratives": narratives,
                "build_seconds": round(built, 2),
            }
        )
    return found


def child(quick: bool) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    report = measure_report(quick)
    return {"report": report, "overview": measure_overview(RUNS[quick] * 2)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.quick)))
        return 0
    from benchmarks import format_table

    for table in run(Options(quick=args.quick, log=_log)).tables:
        print("\n" + format_table(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
