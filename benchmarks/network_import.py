"""Importing a file of 100,000 participants: ours against django-import-export.

Writes one seeded CSV file of 100,000 women (10,000 with ``--quick``; Spanish names with
accents, the baseline profile, consents) and imports it into a fresh, migrated SQLite
database (and PostgreSQL with ``--postgres URL``), each import in a fresh process:

* ``cometa network import FILE --kind participants --member ID``: every row checked by the
  registration's rules, participants, identities and consents written in bulk, all or
  nothing, one audit entry;
* django-import-export 4 (``ModelResource`` of ``Participant``, the same file, the same
  model, ``import_id_fields = source_id`` so that a second import also finds the rows):
  its default, row-by-row save, and with ``use_bulk = True``. The file gets a ``member``
  column (``import_id_fields = (member, source_id)``), so that its lookup of each row uses
  the same index as ours. It writes only the
  ``Participant`` rows (no identity, no consents, no audit): less work than ours.

Rows per second, peak memory (maximum resident set of the process, from the kernel), and
ours against each. Setting up the database is not timed.

    .venv/bin/python -m benchmarks.network_import [--quick] [--postgres URL]
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from benchmarks import ROOT, Options, Result, Table, format_table
from benchmarks.postgres import scratch_database

LARGE, QUICK = 100_000, 10_000
SMOKE = int(os.environ.get("COMETA_BENCH_ROWS", "0"))
SEED = 2026
GIVEN = ["María José", "Lucía", "Guadalupe", "Ana Sofía", "Verónica", "Itzel", "Dolores", "Inés"]
FAMILY = ["Núñez", "Peña", "Muñoz", "Ibáñez", "García López", "Hernández", "Cárdenas", "Ortiz"]
HEADER = [
    "source_system", "source_id", "registered_on", "given_names", "family_names", "phone",
    "consent_take_part", "consent_share_backbone", "birth_year", "education", "literate",
    "wg_see", "wg_hear", "wg_walk", "wg_cognition", "wg_selfcare", "wg_communicate",
    "migration", "rural", "household_size", "children_under_6", "head_of_household",
    "income_band", "work_status",
]  # fmt: skip
MODES = ("cometa", "import-export", "import-export-bulk")


def write_file(path: Path, women: int) -> None:
    draw = random.Random(SEED)
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(HEADER)
        for i in range(women):
            day = f"2024-{draw.randint(1, 12):02d}-{draw.randint(1, 28):02d}"
            writer.writerow([
                "bench", f"b-{i}", day, draw.choice(GIVEN), draw.choice(FAMILY),
                f"+52 33 {draw.randint(1000, 9999)} {draw.randint(1000, 9999)}", day, day,
                draw.randint(1960, 2006), draw.choice(["primary", "lower_sec", "upper_sec", ""]),
                draw.choice("10"), *(draw.choice("1112") for _ in range(6)),
                draw.choice(["non_migrant", "internal", "returnee"]), draw.choice("10"),
                draw.randint(1, 9), draw.randint(0, 3), draw.choice("10"),
                draw.choice(["below_lpi", "above_lpi"]), draw.choice(["employed", "outside"]),
            ])  # fmt: skip


def _env(data: Path, database_url: str | None) -> dict[str, str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("COMETA_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env |= {
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}",
        "COMETA_DATA_DIR": str(data),
        "COMETA_SECRET_KEY": secrets.token_urlsafe(48),
        "COMETA_ALLOWED_HOSTS": "localhost",
        "COMETA_EMBEDDED_WORKER": "0",
        "DJANGO_SETTINGS_MODULE": "cometa.settings",
    }
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def _child_figures(command: list[str], env: dict[str, str]) -> dict[str, float]:
    """Runs a child; it prints ``key=value`` figures (seconds, peak_kib, participants)."""
    done = subprocess.run(command, env=env, capture_output=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed: {done.stderr.decode()[-2000:]}")
    pairs = (word.split("=", 1) for word in done.stdout.decode().split() if "=" in word)
    return {key: float(value) for key, value in pairs}


def _one(mode: str, path: Path, women: int, database_url: str | None) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="cometa-bench-import-") as work:
        env = _env(Path(work), database_url)
        me = [sys.executable, "-m", "benchmarks.network_import", "--child"]
        subprocess.run([sys.executable, "-m", "cometa.cli", "migrate", "-v0"], env=env, check=True)
        member = _child_figures([*me, "setup"], env)["member"]
        figures = _child_figures([*me, mode, str(path), str(int(member))], env)
    if figures["participants"] != women:
        raise RuntimeError(f"{mode} stored {figures['participants']} participants of {women}")
    return {
        "mode": mode,
        "rows": women,
        "seconds": round(figures["seconds"], 2),
        "rows_per_second": round(women / figures["seconds"]),
        "peak_mib": round(figures["peak_kib"] / 1024),
    }


def _backend(
    label: str, database_url: str | None, path: Path, women: int, log: Any
) -> list[dict[str, Any]]:
    rows = []
    for mode in MODES:
        if database_url:
            with scratch_database(database_url, log) as url:
                row = _one(mode, path, women, url)
        else:
            row = _one(mode, path, women, None)
        log(f"   {label} {mode}: {women:,} rows in {row['seconds']} s, {row['peak_mib']} MiB")
        rows.append(row | {"backend": label})
    ours = rows[0]
    for row in rows:
        row["speed_ratio"] = round(ours["rows_per_second"] / row["rows_per_second"], 1)
    return rows


def run(options: Options) -> Result:
    women = SMOKE or (QUICK if options.quick else LARGE)
    with tempfile.TemporaryDirectory(prefix="cometa-bench-file-") as work:
        path = Path(work) / "participants.csv"
        write_file(path, women)
        rows = _backend("SQLite", None, path, women, options.log)
        if options.postgres:
            rows += _backend("PostgreSQL", options.postgres, path, women, options.log)
    table = Table(
        title="Shared measurement: importing a file of participants",
        columns=[
            "database", "importer", "rows", "seconds", "rows/s", "peak MiB",
            "cometa's speed / this",
        ],
        rows=[
            [r["backend"], r["mode"], f"{r['rows']:,}", r["seconds"], r["rows_per_second"],
             r["peak_mib"], r["speed_ratio"]]
            for r in rows
        ],
        notes=[
            "same CSV file, same Participant model; each import: a fresh process, a fresh database",
            "cometa also writes identities, consents and the audit entry; import-export only "
            "participants",
            "seconds: the import alone (after Django starts); peak: maximum RSS of the process",
        ],
    )  # fmt: skip
    return Result(tables=[table], data={"rows": rows})


# --- the child processes ------------------------------------------------------------------


def _child(mode: str, args: list[str]) -> None:
    import resource

    import django

    django.setup()
    from cometa.network.models import Participant

    if mode == "setup":
        print(f"member={_setup()}")
        return
    path, member_id = Path(args[0]), int(args[1])
    begin = time.perf_counter()
    if mode == "cometa":
        _cometa(path, member_id)
    else:
        _import_export(path, member_id, bulk=mode.endswith("bulk"))
    seconds = time.perf_counter() - begin
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"seconds={seconds} peak_kib={peak} participants={Participant.objects.count()}")


def _setup() -> int:
    from datetime import date

    from cometa.accounts import services as accounts
    from cometa.accounts.acting import SYSTEM
    from cometa.accounts.models.organisations import OrganisationKind
    from cometa.network.services import network

    backbone = accounts.organisation_create(
        actor=SYSTEM, name="Backbone", kind=OrganisationKind.BACKBONE
    )
    partner = accounts.organisation_create(
        actor=SYSTEM, name="Partner", kind=OrganisationKind.PARTNER, parent=backbone
    )
    made = network.network_create(actor=SYSTEM, name="Bench", backbone=backbone)
    return network.member_join(
        actor=SYSTEM, network=made, organisation=partner, starts_on=date(2024, 1, 1)
    ).pk


def _cometa(path: Path, member_id: int) -> None:
    from django.core.management import call_command

    call_command(
        "network", "import", str(path), "--kind", "participants", "--member", str(member_id)
    )


def _import_export(path: Path, member_id: int, *, bulk: bool) -> None:
    import tablib
    from import_export import resources

    from cometa.network.models import Member, Participant
    from cometa.network.services.participants import new_code

    member = Member.objects.get(pk=member_id)
    profile = [name for name in HEADER if name not in ("given_names", "family_names", "phone")]
    profile = [name for name in profile if not name.startswith("consent_")]

    class ParticipantResource(resources.ModelResource):
        class Meta:
            model = Participant
            fields = (*profile, "member")
            import_id_fields = ("member", "source_id")  # found through our index
            use_bulk = bulk
            batch_size = 1000

        def init_instance(self, row: Any = None) -> Participant:
            return Participant(network_id=member.network_id, code=new_code())

    dataset = tablib.Dataset().load(path.read_text(encoding="utf-8"), format="csv")
    dataset.append_col([member_id] * len(dataset), header="member")
    result = ParticipantResource().import_data(dataset, dry_run=False, raise_errors=True)
    if result.has_errors() or result.has_validation_errors():
        raise RuntimeError("django-import-export refused rows")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--postgres", default=None)
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        _child(args.child[0], args.child[1:])
        return 0
    result = run(Options(quick=args.quick, postgres=args.postgres))
    for table in result.tables:
        print(format_table(table))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
