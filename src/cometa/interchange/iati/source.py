"""Opening a file for reading without trusting it: a size limit on the bytes read, and the
parser options that keep libxml2 from expanding entities, reading a DTD or touching the
network. A file that declares a DTD at all is refused (``has_dtd``): IATI files need none,
and refusing it is simpler to trust than expanding it carefully."""

from __future__ import annotations

import io
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from lxml import etree

DEFAULT_LIMIT = 200 * 1024 * 1024  # bytes; the IATI Registry's own limit is far smaller

Source = str | os.PathLike[str] | IO[bytes] | bytes

# One place for the options: entities stay references, no DTD is loaded or validated, no
# network, libxml2's limits on depth and text size stay on (no huge_tree), and comments and
# processing instructions (not data) are not built.
SAFE = {
    "resolve_entities": False,
    "no_network": True,
    "load_dtd": False,
    "dtd_validation": False,
    "huge_tree": False,
    "remove_comments": True,
    "remove_pis": True,
}


class TooLarge(Exception):
    """The source has more bytes than the limit allows."""


class Forbidden(Exception):
    """The file declares a DTD."""


_DOCTYPE = re.compile(rb"<!DOCTYPE", re.IGNORECASE)
_ELEMENT = re.compile(rb"<[A-Za-z_:]")


def declares_dtd(start: bytes) -> bool:
    """Whether a document type declaration comes before the first element in ``start``
    (the beginning of a UTF-8 or ASCII file). libxml2's own check (``has_dtd``) stays as
    the second line for other encodings; this one refuses before libxml2 reads the DTD."""
    doctype = _DOCTYPE.search(start)
    element = _ELEMENT.search(start)
    return doctype is not None and (element is None or doctype.start() < element.start())


class LimitedReader:
    """A binary stream that raises ``TooLarge`` once more than ``limit`` bytes were read,
    and ``Forbidden`` if its first chunk declares a DTD."""

    def __init__(self, stream: IO[bytes], limit: int) -> None:
        self._stream = stream
        self._limit = limit
        self.consumed = 0

    def read(self, size: int = -1) -> bytes:
        if size is None or size < 0:
            size = self._limit + 1 - self.consumed
        chunk = self._stream.read(min(size, self._limit + 1 - self.consumed))
        if not self.consumed and declares_dtd(chunk):
            raise Forbidden()
        self.consumed += len(chunk)
        if self.consumed > self._limit:
            raise TooLarge(self._limit)
        return chunk


def size_of(source: Source) -> int | None:
    if isinstance(source, bytes):
        return len(source)
    if isinstance(source, str | os.PathLike):
        return Path(source).stat().st_size
    return None


@contextmanager
def limited(source: Source, limit: int) -> Iterator[LimitedReader]:
    """The source as a ``LimitedReader``; a path is opened here and closed afterwards. A
    file known to be too large is refused before a byte of it is parsed."""
    size = size_of(source)
    if size is not None and size > limit:
        raise TooLarge(limit)
    if isinstance(source, bytes):
        yield LimitedReader(io.BytesIO(source), limit)
    elif isinstance(source, str | os.PathLike):
        with open(source, "rb") as stream:
            yield LimitedReader(stream, limit)
    else:
        yield LimitedReader(source, limit)


def iterparse(stream: LimitedReader, tags: tuple[str, ...]) -> Any:
    """lxml's iterparse with the safe options, reporting the start and end of ``tags``."""
    return etree.iterparse(stream, events=("start", "end"), tag=tags, **SAFE)


def safe_parser() -> etree.XMLParser:
    return etree.XMLParser(**SAFE)


def has_dtd(element: Any) -> bool:
    info = element.getroottree().docinfo
    return info.internalDTD is not None or info.externalDTD is not None or bool(info.system_url)
