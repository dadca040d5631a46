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
        from cometa.wsgi import application

        return application


def serve(*, host: str, port: int, workers: int, threads: int) -> None:
    with embedded_worker():
        CometaServer(
            {
                "bind": f"{host}:{port}",
                "workers": workers,
                "threads": threads,
                "worker_class": "gthread",
                "accesslog": os.environ.get("COMETA_ACCESS_LOG", "-"),
                "timeout": 120,
                "graceful_timeout": 20,
                "forwarded_allow_ips": os.environ.get("COMETA_FORWARDED_ALLOW_IPS", "127.0.0.1"),
            }
        ).run()
