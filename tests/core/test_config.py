"""Bad settings are refused at start-up with a message that names the setting."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from cometa.core.config import Env, email_settings, proxy_settings
from cometa.core.database import database_settings

COMETA = [sys.executable, "-m", "cometa.cli"]


def _run(args: list[str], env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COMETA_", "DATABASE_URL"))}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    clean |= {"COMETA_DATA_DIR": str(tmp_path)} | env
    return subprocess.run([*COMETA, *args], env=clean, capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    ("env", "named"),
    [
        ({}, "COMETA_SECRET_KEY"),
        ({"COMETA_SECRET_KEY": "short"}, "COMETA_SECRET_KEY"),
        ({"COMETA_DEBUG": "maybe"}, "COMETA_DEBUG"),
        ({"COMETA_DEBUG": "1", "DATABASE_URL": "mysql://x/y"}, "DATABASE_URL"),
        ({"COMETA_DEBUG": "1", "COMETA_UPLOAD_MAX_MB": "lots"}, "COMETA_UPLOAD_MAX_MB"),
        ({"COMETA_DEBUG": "1", "COMETA_EMAIL_URL": "pigeon://coop"}, "COMETA_EMAIL_URL"),
        ({"COMETA_DEBUG": "1", "COMETA_TRUSTED_PROXIES": "1"}, "COMETA_TRUSTED_PROXIES"),
    ],
)
def test_the_command_refuses_bad_settings_in_one_line_naming_the_variable(env, named, tmp_path):
    result = _run(["check"], env, tmp_path)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cometa: configuration error:")
    assert named in lines[0]


def test_an_unreachable_database_is_named_in_one_line(tmp_path):
    env = {"COMETA_DEBUG": "1", "DATABASE_URL": "postgres://nobody@127.0.0.1:1/none"}
    result = _run(["migrate"], env, tmp_path)
    assert result.returncode == 3
    assert result.stderr.strip().startswith("cometa: cannot use the database (DATABASE_URL):")
    assert len(result.stderr.strip().splitlines()) == 1


def test_production_checks_refuse_an_empty_host_list(tmp_path):
    env = {"COMETA_SECRET_KEY": "k" * 50, "COMETA_EMAIL_URL": "smtp://mail.example.org"}
    result = _run(["check", "--deploy", "--fail-level", "WARNING"], env, tmp_path)
    assert result.returncode != 0
    assert "COMETA_ALLOWED_HOSTS" in result.stderr


def test_sqlite_runs_in_wal_mode_with_immediate_transactions(tmp_path):
    config = database_settings(f"sqlite:///{tmp_path}/x.db", variable="DATABASE_URL")
    assert config["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in config["OPTIONS"]["init_command"]
    assert "busy_timeout" in config["OPTIONS"]["init_command"]


def test_postgres_urls_are_accepted():
    config = database_settings("postgres://u:p@db.internal:5433/cometa", variable="DATABASE_URL")
    assert (config["HOST"], config["PORT"], config["NAME"]) == ("db.internal", 5433, "cometa")


@pytest.mark.parametrize(
    ("url", "backend"),
    [
        ("console://", "console.EmailBackend"),
        ("smtp://u:p%40ss@mail.example.org:587?tls=1", "smtp.EmailBackend"),
    ],
)
def test_mail_urls(url, backend):
    settings = email_settings(url, variable="COMETA_EMAIL_URL")
    assert str(settings["EMAIL_BACKEND"]).endswith(backend)
    if "smtp" in url:
        assert settings["EMAIL_HOST_PASSWORD"] == "p@ss" and settings["EMAIL_USE_TLS"] is True


def test_env_readers_name_the_variable():
    env = Env({"N": "-3", "B": "perhaps"})
    with pytest.raises(ImproperlyConfigured, match="N must be at least 1"):
        env.int("N", 5, minimum=1)
    with pytest.raises(ImproperlyConfigured, match="B must be true or false"):
        env.bool("B")


def test_production_hashes_passwords_with_argon2():
    import cometa.settings as production

    assert production.PASSWORD_HASHERS[0].endswith("Argon2PasswordHasher")


@pytest.mark.parametrize(
    ("environ", "proxies", "ssl_header"),
    [
        ({}, 0, False),
        ({"COMETA_BEHIND_PROXY": "1"}, 1, True),
        ({"COMETA_BEHIND_PROXY": "1", "COMETA_TRUSTED_PROXIES": "2"}, 2, True),
        ({"COMETA_BEHIND_PROXY": "1", "COMETA_TRUSTED_PROXIES": "0"}, 0, True),
    ],
)
def test_proxy_settings(environ, proxies, ssl_header):
    settings = proxy_settings(Env(environ))
    assert settings.trusted_proxies == proxies
    assert (settings.ssl_header is not None) is ssl_header


@pytest.mark.parametrize(
    ("environ", "message"),
    [
        ({"COMETA_TRUSTED_PROXIES": "1"}, "COMETA_BEHIND_PROXY is off"),
        ({"COMETA_BEHIND_PROXY": "1", "COMETA_TRUSTED_PROXIES": "two"}, "whole number"),
        ({"COMETA_BEHIND_PROXY": "1", "COMETA_TRUSTED_PROXIES": "-1"}, "at least 0"),
        ({"COMETA_BEHIND_PROXY": "1", "COMETA_TRUSTED_PROXIES": "9"}, "at most 5"),
    ],
)
def test_proxy_settings_refuse_what_would_let_clients_choose_their_address(environ, message):
    with pytest.raises(ImproperlyConfigured, match=message):
        proxy_settings(Env(environ))
