"""The file storage: its configuration from COMETA_STORAGE_URL (parsed without a network)
and the operations the platform uses on it."""

from __future__ import annotations

import hashlib
import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.storage import FileSystemStorage

from cometa.core import storage
from cometa.core.storage import storage_settings


def everything_installed(name: str) -> bool:
    return True


def test_no_address_means_the_local_folder():
    config = storage_settings("")
    assert config["BACKEND"] == "django.core.files.storage.FileSystemStorage"
    assert "location" not in config["OPTIONS"]  # MEDIA_ROOT, that is COMETA_MEDIA_DIR
    assert config["OPTIONS"]["file_permissions_mode"] == 0o600


def test_an_s3_address_gives_the_django_storages_options():
    config = storage_settings(
        "s3://AKIA%2BKEY:se%2Fcret@evidence-bucket/cometa/prod"
        "?endpoint=https://s3.example.org&region=eu-central-1&addressing=path",
        importable=everything_installed,
    )
    assert config == {
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": "evidence-bucket",
            "location": "cometa/prod",
            "file_overwrite": False,
            "default_acl": None,
            "access_key": "AKIA+KEY",
            "secret_key": "se/cret",
            "endpoint_url": "https://s3.example.org",
            "region_name": "eu-central-1",
            "addressing_style": "path",
        },
    }


def test_without_a_key_boto3_finds_the_credentials_itself():
    options = storage_settings("s3://bucket", importable=everything_installed)["OPTIONS"]
    assert "access_key" not in options and options["location"] == ""


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("ftp://bucket", "must start with s3://"),
        ("s3://", "must name a bucket"),
        ("s3://Bad_Bucket", "must name a bucket"),
        ("s3://bucket?endpont=https://x.org", "unknown settings endpont"),
        ("s3://bucket?endpoint=s3.example.org", "endpoint must be an address"),
        ("s3://bucket?addressing=sideways", "addressing must be path, virtual or auto"),
        ("s3://KEY@bucket", "both the access key and the secret"),
    ],
)
def test_a_wrong_address_names_the_variable(url, message):
    with pytest.raises(ImproperlyConfigured) as error:
        storage_settings(url, importable=everything_installed)
    assert str(error.value).startswith("COMETA_STORAGE_URL") and message in str(error.value)


def test_a_wrong_address_does_not_show_the_secret():
    with pytest.raises(ImproperlyConfigured) as error:
        storage_settings("gs://KEY:topsecret@bucket", importable=everything_installed)
    assert "topsecret" not in str(error.value) and "KEY:***@bucket" in str(error.value)


def test_s3_without_the_extra_says_how_to_install_it():
    with pytest.raises(ImproperlyConfigured) as error:
        storage_settings("s3://bucket", importable=lambda name: name != "storages")
    assert "pip install 'cometa[s3]'" in str(error.value)
    assert str(error.value).startswith("COMETA_STORAGE_URL")


def test_the_settings_read_the_variable_at_start(tmp_path):
    import subprocess
    import sys

    env = {"COMETA_DEBUG": "1", "COMETA_DATA_DIR": str(tmp_path), "PATH": ""}
    env |= {"COMETA_STORAGE_URL": "s3://Not A Bucket", "PYTHONPATH": ":".join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-m", "cometa.cli", "check"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 2 and "COMETA_STORAGE_URL must name a bucket" in result.stderr


def test_files_are_saved_listed_checked_and_deleted(tmp_path):
    store = FileSystemStorage(location=tmp_path)
    data = b"evidence bytes\n" * 1000
    digest = hashlib.sha256(data).hexdigest()
    storage.save("evidence/a", io.BytesIO(b"the bytes before"), storage=store)
    storage.save("jobs/2026/b", io.BytesIO(b"b"), storage=store)
    storage.save("evidence/a", io.BytesIO(data), storage=store)  # same name: replaced
    assert list(storage.names(storage=store)) == ["evidence/a", "jobs/2026/b"]
    with storage.open_checked("evidence/a", digest, storage=store) as stored:
        assert stored.read() == data
    (tmp_path / "evidence" / "a").write_bytes(data[:-1] + b"!")
    with pytest.raises(storage.StoredFileAltered):
        storage.open_checked("evidence/a", digest, storage=store)
    storage.delete("evidence/a", storage=store)
    with pytest.raises(storage.StoredFileMissing):
        storage.open_checked("evidence/a", digest, storage=store)


def test_the_digest_is_of_what_is_left_in_the_stream():
    data = b"0123456789" * 300_000  # several pieces of CHUNK
    stream = io.BytesIO(b"head" + data)
    stream.read(4)
    assert storage.digest_of(stream) == (len(data), hashlib.sha256(data).hexdigest())


def test_a_large_file_waits_on_disk_not_in_memory(tmp_path, monkeypatch):
    monkeypatch.setattr(storage, "SPOOL_BYTES", 1024)
    monkeypatch.setattr(storage, "CHUNK", 512)
    store = FileSystemStorage(location=tmp_path)
    data = bytes(range(256)) * 20
    storage.save("big", io.BytesIO(data), storage=store)
    with storage.open_checked("big", hashlib.sha256(data).hexdigest(), storage=store) as copy:
        assert not isinstance(copy, io.BytesIO) and copy.read() == data


def test_an_empty_local_storage_lists_nothing(tmp_path):
    assert list(storage.names(storage=FileSystemStorage(location=tmp_path / "none"))) == []
