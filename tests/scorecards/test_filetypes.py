"""What an uploaded file really is, by its content: a header alone no longer passes (a PDF
must parse, an office file must hold its main part and not expand past a sane size), and
the name it is kept and sent back under ends with the extension of what it is."""

from __future__ import annotations

import io
import zipfile

import pytest
from reportlab.pdfgen import canvas

from cometa.scorecards.records import filetypes
from cometa.scorecards.records.filetypes import Refused


def real_pdf() -> bytes:
    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.drawString(72, 720, "Minutes of the Gender Theme Group")
    page.save()
    return out.getvalue()


def office(main: str, extra: dict[str, bytes] | None = None, *, level: int = 6) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(main, "<document/>")
        for name, data in (extra or {}).items():
            archive.writestr(name, data)
    return out.getvalue()


PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 30
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 30
WORD = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.mark.parametrize(
    ("data", "content_type", "extension"),
    [
        (real_pdf(), "application/pdf", ".pdf"),
        (PNG, "image/png", ".png"),
        (JPEG, "image/jpeg", ".jpg"),
        (office("word/document.xml"), WORD, ".docx"),
        (
            office("xl/workbook.xml"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            ".xlsx",
        ),
        (
            office("ppt/presentation.xml"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation",
            ".pptx",
        ),
        (b"Meeting notes\n", "text/plain", ".txt"),
        (b"<html><script>alert(1)</script></html>", "text/plain", ".txt"),
    ],
)
def test_each_allowed_kind_is_known_with_its_extension(data, content_type, extension):
    kind = filetypes.detect(data)
    assert (kind.content_type, kind.extension) == (content_type, extension)


@pytest.mark.parametrize(
    ("uploaded", "kind", "kept"),
    [
        ("evil.html", "text/plain", "evil.txt"),
        ("drawing.svg", "text/plain", "drawing.txt"),
        ("page.pdf", "text/plain", "page.txt"),
        ("report.PDF", "application/pdf", "report.pdf"),
        ("notes", "text/plain", "notes.txt"),
        (".htaccess", "text/plain", "htaccess.txt"),
        ("../../etc/x.html", "text/plain", "x.txt"),
        ("", "image/png", "evidence.png"),
        ("budget.xlsx", WORD, "budget.docx"),
    ],
)
def test_the_name_kept_ends_with_the_extension_of_what_the_file_is(uploaded, kind, kept):
    assert filetypes.safe_name(uploaded, kind) == kept


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.4\n<html><body><script>alert(document.cookie)</script></body></html>\n",
        b"%PDF-1.7\n%%EOF\n",
        real_pdf()[:200],
    ],
    ids=["html-after-a-pdf-header", "header-only", "truncated"],
)
def test_a_pdf_header_without_a_pdf_is_refused(data):
    with pytest.raises(Refused):
        filetypes.detect(data)


def test_a_zip_with_only_the_names_of_an_office_file_is_refused():
    with pytest.raises(Refused):
        filetypes.detect(office("word/readme.txt"))


def test_an_office_file_that_expands_past_the_limit_is_refused():
    zeros = office("word/document.xml", {"word/media/zeros.bin": b"\x00" * (30 * 1024 * 1024)})
    assert len(zeros) < 100 * 1024  # a few kilobytes that would unpack to 30 MB
    with pytest.raises(Refused, match="expand"):
        filetypes.detect(zeros)


def test_an_office_file_whose_members_add_up_past_the_total_is_refused(monkeypatch):
    monkeypatch.setattr(filetypes, "OFFICE_MAX_UNPACKED_BYTES", 10_000)
    noise = bytes(range(256)) * 50  # hardly compressible: the ratio is fine, the total not
    with pytest.raises(Refused, match="expand"):
        filetypes.detect(office("word/document.xml", {"word/media/a.bin": noise}, level=0))


@pytest.mark.parametrize("data", [b"\x00\x01binary", b"\xff\xfe not utf-8", b"PK\x03\x04junk"])
def test_anything_else_is_refused(data):
    with pytest.raises(Refused):
        filetypes.detect(data)
