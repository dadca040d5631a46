"""Job settings from the environment: wrong values stop the start naming the variable."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from cometa.core.config import Env
from cometa.core.jobs.config import jobs_settings, tasks_settings


def test_the_database_backend_is_the_default():
    assert tasks_settings(Env({}))["default"]["BACKEND"] == "django_tasks_db.DatabaseBackend"
    immediate = tasks_settings(Env({"COMETA_TASKS_BACKEND": "Immediate"}))
    assert immediate["default"]["BACKEND"].endswith("ImmediateBackend")


def test_an_unknown_backend_names_the_variable():
    with pytest.raises(ImproperlyConfigured, match=r"COMETA_TASKS_BACKEND.*'celery'"):
        tasks_settings(Env({"COMETA_TASKS_BACKEND": "celery"}))


def test_job_settings_and_their_checks():
    config = jobs_settings(
        Env({"COMETA_JOBS_KEEP_DAYS": "3", "COMETA_JOBS_HEARTBEAT_SECONDS": "2"})
    )
    assert config["KEEP_DAYS"] == 3 and config["STALE_SECONDS"] == 12
    with pytest.raises(ImproperlyConfigured, match="COMETA_JOBS_STALE_SECONDS"):
        jobs_settings(Env({"COMETA_JOBS_HEARTBEAT_SECONDS": "5", "COMETA_JOBS_STALE_SECONDS": "5"}))
    with pytest.raises(ImproperlyConfigured, match="COMETA_JOBS_MAX_ATTEMPTS"):
        jobs_settings(Env({"COMETA_JOBS_MAX_ATTEMPTS": "0"}))
    with pytest.raises(ImproperlyConfigured, match="COMETA_EMBEDDED_WORKER"):
        jobs_settings(Env({"COMETA_EMBEDDED_WORKER": "sometimes"}))
