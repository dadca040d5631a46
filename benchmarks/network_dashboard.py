"""The network's dashboard of common indicators on a network with a stored run: p50/p95 at
1 and 8 clients, against references measured in the same run.

The network (10,000 women by default, 2,000 with ``--quick``, or ``COMETA_BENCH_WOMEN``) is
copied from the SQLite cache of ``benchmarks.network_indicators`` in
``~/.cache/cometa-bench/`` when one made with the same migrations is there (copied with
SQLite's backup, never changed or deleted), else generated afresh into a scratch
directory. Its facts are recomputed and one full run of its last year is stored, with a
headline run for every other year (the trends), as the recompute job does, and the time
that took is reported. A backbone editor signs in through the sign-in page (production
settings, ``cometa serve``), and the load is benchmarks/http.py's.

Pages measured: the dashboard (eight headline figures with their trends drawn as SVG),
one indicator's drill-down by centre and age (largest first, first page of 50 rows), and
as references: ``/healthz``; the network's home page (a signed-in page of the same
network); and a static copy of the dashboard's own HTML served by the same server (the
same bytes with no work behind them: what the page costs beyond its size).

    .venv/bin/python -m benchmarks.network_dashboard [--quick]
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import ROOT, Options, Result, Table, format_table
from benchmarks.http import Cell, Endpoint, check, load
from benchmarks.http_server import (
    DEMO_EMAIL,
    DEMO_PASSWORD,
    THREADS,
    WORKERS,
    Server,
    base_environment,
    collect_static,
    cometa,
    free_port,
    request,
    sign_in,
)
from benchmarks.network_indicators import CACHE, _migrations
from benchmarks.network_pages import _shell

DEFAULT, QUICK = 10_000, 2_000
SEED = 7_300
CONCURRENCY = (1, 8)
WARMUP_SECONDS = 1.0
COPY = "bench/dashboard-copy.html"
COLUMNS = ["page", "clients", "requests", "rps", "p50 ms", "p95 ms", "errors", "p95 / static copy"]

#: Run in ``cometa shell``: the person who signs in edits for the backbone (sees every
#: row; no second factor), the facts are rebuilt and the runs stored as the job stores
#: them; prints what the benchmark needs.
SETUP = f"""
import json, time
from cometa.accounts import services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Person
from cometa.network.indicator_jobs import years
from cometa.network.models import IndicatorRun, Network, Site, StoredTable
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute
net = Network.objects.order_by("pk").last()
person = Person.objects.filter(email={DEMO_EMAIL!r}).first() or services.person_create(
    actor=SYSTEM, email={DEMO_EMAIL!r}, full_name="Benchmark", password={DEMO_PASSWORD!r})
services.membership_add(actor=SYSTEM, organisation=net.backbone, person=person, role="editor")
started = time.perf_counter()
facts = recompute(actor=SYSTEM, network=net).facts
spanned = years(net)
full = indicators_run(actor=SYSTEM, network=net, period=spanned[-1])
for each in spanned[:-1]:
    indicators_run(actor=SYSTEM, network=net, period=each, scope=IndicatorRun.Scope.HEADLINE)
print(json.dumps({{"network": net.pk, "facts": facts, "period": full.period,
    "seconds": round(time.perf_counter() - started, 1), "years": len(spanned),
    "sites": Site.objects.filter(member__network=net).count(),
    "tables": StoredTable.objects.filter(run__network=net).count()}}))
"""


def _database(women: int, data: Path, env: dict[str, str], work: Path, log: Any) -> str:
    """The network of ``women`` in ``data``: a copy of the cached one, or a new one."""
    cached = CACHE / f"network_indicators_{women}"
    marker = cached / "made-with"
    data.mkdir(parents=True, exist_ok=True)
    if marker.exists() and marker.read_text() == _migrations():
        log(f"   copying the cached network of {women:,} women from {cached}")
        source = sqlite3.connect(f"file:{cached / 'cometa.sqlite3'}?mode=ro", uri=True)
        target = sqlite3.connect(data / "cometa.sqlite3")
        with target:
            source.backup(target)
        source.close()
        target.close()
        return "cached"
    log(f"   generating a network of {women:,} women (no cache made with these migrations)")
    cometa(["migrate", "--no-input", "-v", "0"], env, work)
    cometa(["network", "generate", "--participants", str(women), "--seed", str(SEED)], env, work)
    return "generated"


def endpoints(jar: dict[str, str], found: dict[str, Any]) -> list[Endpoint]:
    session = {"Cookie": f"sessionid={jar['sessionid']}"}
    base = f"/network/{found['network']}/"
    drill = base + "indicators/CI-05/?by=site&dimension=age&sort=n"
    return [
        Endpoint("/healthz", "/healthz", {}),
        Endpoint("static copy of the dashboard", f"/static/{COPY}", {}),
        Endpoint("network home page", base, session),
        Endpoint("dashboard", base + "indicators/", session),
        Endpoint("drill-down by centre × age", drill, session),
    ]


def _copy_page(server: Server, static: Path, path: str, headers: dict[str, str]) -> int:
    """Saves the page's HTML as a static file (served once the server restarts)."""
    reply = request(server.port, "GET", path, headers=headers)
    if reply.status != 200:
        raise RuntimeError(f"{path} answers {reply.status}")
    target = static / COPY
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(reply.body)
    return len(reply.body)


