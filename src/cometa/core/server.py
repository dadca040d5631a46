"""Serving with gunicorn, a production WSGI server (never Django's runserver)."""

from __future__ import annotations

import os
from typing import Any

from gunicorn.app.base import BaseApplication

from cometa.core.jobs.worker import embedded_worker


class CometaServer(BaseApplication):
    def __init__(self, options: dict[str, Any]) -> None:
        self.options = options
        super().__init__()

    def load_config(self) -> None:
        for key, value in self.options.items():
            self.cfg.set(key, value)

    def load(self) -> Any:
        # The WSGI_APPLICATION setting names it: the shell does not import the project.
        from django.core.servers.basehttp import get_internal_wsgi_application

        return get_internal_wsgi_application()


def server_options(*, host: str, port: int, workers: int, threads: int) -> dict[str, Any]:
    """gunicorn's settings for Cometa.

    gunicorn 25.1 and later open a control socket for its `gunicornc` tool, by default in
    ``$XDG_RUNTIME_DIR`` or ``~/.gunicorn/``: a file outside the data directory that nobody
    here uses, and a second server on the same account would fight over it. It is off.
    """
    return {
        "bind": f"{host}:{port}",
        "workers": workers,
        "threads": threads,
        "worker_class": "gthread",
        "accesslog": os.environ.get("COMETA_ACCESS_LOG", "-"),
        "timeout": 120,
        "graceful_timeout": 20,
        "forwarded_allow_ips": os.environ.get("COMETA_FORWARDED_ALLOW_IPS", "127.0.0.1"),
        "control_socket_disable": True,
    }


def serve(*, host: str, port: int, workers: int, threads: int) -> None:
    with embedded_worker():
        CometaServer(server_options(host=host, port=port, workers=workers, threads=threads)).run()
