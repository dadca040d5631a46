"""Stored files (evidence today, job results next) behind Django's storage API.

A local folder (``COMETA_MEDIA_DIR``) by default; S3-compatible object storage through
django-storages when ``COMETA_STORAGE_URL=s3://...`` is set, so that several web machines
see the same files. Code that keeps a file names it relative to the storage
(``evidence/<random hex>``) and never builds a path on disk: that is what lets backups,
restores and a second machine work alike on both.

Owns: the storage configuration and the few file operations the platform needs (save,
open with its digest checked, delete, list). Must not import any module (scorecards,
results, network): modules call it.
"""

from __future__ import annotations

import hashlib
import importlib.util
import io
import re
import tempfile
from collections.abc import Callable, Iterator
from typing import IO, Any
from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import File
from django.core.files.storage import Storage, default_storage

CHUNK = 1024 * 1024
SPOOL_BYTES = 2 * 1024 * 1024  # a download larger than this waits in a temporary file
S3_QUERY_KEYS = {"endpoint", "region", "addressing"}
BUCKET = re.compile(r"^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$")
LOCAL_BACKEND = "django.core.files.storage.FileSystemStorage"
# the folder is MEDIA_ROOT (COMETA_MEDIA_DIR); files readable by the server's user only
LOCAL_OPTIONS = {"file_permissions_mode": 0o600, "directory_permissions_mode": 0o700}


class StoredFileMissing(Exception):
    """The storage has no file under this name."""


class StoredFileAltered(Exception):
    """The stored bytes do not match the digest recorded when they were stored."""


def _importable(name: str) -> bool:
    return importlib.util.find_spec(name) is not None


def storage_settings(
    url: str,
    *,
    variable: str = "COMETA_STORAGE_URL",
    importable: Callable[[str], bool] = _importable,
) -> dict[str, Any]:
    """``STORAGES["default"]`` for an empty value (the local folder) or for
    ``s3://[KEY:SECRET@]bucket[/prefix]?endpoint=https://...&region=...&addressing=path``.

    Without a key and secret in the address, boto3 finds credentials itself
    (``AWS_ACCESS_KEY_ID``/``AWS_SECRET_ACCESS_KEY``, a profile or the machine's role)."""
    if not url:
        return {"BACKEND": LOCAL_BACKEND, "OPTIONS": dict(LOCAL_OPTIONS)}
    parts = urlsplit(url)
    shown = _without_secret(url)
    if parts.scheme != "s3":
        raise ImproperlyConfigured(
            f"{variable} must start with s3:// (or be empty for the local folder "
            f"COMETA_MEDIA_DIR), not {shown!r}."
        )
    bucket = parts.netloc.rpartition("@")[2]
    if not BUCKET.match(bucket):
        raise ImproperlyConfigured(
            f"{variable} must name a bucket (3-63 lower-case letters, digits, dots or "
            f"hyphens) after s3://, not {bucket!r}."
        )
    options: dict[str, Any] = {
        "bucket_name": bucket,
        "location": parts.path.strip("/"),
        "file_overwrite": False,  # a name is never reused for other bytes
        "default_acl": None,  # the bucket's own policy: private
        **_credentials(parts.username, parts.password, variable),
        **_s3_query(parts.query, variable),
    }
    for library in ("storages", "boto3"):
        if not importable(library):
            raise ImproperlyConfigured(
                f"{variable} asks for S3 storage, but {library} is not installed: "
                "install Cometa with its s3 extra (pip install 'cometa[s3]')."
            )
    return {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options}


def _without_secret(url: str) -> str:
    parts = urlsplit(url)
    if parts.password is None:
        return url
    return parts._replace(netloc=f"{parts.username}:***@{parts.netloc.rpartition('@')[2]}").geturl()


def _credentials(user: str | None, password: str | None, variable: str) -> dict[str, str]:
    if not user and not password:
        return {}
    if not user or not password:
        raise ImproperlyConfigured(
            f"{variable} must give both the access key and the secret (s3://KEY:SECRET@bucket), "
            "or neither."
        )
    return {"access_key": unquote(user), "secret_key": unquote(password)}


