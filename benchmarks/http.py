"""HTTP: requests per second and latency of real pages on the real production server.

Starts ``cometa serve`` (gunicorn, 2 workers × 4 threads) on 127.0.0.1 with production
settings and the demo data, signs in through the sign-in page, makes a personal API token,
then loads three endpoints with 1, 8 and 32 concurrent clients (Python threads, one
persistent ``http.client.HTTPConnection`` each):

* ``/healthz`` — a trivial view: the framework's own ceiling on this server, the reference;
* ``/`` — the landing page for a signed-in editor (session cookie);
* ``/api/v1/organisations/`` — an API list with ``Authorization: Bearer <token>``.

Each cell warms up for 1 s, then measures for T seconds or N requests, whichever comes
first. Only 127.0.0.1 is ever contacted; the server is stopped at the end, also on errors
and Ctrl-C.
"""

from __future__ import annotations

import http.client
import shutil
import tempfile
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import Options, Result, Table, percentile
from benchmarks.http_server import (
    HOST,
    REQUEST_TIMEOUT,
    THREADS,
    WORKERS,
    Server,
    collect_static,
    free_port,
    prepare_data,
    request,
    sign_in,
)
from benchmarks.postgres import scratch_database

CONCURRENCY = (1, 8, 32)
WARMUP_SECONDS = 1.0
STAGGER_SECONDS = 0.005  # between client starts: a burst of connects lands on one worker


@dataclass(frozen=True)
class Endpoint:
    name: str
    path: str
    headers: dict[str, str]


@dataclass
class Cell:
    """One measurement: one endpoint under one number of concurrent clients."""

    endpoint: str
    clients: int
    latencies: list[float] = field(repr=False)
    errors: int
    seconds: float
    client_cpu_seconds: float
    worker_cpu_seconds: list[float] | None  # per gunicorn worker, during the measurement

    @property
    def server_cpu_seconds(self) -> float | None:
        return None if self.worker_cpu_seconds is None else sum(self.worker_cpu_seconds)

    @property
    def requests(self) -> int:
        return len(self.latencies)

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds > 0 else 0.0

    def ms(self, p: float) -> float:
        return percentile(self.latencies, p) * 1000

    @property
    def busiest_worker_percent(self) -> float | None:
        """The busiest gunicorn worker's share of the server's CPU (100: one worker did all)."""
        total = self.server_cpu_seconds
        if not total or self.worker_cpu_seconds is None:
            return None
        return max(self.worker_cpu_seconds) / total * 100

    @property
    def server_cpu_ms_per_request(self) -> float | None:
        if self.server_cpu_seconds is None or not self.requests:
            return None
        return self.server_cpu_seconds / self.requests * 1000

    def as_dict(self) -> dict[str, Any]:
        return {
            "endpoint": self.endpoint,
            "clients": self.clients,
            "requests": self.requests,
            "errors": self.errors,
            "seconds": round(self.seconds, 3),
            "rps": round(self.rps, 1),
            "p50_ms": round(self.ms(50), 2),
            "p95_ms": round(self.ms(95), 2),
            "p99_ms": round(self.ms(99), 2),
            "client_cpu_cores": round(self.client_cpu_seconds / self.seconds, 2),
            "worker_cpu_seconds": (
                None
                if self.worker_cpu_seconds is None
                else [round(seconds, 3) for seconds in self.worker_cpu_seconds]
            ),
            "server_cpu_ms_per_request": (
                None
                if self.server_cpu_ms_per_request is None
                else round(self.server_cpu_ms_per_request, 2)
            ),
        }


# --- load generator ---------------------------------------------------------------


def load(
    port: int,
    endpoint: Endpoint,
    clients: int,
    *,
    warmup: float,
    duration: float,
    max_requests: int,
    server_cpu: Callable[[], list[float] | None] | None = None,
) -> Cell:
    """Runs ``clients`` threads against one endpoint; counts requests that both start and end
    inside the measured window."""
    stop = threading.Event()
    window: dict[str, float] = {}
    latencies: list[list[float]] = [[] for _ in range(clients)]
    errors = [0] * clients

    def client(index: int) -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
        mine = latencies[index]
        try:
            while not stop.is_set():
                start = time.perf_counter()
                try:
                    connection.request("GET", endpoint.path, headers=endpoint.headers)
                    response = connection.getresponse()
                    response.read()
                    ok = response.status == 200
                except (OSError, http.client.HTTPException):
                    ok = False
                    connection.close()
                    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
                end = time.perf_counter()
                begin = window.get("start")
                if begin is not None and start >= begin and not stop.is_set():
                    mine.append(end - start)
                    if not ok:
                        errors[index] += 1
        finally:
            connection.close()

    threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(clients)]
    try:
        for thread in threads:
            thread.start()
            time.sleep(STAGGER_SECONDS)
        time.sleep(warmup)
        cpu_before = time.process_time()
        server_before = server_cpu() if server_cpu else None
        begin = window["start"] = time.perf_counter()
        deadline = begin + duration
        while time.perf_counter() < deadline and sum(map(len, latencies)) < max_requests:
            time.sleep(0.01)
        end = time.perf_counter()
        stop.set()
        client_cpu = time.process_time() - cpu_before
        server_after = server_cpu() if server_cpu else None
    finally:
        stop.set()
        for thread in threads:
            thread.join(REQUEST_TIMEOUT + 5)
    return Cell(
        endpoint=endpoint.name,
        clients=clients,
        latencies=[value for mine in latencies for value in mine],
        errors=sum(errors),
        seconds=end - begin,
        client_cpu_seconds=client_cpu,
        worker_cpu_seconds=(
            [after - before for before, after in zip(server_before, server_after, strict=True)]
            if server_before is not None and server_after is not None
            else None
        ),
    )


