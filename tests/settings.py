"""Test settings: production posture (secure cookies, HSTS, SSL redirect), with a test
secret, a throw-away data directory and mail kept in memory.

The database is SQLite unless COMETA_TEST_DATABASE_URL names a PostgreSQL server.
"""

import os
import tempfile
from pathlib import Path

#: The data directory this process made, if it made one: pytest's main process makes it and
#: removes it when the run ends (tests/conftest.py); the xdist workers it starts inherit
#: COMETA_DATA_DIR, share that directory and leave it alone.
MADE_DATA_DIR: Path | None = None
if "COMETA_DATA_DIR" not in os.environ:
    MADE_DATA_DIR = Path(tempfile.mkdtemp(prefix="cometa-test-"))
    os.environ["COMETA_DATA_DIR"] = str(MADE_DATA_DIR)

os.environ.setdefault("COMETA_SECRET_KEY", "test-secret-key-" + "x" * 48)
os.environ.setdefault("COMETA_ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("COMETA_EMAIL_URL", "locmem://")
os.environ.pop("COMETA_DEMO", None)
os.environ.pop("COMETA_DEBUG", None)
if os.environ.get("COMETA_TEST_DATABASE_URL"):
    os.environ["DATABASE_URL"] = os.environ["COMETA_TEST_DATABASE_URL"]
else:
    os.environ.pop("DATABASE_URL", None)

from cometa.settings import *  # noqa: E402, F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]  # speed only
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
