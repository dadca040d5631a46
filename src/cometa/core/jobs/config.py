"""Settings of the background jobs, read from the environment (no models imported here:
``cometa.settings`` calls these while Django is still starting)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from cometa.core.config import Env

BACKENDS = {
    # Tasks kept in the application's database, run by `cometa worker` processes (one is
    # started beside the web server by `cometa serve` and `cometa demo`).
    "database": "django_tasks_db.DatabaseBackend",
    # Tasks run at once, inside the request that asked: no worker, no progress to watch.
    "immediate": "django_tasks.backends.immediate.ImmediateBackend",
}


def tasks_settings(env: Env) -> dict[str, Any]:
    """Django's ``TASKS`` setting from ``COMETA_TASKS_BACKEND``."""
    name = env.str("COMETA_TASKS_BACKEND", "database").lower()
    if name not in BACKENDS:
        raise ImproperlyConfigured(
            f"COMETA_TASKS_BACKEND must be one of {', '.join(sorted(BACKENDS))}, not {name!r}."
        )
    return {"default": {"BACKEND": BACKENDS[name], "QUEUES": ["default"]}}


def uses_database_backend() -> bool:
    """Whether tasks go through django-tasks-db (workers, its task table) rather than another
    backend; read from the running settings."""
    return str(settings.TASKS["default"]["BACKEND"]) == BACKENDS["database"]


def jobs_settings(env: Env) -> dict[str, Any]:
    """Cometa's ``JOBS`` setting: how long results are kept, how a dead worker is noticed."""
    heartbeat = env.int("COMETA_JOBS_HEARTBEAT_SECONDS", 10, minimum=1)
    stale = env.int("COMETA_JOBS_STALE_SECONDS", 6 * heartbeat, minimum=1)
    if stale <= heartbeat:
        raise ImproperlyConfigured(
            "COMETA_JOBS_STALE_SECONDS must be longer than COMETA_JOBS_HEARTBEAT_SECONDS "
            f"({heartbeat}), not {stale}: a running job would be taken for dead."
        )
    return {
        "KEEP_DAYS": env.int("COMETA_JOBS_KEEP_DAYS", 7, minimum=1),
        "HEARTBEAT_SECONDS": heartbeat,
        "STALE_SECONDS": stale,
        "MAX_ATTEMPTS": env.int("COMETA_JOBS_MAX_ATTEMPTS", 3, minimum=1),
        "EMBEDDED_WORKER": env.bool("COMETA_EMBEDDED_WORKER", True),
    }
