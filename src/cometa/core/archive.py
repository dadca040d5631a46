"""One backup archive: the database dump, every stored file and a manifest of digests.

The archive is a plain POSIX tar (PAX headers), for three reasons: it is written and
read front to back, so neither side needs the whole archive in memory or a seekable
file; any Unix machine lists and unpacks it with ``tar`` alone if Cometa is not at hand;
and it has no size limits for large files. It is not compressed: evidence (PDF, Office,
images) and pg_dump's custom format are compressed already; ``gzip`` the archive if
wanted, :func:`check_archive` reads it compressed too.

Members, in this order: ``database/cometa.sqlite3`` (or ``.pgdump``), ``files/<name in
the storage>`` for each stored file, and ``manifest.json`` last (it lists the digests
of what came before it). A restore reads the whole archive once and compares every
member with the manifest before it changes anything (:func:`check_archive`), then puts
the files back and replaces the database (:func:`restore_archive`).
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import tempfile
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import IO, Any

from django.conf import settings
from django.core.files.storage import default_storage

from cometa.core import backup, storage
from cometa.core.archive_manifest import (
    DATABASE,
    FILES,
    MANIFEST,
    Entry,
    ManifestError,
    compare,
    make_manifest,
    read_manifest,
)
from cometa.core.backup import BackupError

Report = Callable[[str, int, int], None]  # phase ("database", "files", "check"), done, total
MANIFEST_LIMIT = 64 * 1024 * 1024


class ArchiveDamaged(BackupError):
    def __init__(self, source: Path, problems: list[str]) -> None:
        shown = "\n".join(f"  - {problem}" for problem in problems)
        super().__init__(f"{source} cannot be restored; nothing was changed:\n{shown}")
        self.problems = problems


@dataclass
class Checked:
    """An archive whose every member matched its manifest (or an old database-only dump)."""

    source: Path
    database: Entry | None = None
    files: list[Entry] = field(default_factory=list)
    manifest: dict[str, Any] = field(default_factory=dict)

    @property
    def database_only(self) -> bool:
        return self.database is None


def _entry(path: str, reader: storage.HashingReader) -> Entry:
    return Entry(path, reader.size, reader.hexdigest())


def _noop(phase: str, done: int, total: int) -> None:
    return None


# --- writing --------------------------------------------------------------------------------


def write_archive(target: Path, *, progress: Report | None = None) -> Path:
    """The database (consistent, taken while serving), then every stored file."""
    report = progress or _noop
    target = target.expanduser().resolve()
    if target.exists():
        raise BackupError(f"{target} exists already; choose a new file name.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(f".{target.name}.partial")
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".cometa-backup-") as scratch:
        dump = backup.dump_database(
            Path(scratch) / f"cometa{backup.dump_suffix()}",
            progress=lambda done, total: report("database", done, total),
        )
        try:
            with tarfile.open(partial, "w", format=tarfile.PAX_FORMAT) as tar:
                with dump.open("rb") as stream:
                    database = _add(tar, DATABASE + dump.name, stream, dump.stat().st_size)
                files = _add_stored_files(tar, report)
                data = json.dumps(make_manifest(database, files), indent=1).encode()
                _add(tar, MANIFEST, io.BytesIO(data), len(data))
        except BaseException:
            partial.unlink(missing_ok=True)
            raise
    partial.chmod(0o600)
    partial.rename(target)
    return target


def _add_stored_files(tar: tarfile.TarFile, report: Report) -> list[Entry]:
    names = list(storage.names())
    entries = []
    for done, name in enumerate(names, 1):
        with default_storage.open(name, "rb") as stream:  # its size comes with it
            entries.append(_add(tar, FILES + name, stream, stream.size))
        report("files", done, len(names))
    return [Entry(e.path.removeprefix(FILES), e.size, e.sha256) for e in entries]


def _add(tar: tarfile.TarFile, name: str, stream: IO[bytes], size: int) -> Entry:
    info = tarfile.TarInfo(name)
    info.size, info.mode, info.mtime = size, 0o600, time.time()
    reader = storage.HashingReader(stream)
    tar.addfile(info, reader)  # tarfile only calls read()
    return _entry(name, reader)


# --- checking -------------------------------------------------------------------------------


def check_archive(source: Path, *, progress: Report | None = None) -> Checked:
    """Reads every member, compares it with the manifest and refuses the archive, naming
    each missing, altered or unexpected member, before anything is changed."""
    source = source.expanduser().resolve()
    if not source.is_file():
        raise BackupError(f"{source} is not a file.")
    if backup.dump_kind(source) is not None:  # a database-only backup of earlier versions
        backup.check_dump(source)
        return Checked(source)
    seen, manifest_data, problems = _read_members(source, progress or _noop)
    if manifest_data is None:
        raise ArchiveDamaged(source, [*problems, f"{MANIFEST} is missing: not a Cometa backup"])
    try:
        manifest, database, files = read_manifest(manifest_data)
    except ManifestError as error:
        raise ArchiveDamaged(source, [*problems, str(error)]) from None
    problems += compare(database, files, seen)
    if problems:
        raise ArchiveDamaged(source, problems)
    return Checked(source, database, files, manifest)


def _read_members(source: Path, report: Report) -> tuple[dict[str, Entry], bytes | None, list[str]]:
    seen: dict[str, Entry] = {}
    manifest: bytes | None = None
    problems: list[str] = []
    try:
        tar = tarfile.open(source, "r:*")  # noqa: SIM115  # closed below
    except (tarfile.TarError, EOFError, OSError):
        raise BackupError(
            f"{source} is not a Cometa backup archive (tar), nor a database backup of an "
            "earlier version."
        ) from None
    last = "its start"
    try:
        for member in tar:
            stream = tar.extractfile(member) if member.isfile() else None
            if stream is None:
                problems.append(f"not a plain file: {member.name}")
            elif member.name == MANIFEST:
                manifest = stream.read(MANIFEST_LIMIT)
            else:
                size, sha = storage.digest_of(stream)
                seen[member.name] = Entry(member.name, size, sha)
                report("check", len(seen), 0)
            last = member.name
    except (tarfile.TarError, EOFError, OSError, zlib.error) as error:
        problems.append(f"the archive is cut short or damaged after {last} ({error})")
    finally:
        tar.close()
    return seen, manifest, problems


# --- restoring ------------------------------------------------------------------------------


@dataclass(frozen=True)
class Restored:
    files: int
    left_in_place: int  # stored files the archive does not have; kept, not deleted
    database_only: bool


def restore_archive(checked: Checked, *, progress: Report | None = None) -> Restored:
    """Puts the checked archive's files back into the storage, then replaces the database.
    Files go first: should the storage fail half-way, the database is still the old one."""
    report = progress or _noop
    if checked.database is None:
        backup.load_database(
            checked.source, progress=lambda done, total: report("database", done, total)
        )
        return Restored(0, 0, database_only=True)
    wanted = {FILES + entry.path: entry for entry in checked.files}
    before = set(storage.names())
    with tempfile.TemporaryDirectory(dir=settings.DATA_DIR, prefix=".cometa-restore-") as scratch:
        dump = Path(scratch) / PurePosixPath(checked.database.path).name
        done = 0
        with tarfile.open(checked.source, "r:*") as tar:
            for member in tar:
                stream = tar.extractfile(member)
                if member.name == checked.database.path and stream is not None:
                    _extract(stream, dump, checked.database)
                    backup.check_dump(dump)
                elif member.name in wanted and stream is not None:
                    _put_back(stream, Path(scratch) / "file", wanted[member.name])
                    done += 1
                    report("files", done, len(wanted))
        backup.load_database(dump, progress=lambda done, total: report("database", done, total))
    return Restored(len(wanted), len(before - {e.path for e in checked.files}), False)


def _extract(stream: IO[bytes], target: Path, expected: Entry) -> None:
    """Copies a member out, refusing it if it is not what the check saw."""
    reader = storage.HashingReader(stream)
    with target.open("wb") as out:
        shutil.copyfileobj(reader, out, storage.CHUNK)
    if _entry(expected.path, reader) != expected:
        target.unlink()
        raise BackupError(f"{expected.path} changed since the archive was checked.")


def _put_back(stream: IO[bytes], scratch: Path, expected: Entry) -> None:
    _extract(stream, scratch, expected)
    with scratch.open("rb") as copy:
        storage.save(expected.path, copy)
    scratch.unlink()
