"""Writing rows that a unique constraint keeps single, shared by the modules' services."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from django.db import IntegrityError, transaction

from cometa.core.errors import ValidationFailed


@contextmanager
def written_once(field: str, message: str) -> Iterator[None]:
    """One transaction whose rows a unique constraint keeps single: hitting it is the
    person's error on ``field`` (a second site of one name, a second outcome of one code),
    and nothing of the transaction is written."""
    try:
        with transaction.atomic():
            yield
    except IntegrityError:
        raise ValidationFailed({field: [message]}) from None
