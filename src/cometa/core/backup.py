"""The database part of a backup: SQLite's online backup API, or pg_dump/pg_restore in
custom format. ``cometa.core.archive`` puts the dump, the stored files and a manifest in
one archive."""

from __future__ import annotations

import os
import shutil
import sqlite3

# pg_dump/pg_restore run with fixed arguments and no shell (reviewed):
import subprocess  # nosec B404
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.db import connections

Progress = Callable[[int, int], None]
PAGES_PER_STEP = 256
REQUIRED_TABLES = {"django_migrations", "accounts_person", "accounts_auditentry"}
SQLITE_MAGIC = b"SQLite format 3\x00"
PG_MAGIC = b"PGDMP"


class BackupError(Exception):
    pass


def _database() -> dict[str, Any]:
    return dict(connections["default"].settings_dict)


def is_sqlite() -> bool:
    return str(_database()["ENGINE"]).endswith("sqlite3")


def dump_suffix() -> str:
    return ".sqlite3" if is_sqlite() else ".pgdump"


def dump_kind(path: Path) -> str | None:
    """``"sqlite"`` or ``"postgresql"`` for a database dump, by its first bytes."""
    with path.open("rb") as file:
        head = file.read(len(SQLITE_MAGIC))
    if head.startswith(SQLITE_MAGIC):
        return "sqlite"
    return "postgresql" if head.startswith(PG_MAGIC) else None


def dump_database(target: Path, *, progress: Progress | None = None) -> Path:
    """A consistent copy of the database, taken while the platform keeps running, written
    to ``target`` (a new file in a scratch folder: the archive checks its own target)."""
    if is_sqlite():
        _sqlite_copy(Path(_database()["NAME"]), target, progress)
    else:
        _run(["pg_dump", "--format=custom", "--no-owner", f"--file={target}"], target)
    return target


def check_dump(source: Path) -> None:
    """Refuses a dump that this database cannot load, before anything is changed."""
    kind, wanted = dump_kind(source), "sqlite" if is_sqlite() else "postgresql"
    if kind != wanted:
        raise BackupError(
            f"{source.name} is not a Cometa {'SQLite' if wanted == 'sqlite' else 'PostgreSQL'} "
            f"backup{f' (it is a {kind} one)' if kind else ''}; DATABASE_URL names a {wanted} "
            "database."
        )
    if kind == "sqlite":
        _check_sqlite_backup(source)
    else:
        _run(["pg_restore", "--list", str(source)], None, into_database=False)


def load_database(source: Path, *, progress: Progress | None = None) -> None:
    """Replaces the database with a dump checked by :func:`check_dump`."""
    connections.close_all()
    if is_sqlite():
        _sqlite_copy(source, Path(_database()["NAME"]), progress)
    else:
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                str(source),
            ],
            None,
        )


def _sqlite_copy(source: Path, target: Path, progress: Progress | None) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:

        def step(status: int, remaining: int, total: int) -> None:
            if progress is not None:
                progress(total - remaining, total)

        src.backup(dst, pages=PAGES_PER_STEP, progress=step)
    if target.exists():
        target.chmod(0o600)


def _check_sqlite_backup(source: Path) -> None:
    try:
        with sqlite3.connect(f"file:{source}?mode=ro", uri=True) as db:
            (result,) = db.execute("PRAGMA integrity_check").fetchone()
            tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master")}
    except sqlite3.DatabaseError as error:
        raise BackupError(f"{source.name} is not a Cometa SQLite backup: {error}.") from None
    if result != "ok":
        raise BackupError(f"{source.name} is damaged: {result}.")
    missing = REQUIRED_TABLES - tables
    if missing:
        raise BackupError(
            f"{source.name} is not a Cometa backup: it lacks {', '.join(sorted(missing))}."
        )


def _pg_environment() -> dict[str, str]:
    db = _database()
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": str(db.get("HOST") or ""),
            "PGPORT": str(db.get("PORT") or ""),
            "PGUSER": str(db.get("USER") or ""),
            "PGPASSWORD": str(db.get("PASSWORD") or ""),
            "PGDATABASE": str(db["NAME"]),
        }
    )
    return {key: value for key, value in env.items() if value}


def _run(arguments: list[str], created: Path | None, *, into_database: bool = True) -> None:
    if shutil.which(arguments[0]) is None:
        raise BackupError(f"{arguments[0]} is not installed (Debian package postgresql-client).")
    argv = (
        [*arguments, "--dbname", str(_database()["NAME"])]
        if arguments[0] == "pg_restore" and into_database
        else arguments
    )
    result = subprocess.run(  # noqa: S603  # nosec B603
        argv, env=_pg_environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        if created is not None and created.exists():
            created.unlink()
        first = (result.stderr.strip().splitlines() or ["no message"])[0]
        raise BackupError(f"{arguments[0]} failed: {first}")
