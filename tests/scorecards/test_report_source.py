"""Reading a report before it is parsed: the size is limited before anything is read, and
text that is not UTF-8 is refused naming the line and column of the first bad byte
(attacker finding 10: a 50 MB file took 16 s and 311 MB before failing)."""

from __future__ import annotations

import io
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.test import override_settings

from cometa.core.errors import ValidationFailed
from cometa.scorecards.report_import import source
from tests.conftest import signed_in


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"\xff", 1, 1),
        (b"Ano \xf1o\n", 1, 5),
        (b"First\nSecond\nA\xc3\xb1o \xe9t\xe9\n", 3, 5),  # a character before counts once
        ("Отчёт\n".encode() + b"\xd0", 2, 1),  # cut in the middle of a character
        (b"\xef\xbb\xbfBOM first\r\nthen \x80", 2, 6),
    ],
)
def test_the_first_byte_that_is_not_utf8_is_named_by_line_and_column(data, line, column):
    with pytest.raises(ValidationFailed) as refused:
        source.decode_report(data, name="report.txt")
    message = refused.value.errors["file"][0]
    assert f"line {line}, column {column}" in message and "report.txt" in message


def test_utf8_with_or_without_a_bom_is_read():
    assert source.decode_report("\ufeffAño".encode(), name="r.txt") == "Año"
    assert source.decode_report(b"Plain", name="r.txt") == "Plain"


def test_a_nul_byte_is_not_text():
    with pytest.raises(ValidationFailed, match="line 2"):
        source.decode_report(b"One\nTw\x00o", name="r.txt")


class Endless(io.RawIOBase):
    """A stream that never ends (as /dev/zero), counting what was read from it."""

    def __init__(self) -> None:
        self.given = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        buffer[:] = b"a" * len(buffer)
        self.given += len(buffer)
        return len(buffer)


@override_settings(REPORT_IMPORT_MAX_BYTES=1000)
def test_no_more_than_the_limit_is_read_and_the_refusal_says_the_limit():
    stream = Endless()
    with pytest.raises(ValidationFailed) as refused:
        source.read_report(io.BufferedReader(stream, 64), name="big.txt")
    assert stream.given <= 1000 + 64 + 1
    assert "big.txt" in refused.value.errors["file"][0]
    assert re.search(r"limit of 1(\.0)? KB", refused.value.errors["file"][0])


@override_settings(REPORT_IMPORT_MAX_BYTES=1000)
def test_a_size_known_in_advance_is_refused_before_reading():
    stream = Endless()
    with pytest.raises(ValidationFailed):
        source.read_report(stream, name="big.txt", size=5000)
    assert stream.given == 0


# --- the command, the API and the page ----------------------------------------------------


@override_settings(REPORT_IMPORT_MAX_BYTES=2048)
def test_the_command_refuses_a_large_file_saying_the_limit(world, swap, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 5000)
    with pytest.raises(CommandError, match=r"larger than the limit of 2(\.0)? KB"):
        call_command("scorecard", "import", str(big), "--team", "UNCT Kazakhstan")


def test_the_command_names_the_line_and_column_of_the_bad_byte(world, swap, tmp_path):
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"Report\nA\xf1o\n")
    with pytest.raises(CommandError, match="line 2, column 2"):
        call_command("scorecard", "import", str(latin), "--team", "UNCT Kazakhstan")


@override_settings(REPORT_IMPORT_MAX_BYTES=2048)
def test_the_api_refuses_a_large_report_saying_the_limit(world, swap):
    upload = SimpleUploadedFile("big.txt", b"x" * 5000)
    response = signed_in(world.aisha).post(
        "/api/v1/scorecards/imports/", {"organisation": world.unct.pk, "file": upload}
    )
    assert response.status_code == 400
    assert "limit of 2" in response.json()["error"]["fields"]["file"][0]


def test_the_api_and_the_page_name_the_line_of_the_bad_byte(world, swap):
    for url in ("/api/v1/scorecards/imports/", "/scorecards/import/"):
        upload = SimpleUploadedFile("latin.txt", b"Report\n\nA\xf1o\n")
        response = signed_in(world.aisha).post(url, {"organisation": world.unct.pk, "file": upload})
        assert response.status_code == 400
        assert "line 3, column 2" in response.content.decode()


@override_settings(REPORT_IMPORT_MAX_BYTES=2048)
def test_the_page_refuses_a_large_report_saying_the_limit(world, swap):
    upload = SimpleUploadedFile("big.txt", b"x" * 5000)
    response = signed_in(world.aisha).post(
        "/scorecards/import/", {"organisation": world.unct.pk, "file": upload}
    )
    assert response.status_code == 400 and "limit of 2" in response.content.decode()
