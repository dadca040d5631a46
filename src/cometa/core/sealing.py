"""Secrets sealed at rest: values that would let someone act as a person (the TOTP seed of
a second factor) are stored encrypted, so a copy of the database or of a backup alone does
not give them away.

The key is derived from SECRET_KEY (HKDF-SHA256, its own purpose label), so sealing needs
no new setting; keys in SECRET_KEY_FALLBACKS still open what they sealed, and the next
save seals again with the current key. Fernet (AES-128-CBC with HMAC-SHA256) does the
sealing. A value stored before sealing existed is read as it is and sealed when saved.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings
from django.db import models

PURPOSE = b"cometa sealed field v1"
PREFIX = "sealed:"  # marks a sealed value; anything else is a value from before sealing


class SealError(Exception):
    """A sealed value that no known key opens (SECRET_KEY changed without a fallback)."""


def derive_key(secret: str) -> bytes:
    key = HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=PURPOSE).derive(
        secret.encode()
    )
    return base64.urlsafe_b64encode(key)


def _fernet(secrets: Sequence[str]) -> MultiFernet:
    return MultiFernet([Fernet(derive_key(secret)) for secret in secrets])


def _keys() -> list[str]:
    return [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]


def seal(value: str, secrets: Sequence[str] | None = None) -> str:
    if not value:
        return value
    return PREFIX + _fernet(secrets or _keys()).encrypt(value.encode()).decode()


def unseal(stored: str, secrets: Sequence[str] | None = None) -> str:
    if not stored.startswith(PREFIX):
        return stored
    try:
        return _fernet(secrets or _keys()).decrypt(stored.removeprefix(PREFIX).encode()).decode()
    except InvalidToken as error:
        raise SealError(
            "a sealed value cannot be opened with SECRET_KEY or SECRET_KEY_FALLBACKS: "
            "put the previous key in COMETA_SECRET_KEY_FALLBACKS"
        ) from error


class SealedCharField(models.CharField):
    """A text column whose value is sealed in the database and plain in Python."""

    def from_db_value(
        self, value: str | None, expression: object, connection: object
    ) -> str | None:
        return None if value is None else unseal(value)

    def get_prep_value(self, value: object) -> object:
        value = super().get_prep_value(value)
        return seal(value) if isinstance(value, str) and not value.startswith(PREFIX) else value