def _s3_query(query: str, variable: str) -> dict[str, str]:
    values = parse_qs(query, keep_blank_values=True)
    unknown = sorted(set(values) - S3_QUERY_KEYS)
    if unknown:
        raise ImproperlyConfigured(
            f"{variable} has unknown settings {', '.join(unknown)}; "
            f"known: {', '.join(sorted(S3_QUERY_KEYS))}."
        )
    options: dict[str, str] = {}
    endpoint = values.get("endpoint", [""])[-1]
    if endpoint:
        host = urlsplit(endpoint)
        if host.scheme not in {"https", "http"} or not host.hostname:
            raise ImproperlyConfigured(
                f"{variable}: endpoint must be an address such as https://s3.example.org, "
                f"not {endpoint!r}."
            )
        options["endpoint_url"] = endpoint
    if values.get("region", [""])[-1]:
        options["region_name"] = values["region"][-1]
    addressing = values.get("addressing", [""])[-1]
    if addressing:
        if addressing not in {"path", "virtual", "auto"}:
            raise ImproperlyConfigured(
                f"{variable}: addressing must be path, virtual or auto, not {addressing!r}."
            )
        options["addressing_style"] = addressing
    return options


# --- operations -----------------------------------------------------------------------------


def save(name: str, content: IO[bytes], *, storage: Storage | None = None) -> str:
    """Stores the bytes under exactly this name (replacing what was there)."""
    store = storage or default_storage
    if store.exists(name):
        store.delete(name)
    saved = store.save(name, File(content, name=name))
    if saved != name:  # the storage chose another name: nothing may point to it
        store.delete(saved)
        raise OSError(f"The file storage kept {name} as {saved}.")
    return saved


def delete(name: str, *, storage: Storage | None = None) -> None:
    (storage or default_storage).delete(name)


def names(*, storage: Storage | None = None, folder: str = "") -> Iterator[str]:
    """Every stored file's name, folder by folder, in a stable order."""
    store = storage or default_storage
    try:
        folders, files = store.listdir(folder)
    except FileNotFoundError:  # a local storage nothing was ever written to
        return
    for file in sorted(files):
        yield f"{folder}/{file}" if folder else file
    for sub in sorted(folders):
        yield from names(storage=store, folder=f"{folder}/{sub}" if folder else sub)


class HashingReader:
    """Reads through a stream (as ``read()`` callers such as tarfile and shutil do) and keeps
    the size and SHA-256 of what went by."""

    def __init__(self, stream: IO[bytes]) -> None:
        self.stream, self.sha, self.size = stream, hashlib.sha256(), 0

    def read(self, size: int = -1) -> bytes:
        chunk = self.stream.read(size)
        self.sha.update(chunk)
        self.size += len(chunk)
        return chunk

    def hexdigest(self) -> str:
        return self.sha.hexdigest()


def digest_of(stream: IO[bytes]) -> tuple[int, str]:
    """Size and SHA-256 of what is left in the stream, read piece by piece."""
    reader = HashingReader(stream)
    while reader.read(CHUNK):
        pass
    return reader.size, reader.hexdigest()


def open_checked(name: str, sha256: str, *, storage: Storage | None = None) -> IO[bytes]:
    """The stored file, read once from the storage into a copy (in memory while small, then
    a temporary file) while its SHA-256 is computed, and handed back only if it matches
    ``sha256``. A file is never served before its digest is known: a download cut short by
    a mismatch would still have given out altered bytes."""
    store = storage or default_storage
    copy: IO[bytes] = io.BytesIO()
    try:
        with store.open(name, "rb") as source:
            reader = HashingReader(source)
            while chunk := reader.read(CHUNK):
                copy = _rolled_over(copy)
                copy.write(chunk)
    except FileNotFoundError:
        raise StoredFileMissing(name) from None
    except BaseException:
        copy.close()
        raise
    if sha256 and reader.hexdigest() != sha256:
        copy.close()
        raise StoredFileAltered(name)
    copy.seek(0)
    return copy


def _rolled_over(copy: IO[bytes]) -> IO[bytes]:
    if not isinstance(copy, io.BytesIO) or copy.tell() < SPOOL_BYTES:
        return copy
    on_disk = tempfile.TemporaryFile()  # noqa: SIM115  # handed back to the caller
    on_disk.write(copy.getbuffer())
    return on_disk
