"""The `cometa` command end to end, on a real SQLite file (and PostgreSQL when given)."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import psycopg
import pytest

COMETA = [sys.executable, "-m", "cometa.cli"]
pytestmark = pytest.mark.xdist_group("commands")


def cometa(tmp_path: Path, *args: str, env: dict[str, str] | None = None, stdin: str = ""):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COMETA_", "DATABASE_URL"))}
    clean.pop("DJANGO_SETTINGS_MODULE", None)
    clean |= {"COMETA_DEBUG": "1", "COMETA_DATA_DIR": str(tmp_path / "data")} | (env or {})
    return subprocess.run(
        [*COMETA, *args], env=clean, capture_output=True, text=True, input=stdin, timeout=120
    )


def ok(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_administration_backup_and_restore_on_sqlite(tmp_path):
    ok(cometa(tmp_path, "migrate", "-v0"))
    ok(cometa(tmp_path, "org", "create", "UNCT Kazakhstan", "--kind", "country_team"))
    ok(
        cometa(
            tmp_path,
            "user",
            "create",
            "ana@example.org",
            "--name",
            "Ana",
            "--password-stdin",
            stdin="a long enough password 1\n",
        )
    )
    ok(
        cometa(
            tmp_path,
            "org",
            "add-member",
            "UNCT Kazakhstan",
            "ana@example.org",
            "--role",
            "coordinator",
        )
    )
    backup = tmp_path / "copy.db"
    assert "Backup written" in ok(cometa(tmp_path, "backup", str(backup)))
    ok(cometa(tmp_path, "org", "create", "Made after the backup", "--kind", "funder"))
    ok(cometa(tmp_path, "restore", str(backup), "--yes"))
    listing = ok(cometa(tmp_path, "org", "list"))
    assert "UNCT Kazakhstan" in listing and "Made after the backup" not in listing
    assert "Audit trail intact: 3 entries" in ok(cometa(tmp_path, "audit", "verify"))


def test_errors_exit_non_zero_with_one_clear_line(tmp_path):
    ok(cometa(tmp_path, "migrate", "-v0"))
    cases = [
        (("org", "add-member", "Nowhere", "x@example.org", "--role", "viewer"), "No organisation"),
        (("user", "create", "not-an-email", "--name", "X"), "not a valid e-mail address"),
        (("restore", str(tmp_path / "missing.db"), "--yes"), "is not a file"),
        (("org", "create", "X", "--kind", "un_entity", "--parent", "Nowhere"), "No organisation"),
    ]
    for args, message in cases:
        result = cometa(tmp_path, *args)
        assert result.returncode == 1, args
        assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1, (
            result.stderr
        )


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    ok(cometa(tmp_path, "migrate", "-v0"))
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"not a database at all" * 100)
    result = cometa(tmp_path, "restore", str(junk), "--yes")
    assert result.returncode == 1 and "is not a Cometa backup archive" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_concurrent_writers_queue_instead_of_failing_on_sqlite(tmp_path):
    ok(cometa(tmp_path, "migrate", "-v0"))
    script = textwrap.dedent(
        """
        import threading, django
        django.setup()
        from django.db import connection
        from cometa.accounts import services, audit
        from cometa.accounts.acting import SYSTEM
        errors = []
        def work(n):
            try:
                for i in range(25):
                    services.organisation_create(actor=SYSTEM, name=f"Org {n}-{i}", kind="funder")
            except Exception as error:
                errors.append(repr(error))
            finally:
                connection.close()
        threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
        [t.start() for t in threads]
        [t.join() for t in threads]
        from cometa.accounts.models import Organisation
        print(len(errors), Organisation.objects.count(), audit.verify().ok)
        """
    )
    env = {k: v for k, v in os.environ.items() if not k.startswith(("COMETA_", "DATABASE_URL"))}
    env |= {
        "COMETA_DEBUG": "1",
        "COMETA_DATA_DIR": str(tmp_path / "data"),
        "DJANGO_SETTINGS_MODULE": "cometa.settings",
    }
    result = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.stdout.split() == ["0", "100", "True"], result.stderr[-2000:]


@pytest.mark.skipif(
    not os.environ.get("COMETA_TEST_DATABASE_URL"), reason="PostgreSQL not given for this run"
)
def test_backup_and_restore_on_postgresql(tmp_path):
    base = os.environ["COMETA_TEST_DATABASE_URL"]
    scratch = base.rsplit("/", 1)[0] + f"/cometa_backup_{os.getpid()}"
    with psycopg.connect(base, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS cometa_backup_{os.getpid()}")
        admin.execute(f"CREATE DATABASE cometa_backup_{os.getpid()}")
    try:
        env = {"DATABASE_URL": scratch}
        ok(cometa(tmp_path, "migrate", "-v0", env=env))
        ok(cometa(tmp_path, "org", "create", "Kept", "--kind", "funder", env=env))
        dump = tmp_path / "pg.dump"
        ok(cometa(tmp_path, "backup", str(dump), env=env))
        ok(cometa(tmp_path, "org", "create", "Lost", "--kind", "funder", env=env))
        ok(cometa(tmp_path, "restore", str(dump), "--yes", env=env))
        listing = ok(cometa(tmp_path, "org", "list", env=env))
        assert "Kept" in listing and "Lost" not in listing
        assert "intact" in ok(cometa(tmp_path, "audit", "verify", env=env))
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS cometa_backup_{os.getpid()} WITH (FORCE)")
