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
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks import Options, Result, Table, percentile

HOST = "127.0.0.1"
CONCURRENCY = (1, 8, 32)
WORKERS, THREADS = 2, 4
WARMUP_SECONDS = 1.0
DEMO_EMAIL = "daniyar@demo.cometa.example"  # editor, no second factor
DEMO_PASSWORD = "demo-cometa-2026"  # printed by `cometa demo`
READY_TIMEOUT = 180.0  # migrations and collectstatic happen before the server listens
REQUEST_TIMEOUT = 30.0
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


# --- the server under test --------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((HOST, 0))
        return int(probe.getsockname()[1])


def cometa_command() -> list[str]:
    script = Path(sys.executable).with_name("cometa")
    return [str(script)] if script.exists() else [sys.executable, "-m", "cometa.cli"]


def base_environment(data_dir: Path, database_url: str | None) -> dict[str, str]:
    """Production settings: nothing inherited from the developer's COMETA_* variables."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith("COMETA_") and key not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        {
            "COMETA_SECRET_KEY": secrets.token_urlsafe(50)[:50],
            "COMETA_ALLOWED_HOSTS": HOST,
            "COMETA_SSL_REDIRECT": "0",
            "COMETA_ACCESS_LOG": os.devnull,
            "COMETA_DATA_DIR": str(data_dir),
            "COMETA_LOG_LEVEL": "WARNING",
        }
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def cometa(args: list[str], env: dict[str, str], cwd: Path) -> None:
    done = subprocess.run(
        [*cometa_command(), *args], env=env, cwd=cwd, capture_output=True, text=True, check=False
    )
    if done.returncode != 0:
        raise RuntimeError(
            f"cometa {' '.join(args)} failed ({done.returncode}):\n{done.stdout}{done.stderr}"
        )


def process_cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            with suppress(OSError, IndexError):
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                if int(stat[1]) == pid:
                    found.append(int(entry.name))
    return found


class Server:
    """``cometa serve`` as a subprocess in its own session; ``stop()`` always ends it."""

    def __init__(self, env: dict[str, str], cwd: Path, port: int) -> None:
        self.env, self.cwd, self.port = env, cwd, port
        self.log_path = cwd / "server.log"
        self.process: subprocess.Popen[bytes] | None = None
        self.workers: list[int] = []

    def start(self) -> None:
        command = [
            *cometa_command(),
            "serve",
            "--host",
            HOST,
            "--port",
            str(self.port),
            "--workers",
            str(WORKERS),
            "--threads",
            str(THREADS),
        ]
        with self.log_path.open("wb") as log:
            self.process = subprocess.Popen(
                command,
                env=self.env,
                cwd=self.cwd,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
        deadline = time.monotonic() + READY_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the server ended ({self.process.returncode}):\n{self.tail()}")
            with suppress(OSError, http.client.HTTPException):
                if request(self.port, "GET", "/healthz").status == 200:
                    break
            time.sleep(0.2)
        else:
            raise RuntimeError(
                f"the server did not answer within {READY_TIMEOUT:.0f} s:\n{self.tail()}"
            )
        time.sleep(0.5)  # let every worker finish booting
        self.workers = children(self.process.pid)

    def cpu_seconds(self) -> list[float] | None:
        """CPU used so far by each gunicorn worker (Linux /proc), or None."""
        try:
            return [process_cpu_seconds(pid) for pid in self.workers]
        except (OSError, ValueError, IndexError):
            return None

    def tail(self, lines: int = 30) -> str:
        with suppress(OSError):
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def stop(self) -> None:
        process = self.process
        if process is None or process.poll() is not None:
            return
        process.send_signal(signal.SIGTERM)  # gunicorn: graceful stop of the workers
        try:
            process.wait(25)
        except subprocess.TimeoutExpired:
            with suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)  # the group we started, nothing else
            process.wait(5)


# --- talking to the server ------------------------------------------------------------------


@dataclass
class Reply:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def request(
    port: int,
    method: str,
    path: str,
    *,
    body: bytes | None = None,
    headers: dict[str, str] | None = None,
) -> Reply:
    connection = http.client.HTTPConnection(HOST, port, timeout=REQUEST_TIMEOUT)
    try:
        connection.request(method, path, body=body, headers=headers or {})
        response = connection.getresponse()
        return Reply(response.status, response.headers, response.read())
    finally:
        connection.close()


def cookies_from(reply: Reply, jar: dict[str, str]) -> dict[str, str]:
    """Takes every Set-Cookie, whatever its Secure flag: the benchmark speaks plain HTTP."""
    for header in reply.headers.get_all("Set-Cookie") or []:
        name, _, value = header.split(";", 1)[0].strip().partition("=")
        jar[name] = value.strip('"')
    return jar


def cookie_header(jar: dict[str, str]) -> str:
    return "; ".join(f"{name}={value}" for name, value in jar.items())


def sign_in(port: int) -> tuple[dict[str, str], str]:
    """Signs in through the sign-in page, then makes a token with the session: (cookies, token)."""
    page = f"http://{HOST}:{port}/accounts/sign-in/"
    form = request(port, "GET", "/accounts/sign-in/")
    jar = cookies_from(form, {})
    found = re.search(rb'name="csrfmiddlewaretoken" value="([^"]+)"', form.body)
    if form.status != 200 or not found or "csrftoken" not in jar:
        raise RuntimeError(f"the sign-in page gave no CSRF token (status {form.status})")
    fields = {
        "csrfmiddlewaretoken": found.group(1).decode(),
        "email": DEMO_EMAIL,
        "password": DEMO_PASSWORD,
    }
    signed = request(
        port,
        "POST",
        "/accounts/sign-in/",
        body=urllib.parse.urlencode(fields).encode(),
        headers={
            "Content-Type": "application/x-www-form-urlencoded",
            "Cookie": cookie_header(jar),
            "Referer": page,
        },
    )
    cookies_from(signed, jar)
    if signed.status != 302 or "sessionid" not in jar:
        raise RuntimeError(f"signing in failed (status {signed.status}): {signed.body[:300]!r}")
    created = request(
        port,
        "POST",
        "/api/v1/tokens/",
        body=json.dumps({"name": "benchmark", "days": 1}).encode(),
        headers={
            "Content-Type": "application/json",
            "Cookie": cookie_header(jar),
            "X-CSRFToken": jar["csrftoken"],
            "Referer": page,
        },
    )
    if created.status != 201:
        raise RuntimeError(f"making a token failed ({created.status}): {created.body[:300]!r}")
    return jar, json.loads(created.body)["secret"]


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


# --- the databases ---------------------------------------------------------------------------


@contextmanager
def scratch_postgres(url: str, log: Any) -> Iterator[str]:
    """A new database next to the one in ``url``, dropped at the end; ``url``'s is untouched."""
    import psycopg
    from psycopg import sql

    name = f"cometa_bench_{secrets.token_hex(4)}"
    scratch = urllib.parse.urlsplit(url)._replace(path=f"/{name}").geturl()
    with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
        connection.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    log(f"   scratch database {name} created")
    try:
        yield scratch
    finally:
        with psycopg.connect(url, autocommit=True, connect_timeout=5) as connection:
            connection.execute(
                sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
            )
        log(f"   scratch database {name} dropped")


