"""Reading an uploaded file: a workbook (XLSX) or a CSV file in UTF-8 (with or without
a byte-order mark) or Windows-1252, with a comma or a semicolon between cells.

The encoding is decided, not guessed: a file that decodes as UTF-8 is UTF-8 (UTF-8 is
self-checking: text written in Windows-1252 with accented letters is almost never valid
UTF-8), anything else is read as Windows-1252, which is what Excel on Windows writes for
"CSV" in Spanish. A statistical detector (charset-normalizer) would answer with a
probability for two candidates we can tell apart for certain.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import load_workbook

ZIP_MAGIC = b"PK\x03\x04"
BOM = b"\xef\xbb\xbf"
PIECE = 1 << 20


class Unreadable(Exception):
    """The file as a whole cannot be read (not a table, an undecodable text)."""


@dataclass(frozen=True)
class Table:
    """The header row and the data rows (each with its line number in the file, the
    header being line 1). ``encoding`` is what the reader decided (``xlsx`` for a
    workbook)."""

    header: list[str]
    rows: Iterator[tuple[int, list[Any]]]
    encoding: str
    estimate: int = 0  # about how many data rows (for progress), 0 if not known


def encoding_of(content: bytes) -> str:
    """``utf-8-sig``, ``utf-8`` or ``cp1252``: checked piece by piece, so a large file is
    not held twice in memory as text."""
    candidates = ["utf-8-sig"] if content.startswith(BOM) else ["utf-8", "cp1252"]
    for encoding in candidates:
        decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
        try:
            for start in range(0, len(content), PIECE):
                decoder.decode(content[start : start + PIECE])
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            continue
        return encoding
    raise Unreadable(_("The file is neither UTF-8 nor Windows-1252 text."))


def read_table(content: bytes, *, sheet: str = "") -> Table:
    """The table of a workbook (the sheet named ``sheet``, else the first) or a CSV file."""
    if content.startswith(ZIP_MAGIC):
        return _workbook(content, sheet)
    encoding = encoding_of(content)
    stream = io.TextIOWrapper(io.BytesIO(content), encoding=encoding, newline="")
    first = stream.readline()
    try:
        delimiter = csv.Sniffer().sniff(first, delimiters=",;\t").delimiter
    except csv.Error:
        delimiter = ","
    stream.seek(0)
    lines = csv.reader(stream, delimiter=delimiter)
    header = [cell.strip() for cell in next(lines, [])]
    numbered = ((number, row) for number, row in enumerate(lines, start=2) if any(row))
    return Table(header, numbered, encoding, estimate=max(content.count(b"\n") - 1, 0))


def _workbook(content: bytes, sheet: str) -> Table:
    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds for a damaged file
        raise Unreadable(_("The workbook cannot be opened.")) from None
    pages = book[sheet] if sheet in book.sheetnames else book.worksheets[0]
    values = pages.iter_rows(values_only=True)
    first = next(values, ())
    header = [str(cell).strip() if cell is not None else "" for cell in first]
    numbered = (
        (number, list(row))
        for number, row in enumerate(values, start=2)
        if any(cell not in (None, "") for cell in row)
    )
    return Table(header, numbered, "xlsx", estimate=max((pages.max_row or 1) - 1, 0))
