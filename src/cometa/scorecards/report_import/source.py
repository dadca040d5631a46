"""A report's bytes, before they are parsed: no more than the limit is read, and text that
is not UTF-8 is refused naming the line and column of the first byte that is not.

The limit is ``settings.REPORT_IMPORT_MAX_BYTES`` (``COMETA_REPORT_IMPORT_MAX_MB``, or
``COMETA_UPLOAD_MAX_MB`` when that is lower): a
text report is a few hundred kilobytes, and parsing grows with its size, so the import
refuses a large file before reading it (a 50 MB text took 16 s and 311 MB of memory before
failing). The same checks serve the command line, the API and the page.
"""

from __future__ import annotations

from typing import IO

from django.conf import settings
from django.utils.translation import gettext as _

from cometa.core.errors import ValidationFailed

BOM = b"\xef\xbb\xbf"


def limit_bytes() -> int:
    """The largest report read: the import's own limit, or the limit of every upload when
    that is lower."""
    return int(min(settings.REPORT_IMPORT_MAX_BYTES, settings.UPLOAD_MAX_BYTES))


def _size_words(size: int) -> str:
    """A size for people: "2 MB", "1.5 MB", "512 KB"."""
    mb = size / (1024 * 1024)
    if mb >= 1:
        return f"{mb:g} MB" if mb == int(mb) else f"{mb:.1f} MB"
    kb = size / 1024
    return f"{kb:g} KB" if kb == int(kb) else f"{kb:.1f} KB"


def too_large(name: str) -> ValidationFailed:
    message = _("%(file)s is larger than the limit of %(limit)s for a report.") % {
        "file": name,
        "limit": _size_words(limit_bytes()),
    }
    return ValidationFailed({"file": [message]}, code="too_large")


def read_report(stream: IO[bytes], *, name: str, size: int | None = None) -> str:
    """The report's text, read from ``stream``: refused when ``size`` (if known) or what
    the stream holds is over the limit, without reading more than the limit and a byte."""
    limit = limit_bytes()
    if size is not None and size > limit:
        raise too_large(name)
    data = stream.read(limit + 1)
    if len(data) > limit:
        raise too_large(name)
    return decode_report(data, name=name)


def decode_report(data: bytes, *, name: str) -> str:
    """``data`` as UTF-8 text (a leading byte-order mark is dropped); refused naming the
    line and column of the first byte that is not UTF-8, or of a NUL byte."""
    body = data.removeprefix(BOM)
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _place(body, error.start)
        message = _(
            "%(file)s is not UTF-8 text: line %(line)s, column %(column)s (byte 0x%(byte)s). "
            "Save the report as plain text (UTF-8) and retry."
        ) % {
            "file": name,
            "line": line,
            "column": column,
            "byte": f"{body[error.start]:02X}",
        }
        raise ValidationFailed({"file": [message]}) from None
    if "\x00" in text:
        line, column = _place(body, body.index(b"\x00"))
        message = _("%(file)s is not a text file: line %(line)s, column %(column)s.") % {
            "file": name,
            "line": line,
            "column": column,
        }
        raise ValidationFailed({"file": [message]})
    return text


def _place(data: bytes, offset: int) -> tuple[int, int]:
    """(line, column) of the byte at ``offset``, both from 1; the column counts the
    characters before it on its line (everything before ``offset`` is valid UTF-8)."""
    start = data.rfind(b"\n", 0, offset) + 1
    return data.count(b"\n", 0, offset) + 1, len(data[start:offset].decode("utf-8")) + 1
