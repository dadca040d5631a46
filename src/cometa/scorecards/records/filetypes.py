"""What an uploaded evidence file really is, found from its content alone (never from its
name or the browser's content type), and the name it is kept and sent back under.

A header is not enough: a PDF must parse as one (pypdf) and have a page; an office file
must be a ZIP with its content-types part and its main part (``word/document.xml``...),
whose members do not expand past ``OFFICE_MAX_UNPACKED_BYTES`` nor ``OFFICE_MAX_RATIO``
times their packed size (a zip bomb). Anything else that is UTF-8 without NUL bytes is
plain text, whatever its name says: ``evil.html`` is kept and sent back as ``evil.txt``.
"""

from __future__ import annotations

import io
import logging
import re
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath, PureWindowsPath

from django.utils.translation import gettext as _
from pypdf import PdfReader

OFFICE_MAX_UNPACKED_BYTES = 200 * 1024 * 1024  # what all members of one file may expand to
OFFICE_MAX_RATIO = 100  # unpacked / packed; text-heavy documents stay far below
OFFICE_MAX_MEMBERS = 10_000

WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
EXCEL = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
POWERPOINT = "application/vnd.openxmlformats-officedocument.presentationml.presentation"
OFFICE_MAIN_PARTS = {
    "word/document.xml": WORD,
    "xl/workbook.xml": EXCEL,
    "ppt/presentation.xml": POWERPOINT,
}
EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/png": ".png",
    "image/jpeg": ".jpg",
    WORD: ".docx",
    EXCEL: ".xlsx",
    POWERPOINT: ".pptx",
    "text/plain": ".txt",
}


class Refused(Exception):
    """Not an allowed kind of file; the message says why, for the person who sent it."""


@dataclass(frozen=True)
class Kind:
    content_type: str

    @property
    def extension(self) -> str:
        return EXTENSIONS.get(self.content_type, ".bin")


def detect(data: bytes) -> Kind:
    """The kind ``data`` really is; ``Refused`` if it is none of the allowed ones, or only
    looks like one."""
    if data.startswith(b"%PDF-"):
        _check_pdf(data)
        return Kind("application/pdf")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Kind("image/png")
    if data.startswith(b"\xff\xd8\xff"):
        return Kind("image/jpeg")
    if data.startswith(b"PK\x03\x04"):
        return Kind(_office(data))
    if b"\x00" not in data:
        try:
            data.decode("utf-8")
        except UnicodeDecodeError:
            pass
        else:
            return Kind("text/plain")
    raise Refused(
        _(
            "It is not a PDF, Word, Excel, PowerPoint, PNG, JPEG or plain-text file "
            "(checked by its content)."
        )
    )


def _check_pdf(data: bytes) -> None:
    quiet = logging.getLogger("pypdf")
    level, quiet.level = quiet.level, logging.ERROR  # a damaged file is refused, not logged
    try:
        pages = len(PdfReader(io.BytesIO(data)).pages)
    except Exception:  # pypdf raises many kinds for a damaged file; each means "not a PDF"
        pages = 0
    finally:
        quiet.setLevel(level)
    if pages < 1:
        raise Refused(_("It starts like a PDF but is not one (it cannot be read as a PDF)."))


def _office(data: bytes) -> str:
    not_office = Refused(_("It is a ZIP archive, not a Word, Excel or PowerPoint file."))
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, ValueError):
        raise not_office from None
    names = {member.filename for member in members}
    kinds = [kind for part, kind in OFFICE_MAIN_PARTS.items() if part in names]
    if "[Content_Types].xml" not in names or len(kinds) != 1:
        raise not_office
    unpacked = sum(member.file_size for member in members)
    packed = sum(member.compress_size for member in members) or 1
    if (
        len(members) > OFFICE_MAX_MEMBERS
        or unpacked > OFFICE_MAX_UNPACKED_BYTES
        or unpacked > OFFICE_MAX_RATIO * max(packed, len(data))
    ):
        limit = OFFICE_MAX_UNPACKED_BYTES // (1024 * 1024)
        raise Refused(
            _(
                "Its parts would expand to %(size)s MB, more than an office file should "
                "(at most %(limit)s MB, and %(ratio)s times its size)."
            )
            % {"size": unpacked // (1024 * 1024), "limit": limit, "ratio": OFFICE_MAX_RATIO}
        )
    return kinds[0]


def safe_name(uploaded: str, content_type: str) -> str:
    """The name a file is kept and sent back under: the uploaded name without its folders
    and extension, and the extension of what the file is (``evil.html`` -> ``evil.txt``)."""
    base = PureWindowsPath(PurePosixPath(uploaded).name).name
    stem = re.sub(r"[\x00-\x1f\x7f\"\\/]", "", base).strip().lstrip(".")
    stem = stem.rsplit(".", 1)[0] if "." in stem else stem
    return f"{stem.strip()[:200] or 'evidence'}{Kind(content_type).extension}"
