"""The server under test for benchmarks/http.py: ``cometa serve`` with the demo data.

Builds the demo in a fresh database (SQLite in a temp directory, or a scratch PostgreSQL
database), collects the static files, starts ``cometa serve`` (gunicorn) on 127.0.0.1 in its
own session, signs in through the sign-in page and makes a personal API token. ``Server.stop``
ends the server (SIGTERM, then SIGKILL to its process group after 25 s).
"""

from __future__ import annotations

import http.client
import json
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

HOST = "127.0.0.1"
WORKERS, THREADS = 2, 4
DEMO_EMAIL = "daniyar@demo.cometa.example"  # editor, no second factor
DEMO_PASSWORD = "demo-cometa-2026"  # printed by `cometa demo`
READY_TIMEOUT = 180.0  # migrations and collectstatic happen before the server listens
REQUEST_TIMEOUT = 30.0
STATIC_PROBE = "cometa/cometa.css"  # the stylesheet every page links to


# --- the server process ---------------------------------------------------------------------


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
            # No job worker beside gunicorn: it would be counted among the web workers.
            "COMETA_EMBEDDED_WORKER": "0",
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


# --- the data ------------------------------------------------------------------------------


def prepare_data(work: Path, database_url: str | None) -> dict[str, str]:
    """The demo organisations and people in a fresh database; returns the server's env."""
    data_dir = work / "data"
    env = base_environment(data_dir, database_url)
    if database_url is None:
        demo_env = env | {"COMETA_STATIC_DIR": str(work / "demo-static")}
        cometa(["demo", "--no-serve"], demo_env, work)
    else:  # `cometa demo` refuses PostgreSQL; the same data through its builder
        cometa(["migrate", "--no-input", "-v", "0"], env, work)
        cometa(["shell", "-c", "from cometa.demo.build import build_demo; build_demo()"], env, work)
    return env


def collect_static(work: Path, env: dict[str, str]) -> None:
    """Collects static files as ``cometa serve`` would (it then skips the step) and checks
    that the production manifest holds the project's stylesheet (without it every page
    answers 500, and the benchmark would measure error pages)."""
    cometa(["collectstatic", "--no-input", "-v", "0"], env, work)
    manifest = Path(env["COMETA_DATA_DIR"]) / "static" / "staticfiles.json"
    if STATIC_PROBE not in json.loads(manifest.read_text()).get("paths", {}):
        raise RuntimeError(f"collectstatic left {STATIC_PROBE} out of {manifest}")