def _serve(env: dict[str, str], work: Path) -> tuple[Server, dict[str, str]]:
    server = Server(env, work, free_port())
    server.start()
    jar, _token = sign_in(server.port)
    return server, jar


def _measure(server: Server, targets: list[Endpoint], duration: float, log: Any) -> list[Cell]:
    for endpoint in targets:
        check(server.port, endpoint)
    cells = []
    for clients in CONCURRENCY:
        for endpoint in targets:
            log(f"   {endpoint.name} × {clients}")
            cells.append(
                load(server.port, endpoint, clients, warmup=WARMUP_SECONDS,
                     duration=duration, max_requests=50_000)
            )  # fmt: skip
    return cells


def measure(options: Options, work: Path) -> tuple[dict[str, Any], list[Cell]]:
    women = int(os.environ.get("COMETA_BENCH_WOMEN", "0")) or (QUICK if options.quick else DEFAULT)
    duration = 3.0 if options.quick else 10.0
    # this checkout's code, whatever the shared virtualenv's editable install points at
    env = base_environment(work / "data", None) | {
        "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{ROOT}"
    }
    found = {"women": women, "source": _database(women, work / "data", env, work, options.log)}
    cometa(["migrate", "--no-input", "-v", "0"], env, work)
    options.log("   recomputing the facts and storing the runs")
    found |= _shell(SETUP, env, work)
    collect_static(work, env)
    static = work / "data" / "static"
    server, jar = _serve(env, work)
    try:
        page = f"/network/{found['network']}/indicators/"
        session = {"Cookie": f"sessionid={jar['sessionid']}"}
        found["bytes"] = _copy_page(server, static, page, session)
        server.stop()
        server, jar = _serve(env, work)  # the static copy is served from now on
        cells = _measure(server, endpoints(jar, found), duration, options.log)
    except Exception:
        options.log(f"   the server's log ends with:\n{server.tail()}")
        raise
    finally:
        server.stop()
    found["duration"] = duration
    return found, cells


def table(found: dict[str, Any], cells: list[Cell]) -> Table:
    copy = {cell.clients: cell.ms(95) for cell in cells if cell.endpoint.startswith("static")}
    rows = [
        [cell.endpoint, cell.clients, cell.requests, cell.rps, cell.ms(50), cell.ms(95),
         cell.errors, cell.ms(95) / copy[cell.clients] if copy.get(cell.clients) else None]
        for cell in cells
    ]  # fmt: skip
    return Table(
        title=(
            f"Network dashboard at {found['women']:,} women on SQLite ({found['sites']} centres,"
            f" a stored run of {found['period']} and {found['years']} years of trends):"
            f" cometa serve, {WORKERS} workers × {THREADS} threads, 127.0.0.1"
        ),
        columns=COLUMNS,
        rows=rows,
        notes=[
            f"each cell: {WARMUP_SECONDS:.0f} s warm-up, then {found['duration']:.0f} s; the "
            "load generator runs on the same machine",
            f"the dashboard is {found['bytes']:,} bytes; the static copy is those bytes "
            "served by the same server without a view",
            f"facts recomputed and {found['tables']:,} tables stored in {found['seconds']} s "
            f"before the measurement (network {found['source']})",
            "signed in as an editor of the backbone: every row, no identity",
        ],
    )


def run(options: Options) -> Result:
    result = Result()
    root = Path(tempfile.mkdtemp(prefix="cometa-bench-network-dashboard-"))
    try:
        found, cells = measure(options, root)
        result.tables.append(table(found, cells))
        result.data["sqlite"] = [cell.as_dict() for cell in cells]
        result.data["network"] = found
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    for made in run(Options(quick=args.quick)).tables:
        print(format_table(made))


if __name__ == "__main__":
    main()
