"""Shared-measurement pages at 100,000 women: a partner's participant list, a
participant's page and the follow-up worklist, p50/p95 with 1 and 8 clients.

Builds the demo (benchmarks/http_server.py: ``cometa demo --no-serve``) in a fresh SQLite
database, generates a network of 100,000 women beside it (``cometa network generate``;
5,000 with ``--quick``), makes the demo editor Daniyar an editor of its first partner,
starts ``cometa serve`` (production settings) and signs in through the sign-in page. The
load is benchmarks/http.py's: Python threads with persistent connections, a warm-up, then
a measured window. ``/healthz`` measured in the same run is the reference (each page's
requests per second over healthz's at the same number of clients).

Every page is the real one: the list reads the partner's 25 women of the first page and
their identities (one audit entry per request, as for field staff), her page reads her
identity (audited), enrolments, mentoring and follow-ups, and the worklist computes each
task's standing in the database.

    .venv/bin/python -m benchmarks.network_pages [--quick]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

from benchmarks import Options, Result, Table, format_table
from benchmarks.http import Cell, Endpoint, check, load
from benchmarks.http_server import (
    THREADS,
    WORKERS,
    Server,
    collect_static,
    cometa,
    cometa_command,
    free_port,
    prepare_data,
    sign_in,
)

LARGE, QUICK = 100_000, 5_000
SEED = 7_100
NAME = "Benchmark network"
CONCURRENCY = (1, 8)
WARMUP_SECONDS = 1.0

#: Run in ``cometa shell`` once the network is generated: Daniyar joins its first partner
#: as an editor; prints the network's id and the code of one of that partner's women who
#: has an enrolment and follow-ups (a full page).
SETUP = f"""
import json
from cometa.accounts import services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Person
from cometa.network.models import FollowUpTask, Member, Network
net = Network.objects.get(name={NAME!r})
partner = Member.objects.filter(network=net).exclude(organisation=net.backbone).order_by("pk")[0]
person = Person.objects.get(email="daniyar@demo.cometa.example")
services.membership_add(actor=SYSTEM, organisation=partner.organisation, person=person,
                        role="editor")
task = FollowUpTask.objects.filter(member=partner).order_by("pk")[0]
women = partner.participants.count()
print(json.dumps({{"network": net.pk, "code": task.enrolment.participant.code, "women": women}}))
"""


def _shell(code: str, env: dict[str, str], cwd: Path) -> dict[str, Any]:
    done = subprocess.run(
        [*cometa_command(), "shell", "-c", code],
        env=env, cwd=cwd, capture_output=True, text=True, check=False,
    )  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(f"cometa shell failed:\n{done.stdout}{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


def endpoints(jar: dict[str, str], found: dict[str, Any]) -> list[Endpoint]:
    session = {"Cookie": f"sessionid={jar['sessionid']}"}
    base = f"/network/{found['network']}/"
    return [
        Endpoint("/healthz", "/healthz", {}),
        Endpoint("partner's participant list", base + "participants/", session),
        Endpoint("a participant's page", f"{base}participants/{found['code']}/", session),
        Endpoint("follow-up worklist", base + "followups/", session),
    ]


def table(women: int, partner_women: int, cells: list[Cell], duration: float) -> Table:
    ceiling = {cell.clients: cell.rps for cell in cells if cell.endpoint == "/healthz"}
    rows = [
        [
            cell.endpoint,
            cell.clients,
            cell.requests,
            cell.rps,
            cell.ms(50),
            cell.ms(95),
            cell.errors,
            cell.rps / ceiling[cell.clients] if ceiling.get(cell.clients) else None,
        ]
        for cell in cells
    ]
    return Table(
        title=(
            f"Network pages at {women:,} women on SQLite (the partner holds {partner_women:,}):"
            f" cometa serve, {WORKERS} workers × {THREADS} threads, 127.0.0.1"
        ),
        columns=[
            "page",
            "clients",
            "requests",
            "rps",
            "p50 ms",
            "p95 ms",
            "errors",
            "rps / healthz",
        ],
        rows=rows,
        notes=[
            f"each cell: {WARMUP_SECONDS:.0f} s warm-up, then {duration:.0f} s; the load "
            "generator runs on the same machine",
            "signed in as an editor of one partner: names and phones are shown and every "
            "showing is audited (one audit entry written per list or page request)",
        ],
    )


def measure(options: Options, work: Path) -> tuple[Table, list[Cell], dict[str, Any]]:
    women = QUICK if options.quick else LARGE
    duration = 3.0 if options.quick else 10.0  # a page can take a second: enough samples
    options.log("   building the demo data")
    env = prepare_data(work, None)
    options.log(f"   generating a network of {women:,} women")
    cometa(["network", "generate", "--participants", str(women), "--seed", str(SEED),
            "--name", NAME], env, work)  # fmt: skip
    found = _shell(SETUP, env, work)
    collect_static(work, env)
    server = Server(env, work, free_port())
    try:
        server.start()
        jar, _token = sign_in(server.port)
        targets = endpoints(jar, found)
        for endpoint in targets:
            check(server.port, endpoint)
        cells = []
        for clients in CONCURRENCY:
            for endpoint in targets:
                options.log(f"   {endpoint.name} × {clients}")
                cells.append(
                    load(server.port, endpoint, clients, warmup=WARMUP_SECONDS,
                         duration=duration, max_requests=50_000)
                )  # fmt: skip
    except Exception:
        options.log(f"   the server's log ends with:\n{server.tail()}")
        raise
    finally:
        server.stop()
    return table(women, found["women"], cells, duration), cells, found


def run(options: Options) -> Result:
    result = Result()
    root = Path(tempfile.mkdtemp(prefix="cometa-bench-network-pages-"))
    try:
        made, cells, found = measure(options, root)
        result.tables.append(made)
        result.data["sqlite"] = [cell.as_dict() for cell in cells]
        result.data["partner_women"] = found["women"]
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