def prepare_data(work: Path, database_url: str | None) -> dict[str, str]:
    """The demo organisations and people in a fresh database; returns the server's env."""
    data_dir = work / "data"
    env = base_environment(data_dir, database_url)
    if database_url is None:
        demo_env = env | {"COMETA_STATIC_DIR": str(work / "demo-static")}
        cometa(["demo", "--no-serve"], demo_env, work)
    else:  # `cometa demo` refuses PostgreSQL; the same data through its builder
        cometa(["migrate", "--no-input", "-v", "0"], env, work)
        cometa(["shell", "-c", "from cometa.demo import build_demo; build_demo()"], env, work)
    return env


STATIC_PROBE = "cometa/cometa.css"  # the stylesheet every page links to
STATIC_SETTINGS = """from cometa.settings import *  # noqa: F403
STATICFILES_DIRS = [PACKAGE_DIR / "static"]  # noqa: F405
"""


def collect_static(work: Path, env: dict[str, str], log: Any) -> bool:
    """Collects static files as ``cometa serve`` would (it then skips the step).

    If the production manifest lacks the project's own stylesheet, every page answers 500, so
    the files are collected again with ``src/cometa/static`` added as a source (a settings
    module in the temp dir, for collectstatic only; the server runs on ``cometa.settings``).
    Returns whether that workaround was needed.
    """
    cometa(["collectstatic", "--no-input", "-v", "0"], env, work)
    manifest = Path(env["COMETA_DATA_DIR"]) / "static" / "staticfiles.json"
    if STATIC_PROBE in json.loads(manifest.read_text()).get("paths", {}):
        return False
    log(f"   warning: collectstatic leaves out {STATIC_PROBE}; collecting with a workaround")
    (work / "bench_static_settings.py").write_text(STATIC_SETTINGS)
    patched = env | {
        "DJANGO_SETTINGS_MODULE": "bench_static_settings",
        "PYTHONPATH": os.pathsep.join(filter(None, [str(work), env.get("PYTHONPATH")])),
    }
    cometa(["collectstatic", "--no-input", "-v", "0"], patched, work)
    if STATIC_PROBE not in json.loads(manifest.read_text()).get("paths", {}):
        raise RuntimeError(f"{STATIC_PROBE} is still missing from {manifest}")
    return True


# --- the benchmark --------------------------------------------------------------------------


def measure_backend(
    label: str, database_url: str | None, options: Options, work: Path
) -> tuple[Table, list[Cell]]:
    duration = 1.0 if options.quick else 3.0
    max_requests = 10_000 if options.quick else 50_000
    options.log(f"   {label}: building the demo data")
    env = prepare_data(work, database_url)
    workaround = collect_static(work, env, options.log)
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
    made = table(label, cells, duration, max_requests)
    if workaround:
        made.notes.append(
            f"static files: {STATIC_PROBE} was missing from the production manifest "
            "(src/cometa/static is in no finder); collected with a workaround"
        )
    return made, cells


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
                with scratch_postgres(url, options.log) as scratch:
                    made, cells = measure_backend(label, scratch, options, work)
            result.tables.append(made)
            result.data[label.lower()] = [cell.as_dict() for cell in cells]
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return result
