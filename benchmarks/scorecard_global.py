"""The global view of the scorecards with 130 country teams × 6 years × 15 indicators.

Builds 780 approved assessments (11,700 indicator rows, ratings drifting from year to
year so that some teams regress) and 780 evidence items (half shared) in a fresh
database, then measures pages through Django's test client, signed in as a reviewer:

* ``/organisations/`` — the organisation list of the same database: the reference;
* ``/scorecards/global/`` — every team and year (charts drawn on the first request,
  then reused: the "first" column is the cold request);
* the same with a region and a year range (a different data set: drawn again);
* the XLSX export of every team and year;
* ``/scorecards/hub/`` — a text search of the knowledge hub;
* the global view's selector alone (no template, no charts).

Each runs once cold, then N times: median, 90th percentile and the number of queries.
Every database runs in its own process (Django's settings are per process): SQLite in
a temp directory, and with ``postgres_url`` a scratch database ``cometa_bench_<random>``
made and dropped on that server (benchmarks/postgres.py; no other database is touched).

    .venv/bin/python -m benchmarks.scorecard_global [--quick] [--postgres URL]
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
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks import ROOT, GcTimer, Options, Result, Table, percentile
from benchmarks.postgres import scratch_database

TEAMS = 130
FIRST_YEAR, YEARS = 2019, 6
REGIONS = ("AP", "AS", "ECA", "ESA", "LAC", "WCA")
CHILD_TIMEOUT = 1800
REVIEWER = "reviewer@bench.example"
SETTINGS = """from cometa.settings import *  # noqa: F403
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
LOGGING["root"]["level"] = "WARNING"  # noqa: F405
"""


# --- the parent: one process per database -----------------------------------------------------


def run(quick: bool, postgres_url: str | None) -> list[dict[str, Any]]:
    """One dict per (database, endpoint) measured; see the module's docstring."""
    found = _child("SQLite", None, quick)
    if postgres_url:
        with scratch_database(postgres_url, _log) as url:
            found += _child("PostgreSQL", url, quick)
    return found


def benchmark(options: Options) -> Result:
    """The entry point for benchmarks.run."""
    rows = run(options.quick, options.postgres)
    tables = []
    for backend in dict.fromkeys(row["backend"] for row in rows):
        mine = [row for row in rows if row["backend"] == backend]
        first = mine[0]
        tables.append(
            Table(
                title=(
                    f"Scorecards global view on {backend}: {first['teams']} teams × "
                    f"{first['years']} years, {first['indicator_rows']:,} indicator rows"
                ),
                columns=[
                    "endpoint",
                    "first ms",
                    "median ms",
                    "p90 ms",
                    "runs",
                    "queries",
                    "GC ms/run",
                    "full GCs",
                    "KB",
                    "median / reference",
                ],
                rows=[
                    [
                        row["endpoint"],
                        row["first_ms"],
                        row["median_ms"],
                        row["p90_ms"],
                        row["runs"],
                        row["queries"],
                        row["gc_ms_per_run"],
                        row["full_gcs"],
                        row["kilobytes"],
                        row["ratio_to_reference"],
                    ]
                    for row in mine
                ],
                notes=[
                    f"data built in {first['build_seconds']:.1f} s; Django test client in one "
                    "process, signed in as a reviewer; first = the cold request (charts drawn)",
                    "reference: the organisation list page of the same database",
                    "GC ms/run: mean time in garbage-collector pauses per timed run; full GCs: "
                    "how many collections of the oldest generation the timed runs paid",
                ],
            )
        )
    return Result(tables=tables, data={"rows": rows})