# --- the endpoints ----------------------------------------------------------------------------


def endpoints(jar: dict[str, str], token: str) -> list[Endpoint]:
    session = {"Cookie": f"sessionid={jar['sessionid']}"}
    return [
        Endpoint("/healthz", "/healthz", {}),
        Endpoint("/ (signed in)", "/", session),
        Endpoint(
            "/api/v1/organisations/", "/api/v1/organisations/", {"Authorization": f"Bearer {token}"}
        ),
    ]


def check(port: int, endpoint: Endpoint) -> None:
    reply = request(port, "GET", endpoint.path, headers=endpoint.headers)
    if reply.status != 200:
        raise RuntimeError(f"{endpoint.path} answers {reply.status}, not 200: {reply.body[:200]!r}")


# --- the benchmark --------------------------------------------------------------------------


def measure_backend(
    label: str, database_url: str | None, options: Options, work: Path
) -> tuple[Table, list[Cell]]:
    duration = 1.0 if options.quick else 3.0
    max_requests = 10_000 if options.quick else 50_000
    options.log(f"   {label}: building the demo data")
    env = prepare_data(work, database_url)
    collect_static(work, env)
    server = Server(env, work, free_port())
    try:
        options.log(f"   {label}: starting cometa serve on {HOST}:{server.port}")
        server.start()
        jar, token = sign_in(server.port)
        targets = endpoints(jar, token)
        for endpoint in targets:
            check(server.port, endpoint)
        cells = []
        for clients in CONCURRENCY:
            for endpoint in targets:
                options.log(f"   {label}: {endpoint.name} × {clients}")
                cells.append(
                    load(
                        server.port,
                        endpoint,
                        clients,
                        warmup=WARMUP_SECONDS,
                        duration=duration,
                        max_requests=max_requests,
                        server_cpu=server.cpu_seconds,
                    )
                )
    except Exception:
        options.log(f"   the server's log ends with:\n{server.tail()}")
        raise
    finally:
        server.stop()
    return table(label, cells, duration, max_requests), cells


def table(label: str, cells: list[Cell], duration: float, max_requests: int) -> Table:
    ceiling = {cell.clients: cell.rps for cell in cells if cell.endpoint == "/healthz"}
    rows = []
    for cell in cells:
        reference = ceiling.get(cell.clients)
        rows.append(
            [
                cell.endpoint,
                cell.clients,
                cell.requests,
                cell.rps,
                cell.ms(50),
                cell.ms(95),
                cell.errors,
                cell.rps / reference if reference else None,
                cell.server_cpu_ms_per_request,
                cell.busiest_worker_percent,
                cell.client_cpu_seconds / cell.seconds,
            ]
        )
    return Table(
        title=f"HTTP on {label}: cometa serve, {WORKERS} workers × {THREADS} threads, 127.0.0.1",
        columns=[
            "endpoint",
            "clients",
            "requests",
            "rps",
            "p50 ms",
            "p95 ms",
            "errors",
            "rps / healthz",
            "server CPU ms/req",
            "busiest worker %",
            "client CPU cores",
        ],
        rows=rows,
        notes=[
            f"each cell: {WARMUP_SECONDS:.0f} s warm-up, then {duration:.0f} s or "
            f"{max_requests:,} requests; the load generator runs on the same machine",
            "rps / healthz: the endpoint's rps over /healthz's at the same number of clients",
        ],
    )


def run(options: Options) -> Result:
    backends: list[tuple[str, str | None]] = [("SQLite", None)]
    if options.postgres:
        backends.append(("PostgreSQL", options.postgres))
    result = Result()
    root = Path(tempfile.mkdtemp(prefix="cometa-bench-http-"))
    try:
        for label, url in backends:
            work = root / label.lower()
            work.mkdir()
            if url is None:
                made, cells = measure_backend(label, None, options, work)
            else:
                with scratch_database(url, options.log) as scratch:
                    made, cells = measure_backend(label, scratch, options, work)
            result.tables.append(made)
            result.data[label.lower()] = [cell.as_dict() for cell in cells]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return result
