"""Database settings from one URL: SQLite (embedded default) or PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL;"
    "PRAGMA synchronous=NORMAL;"
    "PRAGMA foreign_keys=ON;"
    "PRAGMA busy_timeout=20000;"
    "PRAGMA temp_store=MEMORY;"
)
SUPPORTED = ("sqlite", "postgres", "postgresql", "pgsql")
SQLITE_CONNECTION_SECONDS = 600  # a file on the same machine: nothing to go stale quickly


def sqlite_url(data_dir: Path) -> str:
    return f"sqlite:///{data_dir / 'cometa.sqlite3'}"


def database_settings(url: str, *, variable: str) -> dict[str, Any]:
    """Parses a database URL into Django settings, refusing anything we do not support."""
    scheme = url.split(":", 1)[0].lower() if ":" in url else ""
    if scheme not in SUPPORTED:
        raise ImproperlyConfigured(
            f"{variable} must be a sqlite:/// or postgres:// URL, not {url!r}."
        )
    try:
        config: dict[str, Any] = dict(dj_database_url.parse(url))
    except ValueError as error:
        raise ImproperlyConfigured(f"{variable} could not be read: {error}.") from None
    if config["ENGINE"].endswith("sqlite3"):
        return _sqlite(config, variable=variable)
    return _postgres(config, variable=variable)


def _sqlite(config: dict[str, Any], *, variable: str) -> dict[str, Any]:
    name = str(config.get("NAME") or "")
    if not name or name == ":memory:":
        raise ImproperlyConfigured(f"{variable} must name a SQLite file, e.g. sqlite:////srv/db.")
    Path(name).parent.mkdir(parents=True, exist_ok=True)
    config["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": SQLITE_PRAGMAS,
    }
    # Each server thread keeps its connection between requests: opening one and running
    # the pragmas above cost more than a whole request's queries on the landing page.
    config["CONN_MAX_AGE"] = SQLITE_CONNECTION_SECONDS
    return config


def _postgres(config: dict[str, Any], *, variable: str) -> dict[str, Any]:
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{variable} names no PostgreSQL database.")
    config["CONN_MAX_AGE"] = 60
    config["CONN_HEALTH_CHECKS"] = True
    options = dict(config.get("OPTIONS") or {})
    options.setdefault("connect_timeout", 5)
    config["OPTIONS"] = options
    return config