def _child(label: str, database_url: str | None, quick: bool) -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory(prefix="cometa-bench-global-") as work:
        folder = Path(work)
        (folder / "bench_global_settings.py").write_text(SETTINGS, encoding="utf-8")
        (folder / "data" / "static").mkdir(parents=True)  # WhiteNoise warns without it
        env = {
            key: value
            for key, value in os.environ.items()
            if not key.startswith(("COMETA_", "DJANGO_")) and key != "DATABASE_URL"
        }
        env |= {
            "DJANGO_SETTINGS_MODULE": "bench_global_settings",
            "PYTHONPATH": os.pathsep.join([str(folder), str(ROOT), str(ROOT / "src")]),
            "COMETA_DATA_DIR": str(folder / "data"),
            "COMETA_SECRET_KEY": secrets.token_urlsafe(48),
            "COMETA_ALLOWED_HOSTS": "testserver",
            "COMETA_EMAIL_URL": "locmem://",
        }
        if database_url:
            env["DATABASE_URL"] = database_url
        command = [sys.executable, "-m", "benchmarks.scorecard_global", "--child", label]
        if quick:
            command.append("--quick")
        done = subprocess.run(
            command,
            env=env,
            cwd=folder,
            capture_output=True,
            text=True,
            timeout=CHILD_TIMEOUT,
            check=False,
        )
        sys.stderr.write(done.stderr)
        if done.returncode != 0:
            raise RuntimeError(f"the {label} run failed ({done.returncode})")
        rows: list[dict[str, Any]] = json.loads(done.stdout.strip().splitlines()[-1])
        return rows


def _log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- the child: build, then measure -------------------------------------------------------------


def child(label: str, quick: bool) -> list[dict[str, Any]]:
    import django

    django.setup()
    from django.core.management import call_command

    _log(f"   {label}: migrating")
    call_command("migrate", verbosity=0, interactive=False)
    begin = time.perf_counter()
    reviewer, rows = build()
    built = time.perf_counter() - begin
    _log(f"   {label}: {rows:,} indicator rows built in {built:.1f} s")
    found = measure(label, reviewer, runs=5 if quick else 25)
    for row in found:
        row |= {
            "teams": TEAMS,
            "years": YEARS,
            "indicator_rows": rows,
            "build_seconds": round(built, 2),
        }
    return found


def build() -> tuple[Any, int]:
    """The teams, their approved assessments and evidence, and a reviewer."""
    from django.db import transaction

    from cometa.accounts import services as accounts_services
    from cometa.accounts.acting import SYSTEM
    from cometa.accounts.models import Organisation
    from cometa.accounts.models.organisations import OrganisationKind
    from cometa.accounts.roles import Role
    from cometa.scorecards.frameworks.store import (
        framework_of,
        framework_sync_builtin,
        latest_published,
    )
    from cometa.scorecards.models import (
        Assessment,
        AssessmentKind,
        AssessmentStatus,
        Evidence,
        IndicatorAssessment,
    )

    framework_sync_builtin()
    swap = latest_published("unct-swap")
    framework = framework_of(swap)
    levels = framework.level_keys
    codes = [indicator.code for indicator in framework.indicators]
    chance = random.Random(20260101)  # reproducible data, not secrets
    with transaction.atomic():
        teams = Organisation.objects.bulk_create(
            Organisation(
                name=f"UNCT Bench {number:03}",
                kind=OrganisationKind.COUNTRY_TEAM,
                country=_country(number),
                region=REGIONS[number % len(REGIONS)],
            )
            for number in range(TEAMS)
        )
        assessments = Assessment.objects.bulk_create(
            Assessment(
                organisation=team,
                framework=swap,
                year=FIRST_YEAR + offset,
                kind=AssessmentKind.COMPREHENSIVE if offset == 0 else AssessmentKind.ANNUAL,
                status=AssessmentStatus.PUBLISHED if offset < 3 else AssessmentStatus.APPROVED,
            )
            for team in teams
            for offset in range(YEARS)
        )
        indicators = []
        position: dict[tuple[int, str], int] = {}
        for assessment in assessments:
            for code in codes:
                key = (assessment.organisation_id, code)
                step = chance.choices((-1, 0, 1), weights=(1, 5, 3))[0]
                now = min(max(position.get(key, chance.randrange(len(levels))) + step, 0), 3)
                position[key] = now
                reassessed = assessment.kind == AssessmentKind.COMPREHENSIVE or step != 0
                indicators.append(
                    IndicatorAssessment(
                        assessment=assessment,
                        code=code,
                        reassessed=reassessed,
                        computed_level=levels[now] if reassessed else "",
                        agreed_level=levels[now],
                        rating_year=assessment.year,
                    )
                )
        IndicatorAssessment.objects.bulk_create(indicators, batch_size=2000)
        Evidence.objects.bulk_create(
            Evidence(
                assessment=assessment,
                indicator_code=codes[number % len(codes)],
                title=f"{'Gender' if number % 3 else 'Joint'} evidence {number}",
                url=f"https://example.org/evidence/{number}",
                shared=number % 2 == 0,
                is_good_practice=number % 10 == 0,
            )
            for number, assessment in enumerate(assessments)
        )
        office = accounts_services.organisation_create(
            actor=SYSTEM, name="UN Women Bench Review", kind=OrganisationKind.UN_WOMEN_OFFICE
        )
        reviewer = accounts_services.person_create(
            actor=SYSTEM, email=REVIEWER, full_name="Bench Reviewer", password=secrets.token_hex(16)
        )
        accounts_services.membership_add(
            actor=SYSTEM, organisation=office, person=reviewer, role=Role.REVIEWER
        )
    return reviewer, len(indicators)


