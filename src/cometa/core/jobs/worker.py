"""Workers: the housekeeping every worker does beside running tasks (reaping jobs whose
worker died, removing expired results), and the worker that ``cometa serve`` and
``cometa demo`` start beside the web server.

The embedded worker is a child process running ``cometa worker``, not a thread of the
web server: gunicorn forks its web processes and restarts them at will (a thread there
would run once per web process and die with it), and building a workbook or a PDF holds
the interpreter for seconds at a time, which would stall the pages served by the same
process. A child process is exactly what ``cometa worker`` is on another machine, so there
is one way of running tasks to test and to reason about.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.db import close_old_connections, connection

from cometa.core.jobs import services
from cometa.core.jobs.config import uses_database_backend

logger = logging.getLogger(__name__)
PURGE_EVERY_SECONDS = 3600


class Housekeeping:
    """A thread of a worker process: reaps stale jobs every third of STALE_SECONDS and
    purges expired results every hour. With ``parent`` set, it ends the process when the
    parent (the web server that started it) is gone."""

    def __init__(self, *, parent: int | None = None) -> None:
        self.parent = parent
        self.period = max(1.0, settings.JOBS["STALE_SECONDS"] / 3)
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._loop, name="jobs-housekeeping", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def stop(self) -> None:
        self.stopped.set()
        self.thread.join(timeout=self.period + 5)

    def _loop(self) -> None:
        last_purge = 0.0
        try:
            while not self.stopped.is_set():
                if self.parent is not None and os.getppid() != self.parent:
                    logger.warning("worker: the web server stopped; the worker stops too")
                    os._exit(0)
                last_purge = self._tick(last_purge)
                self.stopped.wait(self.period)
        finally:
            connection.close()

    def _tick(self, last_purge: float) -> float:
        try:
            close_old_connections()
            services.reap_stale_jobs()  # logs each job it reaps
            if time.monotonic() - last_purge >= PURGE_EVERY_SECONDS:
                removed = services.purge_expired()
                if removed:
                    logger.info("jobs: %d expired jobs and their results removed", removed)
                return time.monotonic()
        except Exception:  # a busy or restarting database: try at the next tick
            logger.warning("jobs: housekeeping failed this time", exc_info=True)
        return last_purge


@contextmanager
def embedded_worker() -> Iterator[subprocess.Popen[bytes] | None]:
    """Runs ``cometa worker`` beside the web server while the block runs, when jobs go
    through the database backend and COMETA_EMBEDDED_WORKER is on (the default)."""
    if not (uses_database_backend() and settings.JOBS["EMBEDDED_WORKER"]):
        yield None
        return
    command = [sys.executable, "-m", "cometa.cli", "worker", "--parent", str(os.getpid())]
    child = subprocess.Popen(command)  # noqa: S603 (our own command, this environment)
    logger.info("worker started beside the web server (process %s)", child.pid)
    try:
        yield child
    finally:
        if child.poll() is None:
            child.terminate()
            try:
                child.wait(timeout=20)
            except subprocess.TimeoutExpired:
                child.kill()
