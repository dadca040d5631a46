"""The manifest of a backup archive (``manifest.json``): what the archive must hold.

Format 1::

    {"format": 1, "cometa": "0.1.0", "created": "2026-11-21T09:00:00+00:00",
     "database": {"engine": "sqlite", "path": "database/cometa.sqlite3",
                  "size": 123, "sha256": "..."},
     "migrations": {"accounts": ["0001_initial", ...], ...},
     "files": [{"path": "evidence/3f...", "size": 456, "sha256": "..."}, ...]}

``files`` paths are names in the file storage; in the archive they sit under ``files/``.
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import PurePosixPath
from typing import Any

from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = 1
MANIFEST = "manifest.json"
DATABASE = "database/"
FILES = "files/"
SHOWN = 5  # names listed before "and N more"


class ManifestError(Exception):
    pass


@dataclass(frozen=True)
class Entry:
    path: str
    size: int
    sha256: str


def cometa_version() -> str:
    try:
        return metadata.version("cometa")
    except metadata.PackageNotFoundError:
        return "unknown"


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app, name in sorted(MigrationRecorder(connections["default"]).applied_migrations()):
        applied.setdefault(app, []).append(name)
    return applied


def make_manifest(database: Entry, files: list[Entry]) -> dict[str, Any]:
    engine = "sqlite" if database.path.endswith(".sqlite3") else "postgresql"
    return {
        "format": FORMAT,
        "cometa": cometa_version(),
        "created": timezone.now().isoformat(),
        "database": {"engine": engine, **asdict(database)},
        "migrations": applied_migrations(),
        "files": [asdict(entry) for entry in files],
    }


def read_manifest(data: bytes) -> tuple[dict[str, Any], Entry, list[Entry]]:
    """The manifest, its database entry and its file entries; ManifestError names what is
    wrong with it."""
    try:
        manifest = _json_object(data)
        if manifest.get("format") != FORMAT:
            raise ManifestError(
                f"{MANIFEST} has format {manifest.get('format')!r}; this Cometa reads {FORMAT}"
            )
        database = _entry(manifest["database"])
        files = [_entry(item) for item in manifest["files"]]
        unknown = _unknown_migrations(manifest["migrations"])
    except (KeyError, TypeError, ValueError) as error:
        raise ManifestError(f"{MANIFEST} is not a Cometa manifest ({error})") from None
    for entry in [database, *files]:
        path = PurePosixPath(entry.path)
        if path.is_absolute() or ".." in path.parts or not entry.path.strip():
            raise ManifestError(f"{MANIFEST} names an unsafe path: {entry.path!r}")
    if unknown:
        raise ManifestError(
            f"the backup was made by a newer Cometa ({manifest.get('cometa')}, this is "
            f"{cometa_version()}): this version lacks the migrations {_listed(unknown)}"
        )
    return manifest, database, files


def _json_object(data: bytes) -> dict[str, Any]:
    manifest = json.loads(data.decode("utf-8"))
    if not isinstance(manifest, dict):
        raise ValueError("not a JSON object")
    return manifest


def _entry(item: dict[str, Any]) -> Entry:
    entry = Entry(str(item["path"]), int(item["size"]), str(item["sha256"]))
    if len(entry.sha256) != 64 or entry.size < 0:
        raise ValueError(f"bad size or digest for {entry.path}")
    return entry


def _unknown_migrations(migrations: dict[str, list[str]]) -> list[str]:
    known = set(MigrationLoader(None, ignore_no_migrations=True).disk_migrations)
    return [
        f"{app}.{name}"
        for app, names in sorted(migrations.items())
        for name in names
        if (app, name) not in known
    ]


def compare(database: Entry, files: list[Entry], seen: dict[str, Entry]) -> list[str]:
    """Every difference between the manifest and the members read, by name."""
    expected = {database.path: database} | {
        FILES + e.path: Entry(FILES + e.path, e.size, e.sha256) for e in files
    }
    problems = [f"missing from the archive: {name}" for name in expected if name not in seen]
    problems += [
        f"altered (size or SHA-256 differs from the manifest): {name}"
        for name in expected
        if name in seen and seen[name] != expected[name]
    ]
    problems += [f"not in the manifest: {name}" for name in seen if name not in expected]
    return problems


def _listed(names: list[str]) -> str:
    shown = ", ".join(names[:SHOWN])
    return shown if len(names) <= SHOWN else f"{shown} and {len(names) - SHOWN} more"
