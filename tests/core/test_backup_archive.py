"""`cometa backup` and `cometa restore` with stored files, end to end: a backup made on
one data directory is restored on an empty one (its own SQLite file or PostgreSQL
database, its own upload folder), each in a `cometa` process of its own."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import psycopg
import pytest

from tests.core.test_commands import cometa, ok

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.xdist_group("commands")


def scene(data: Path, step: str, env: dict[str, str] | None = None) -> str:
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("COMETA_", "DATABASE_URL"))}
    clean |= {
        "COMETA_DEBUG": "1",
        "COMETA_DATA_DIR": str(data),
        "COMETA_ALLOWED_HOSTS": "testserver",
        "DJANGO_SETTINGS_MODULE": "cometa.settings",
        "PYTHONPATH": os.pathsep.join([str(ROOT / "src"), str(ROOT)]),
    } | (env or {})
    result = subprocess.run(
        [sys.executable, "-m", "tests.core.backup_scene", step],
        env=clean,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=ROOT,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def at(place: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """Settings of one machine: its own data directory (SQLite file, uploads)."""
    return {"COMETA_DATA_DIR": str(place)} | (env or {})


def made_and_backed_up(tmp_path: Path, env: dict[str, str] | None = None) -> tuple[Path, dict]:
    first = tmp_path / "first"
    ok(cometa(tmp_path, "migrate", "-v0", env=at(first, env)))
    scene(first, "build", env)
    before = json.loads(scene(first, "inspect", env).splitlines()[-1])
    archive = tmp_path / "backup.tar"
    assert "Backup written" in ok(cometa(tmp_path, "backup", str(archive), env=at(first, env)))
    return archive, before


@pytest.fixture(scope="module")
def backed_up(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict]:
    """One data directory with a scene, its inspection and its backup, for the module."""
    return made_and_backed_up(tmp_path_factory.mktemp("made"))


def restored_on_a_new_machine(
    tmp_path: Path, archive: Path, before: dict, env: dict[str, str] | None = None
) -> None:
    second = tmp_path / "second"
    assert not second.exists()
    out = ok(cometa(tmp_path, "restore", str(archive), "--yes", env=at(second, env)))
    assert "3 stored files match the manifest" in out, out
    after = json.loads(scene(second, "inspect", env).splitlines()[-1])
    assert after["rows"] == before["rows"]
    assert after["downloads"] == {"minutes.txt": True, "report.pdf": True}
    assert after["removed_files_kept"] == [True] and after["links"] == 1
    assert after["audit_ok"] is True
    assert "Audit trail intact" in ok(cometa(tmp_path, "audit", "verify", env=at(second, env)))
    uploads = sorted(p.name for p in (second / "uploads" / "evidence").iterdir())
    assert len(uploads) == 3


def test_a_backup_restored_on_an_empty_data_directory_gives_everything_back(tmp_path, backed_up):
    restored_on_a_new_machine(tmp_path, *backed_up)


def _rewritten(source: Path, target: Path, *, alter: str, drop: str) -> None:
    """A copy of the archive with one member's bytes changed and another left out."""
    with tarfile.open(source) as old, tarfile.open(target, "w") as new:
        for member in old:
            data = old.extractfile(member).read()  # type: ignore[union-attr]
            if member.name == drop:
                continue
            if member.name == alter:
                data = data[:-1] + bytes([data[-1] ^ 1])
            new.addfile(member, io.BytesIO(data))


def test_an_altered_and_a_missing_file_are_named_and_nothing_is_written(tmp_path, backed_up):
    archive, _before = backed_up
    with tarfile.open(archive) as tar:
        files = sorted(n for n in tar.getnames() if n.startswith("files/"))
    damaged = tmp_path / "damaged.tar"
    _rewritten(archive, damaged, alter=files[0], drop=files[1])
    second = tmp_path / "second"
    result = cometa(tmp_path, "restore", str(damaged), "--yes", env=at(second))
    assert result.returncode == 1
    assert f"altered (size or SHA-256 differs from the manifest): {files[0]}" in result.stderr
    assert f"missing from the archive: {files[1]}" in result.stderr
    assert files[2] not in result.stderr and "nothing was changed" in result.stderr
    assert not (second / "uploads").exists() and not (second / "cometa.sqlite3").exists()


def test_a_cut_archive_and_an_altered_database_are_refused(tmp_path, backed_up):
    archive, _before = backed_up
    cut = tmp_path / "cut.tar"
    cut.write_bytes(archive.read_bytes()[: archive.stat().st_size // 2])
    result = cometa(tmp_path, "restore", str(cut), "--yes", env=at(tmp_path / "x"))
    assert result.returncode == 1 and "manifest.json is missing" in result.stderr
    assert "cut short or damaged after its start" in result.stderr
    altered = tmp_path / "altered.tar"
    _rewritten(archive, altered, alter="database/cometa.sqlite3", drop="")
    result = cometa(tmp_path, "restore", str(altered), "--yes", env=at(tmp_path / "x"))
    assert result.returncode == 1 and "database/cometa.sqlite3" in result.stderr


def test_restore_without_yes_and_without_a_terminal_asks_for_yes(tmp_path, backed_up):
    archive, _before = backed_up
    result = cometa(tmp_path, "restore", str(archive), env=at(tmp_path / "second"))
    assert result.returncode == 1 and "pass --yes" in result.stderr
    assert "Traceback" not in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_an_old_database_only_backup_is_still_read(tmp_path):
    first = tmp_path / "first"
    ok(cometa(tmp_path, "migrate", "-v0", env=at(first)))
    ok(cometa(tmp_path, "org", "create", "Kept", "--kind", "funder", env=at(first)))
    old = tmp_path / "old.db"  # what `cometa backup` wrote before archives: the SQLite file
    old.write_bytes((first / "cometa.sqlite3").read_bytes())
    out = ok(cometa(tmp_path, "restore", str(old), "--yes", env=at(tmp_path / "second")))
    assert "database-only backup" in out
    assert "Kept" in ok(cometa(tmp_path, "org", "list", env=at(tmp_path / "second")))


@pytest.mark.postgres
@pytest.mark.skipif(
    not os.environ.get("COMETA_TEST_DATABASE_URL"), reason="PostgreSQL not given for this run"
)
def test_the_same_on_postgresql(tmp_path):
    import shutil

    if shutil.which("pg_dump") is None:
        pytest.skip("pg_dump is not installed (Debian package postgresql-client)")
    base = os.environ["COMETA_TEST_DATABASE_URL"]
    names = [f"cometa_archive_{os.getpid()}_{n}" for n in (1, 2)]
    with psycopg.connect(base, autocommit=True) as admin:
        for name in names:
            admin.execute(f"DROP DATABASE IF EXISTS {name}")
            admin.execute(f"CREATE DATABASE {name}")
    try:
        first, second = (base.rsplit("/", 1)[0] + f"/{name}" for name in names)
        archive, before = made_and_backed_up(tmp_path, {"DATABASE_URL": first})
        restored_on_a_new_machine(tmp_path, archive, before, {"DATABASE_URL": second})
    finally:
        with psycopg.connect(base, autocommit=True) as admin:
            for name in names:
                admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