def _country(number: int) -> str:
    letters = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    return "X" + letters[number // 26 % 26] + letters[number % 26]


def measure(label: str, reviewer: Any, runs: int) -> list[dict[str, Any]]:
    from django.db import connection
    from django.test import Client
    from django.utils import translation

    from cometa.accounts.middleware import LAST_SEEN_AT, SECOND_FACTOR_OK, SIGNED_IN_AT
    from cometa.scorecards.reporting import global_view

    client = Client()
    client.force_login(reviewer)
    session = client.session
    session[SIGNED_IN_AT] = session[LAST_SEEN_AT] = time.time()
    session[SECOND_FACTOR_OK] = True
    session.save()

    def page(path: str) -> Callable[[], tuple[int, int | None]]:
        def get() -> tuple[int, int | None]:
            response = client.get(path, secure=True)
            if response.status_code != 200:
                raise RuntimeError(f"{path} answered {response.status_code}")
            return response.status_code, len(response.content)

        return get

    def selector() -> tuple[int, int | None]:
        with translation.override("en"):
            view = global_view.global_view(reviewer, global_view.Filters(), "en")
        assert view.summary is not None
        return 200, None  # no response: no size

    targets: list[tuple[str, str, Callable[[], tuple[int, int | None]]]] = [
        ("/organisations/ (reference)", "/organisations/", page("/organisations/")),
        ("/scorecards/global/", "/scorecards/global/", page("/scorecards/global/")),
        (
            "/scorecards/global/ ECA 2022-2024",
            "/scorecards/global/?region=ECA&year_from=2022&year_to=2024",
            page("/scorecards/global/?region=ECA&year_from=2022&year_to=2024"),
        ),
        (
            "/scorecards/global/export.xlsx",
            "/scorecards/global/export.xlsx",
            page("/scorecards/global/export.xlsx"),
        ),
        (
            "/scorecards/hub/?q=gender",
            "/scorecards/hub/?q=gender",
            page("/scorecards/hub/?q=gender"),
        ),
        ("global_view() selector only", "", selector),
    ]
    found = []
    reference = None
    for name, path, call in targets:
        _log(f"   {label}: {name} × {runs}")
        gc.collect()  # each target starts with the same heap; its own garbage still counts
        begin = time.perf_counter()
        _status, size = call()
        first = time.perf_counter() - begin
        queries = 0

        def counted(execute: Any, sql: Any, params: Any, many: Any, context: Any) -> Any:
            nonlocal queries
            queries += 1
            return execute(sql, params, many, context)

        with connection.execute_wrapper(counted):  # the client resets the query log
            call()
        times = []
        with GcTimer() as collector:
            for _ in range(runs):
                begin = time.perf_counter()
                call()
                times.append(time.perf_counter() - begin)
        median = statistics.median(times)
        reference = reference or median
        found.append(
            {
                "backend": label,
                "endpoint": name,
                "path": path,
                "first_ms": round(first * 1000, 1),
                "median_ms": round(median * 1000, 1),
                "p90_ms": round(percentile(times, 90) * 1000, 1),
                "runs": runs,
                "queries": queries,
                "gc_ms_per_run": round(collector.seconds / runs * 1000, 1),
                "full_gcs": collector.full,
                "kilobytes": None if size is None else round(size / 1024, 1),
                "ratio_to_reference": round(median / reference, 2),
            }
        )
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--postgres", metavar="URL")
    parser.add_argument("--child", metavar="LABEL", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.quick)))
        return 0
    from benchmarks import format_table

    for table in benchmark(Options(quick=args.quick, postgres=args.postgres, log=_log)).tables:
        print("\n" + format_table(table))
    return 0


if __name__ == "__main__":
    sys.exit(main())
