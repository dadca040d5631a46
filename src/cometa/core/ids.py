"""Identifiers of rows, as they arrive in addresses, filters, bodies and commands.

A primary key is a signed 64-bit integer in SQLite and PostgreSQL. Python's ``int`` has no
limit, and SQLite's driver answers a larger one with ``OverflowError`` (a 500), so every
place that reads an id from outside goes through here: addresses with the ``id`` path
converter (no match: 404), filters and bodies with :func:`parse_id` or the API's
``IdField`` (400 naming the field), commands with :func:`parse_id` as well.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from cometa.core.errors import ValidationFailed

MAX_ID = 2**63 - 1


def parse_id(value: Any, *, field: str) -> int:
    """``value`` (text or a number) as an id from 1 to ``MAX_ID``; anything else is
    refused with a message under ``field``."""
    text = "" if isinstance(value, bool) or not isinstance(value, str | int) else str(value)
    text = text.strip()
    if not (text.isascii() and text.isdigit()) or int(text) < 1:
        raise ValidationFailed({field: [_("An identifier is a whole number from 1.")]})
    if int(text) > MAX_ID:
        message = _("No identifier is larger than %(max)s.") % {"max": MAX_ID}
        raise ValidationFailed({field: [message]})
    return int(text)


class IdConverter:
    """The ``<id:name>`` path converter: digits, up to ``MAX_ID``; a larger number does
    not match the route (404) instead of reaching the database."""

    regex = "[0-9]+"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is larger than any identifier")
        return number

    def to_url(self, value: int) -> str:
        return str(value)


class YearConverter:
    """The ``<year:name>`` path converter: four digits, so that no year reaches the
    database as a number it cannot hold."""

    regex = "[0-9]{4}"

    def to_python(self, value: str) -> int:
        return int(value)

    def to_url(self, value: int) -> str:
        return f"{value:04d}"
