"""Hostile files: entity expansion, external entities and DTDs, oversized files. Each gives
a clean error and no activity, and nothing outside the file is read or fetched."""

from __future__ import annotations

import io
import socket

import pytest

from cometa.interchange.iati import check, read
from cometa.interchange.iati.report import Code
from cometa.interchange.iati.source import LimitedReader, TooLarge

from .conftest import document, result

LAUGHS = "\n".join(f'<!ENTITY lol{n} "{f"&lol{n - 1};" * 10}">' for n in range(1, 10)).replace(
    "&lol0;" * 10, "lol"
)


def _with_dtd(dtd: str, identifier: str) -> bytes:
    text = (
        document(result())
        .decode()
        .replace("<iati-identifier>XM-DAC-41146-MEX_D_1.1<", f"<iati-identifier>{identifier}<")
    )
    return f'<?xml version="1.0"?>\n<!DOCTYPE iati-activities [\n{dtd}\n]>\n{text}'.encode()


def _refused(source: bytes) -> list[Code]:
    reading = read(source)
    assert reading.activities == ()
    return [error.code for error in reading.report.errors]


def test_billion_laughs_in_text_is_refused_without_expanding():
    assert _refused(_with_dtd(LAUGHS, "&lol9;")) == [Code.FORBIDDEN]


def test_billion_laughs_in_an_attribute_is_refused():
    source = _with_dtd(LAUGHS, "x").replace(b'version="2.03"', b'version="&lol9;"')
    assert _refused(source) in ([Code.FORBIDDEN], [Code.MALFORMED])


def test_an_external_file_entity_is_never_read(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("the secret")
    source = _with_dtd(f'<!ENTITY x SYSTEM "{secret.as_uri()}">', "&x;")
    reading = read(source)
    assert [e.code for e in reading.report.errors] == [Code.FORBIDDEN]
    assert "the secret" not in repr(reading)


@pytest.fixture
def listener():
    """A local port that records whether anything connected to it."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    server.setblocking(False)
    yield server
    server.close()


def _connected(server: socket.socket) -> bool:
    try:
        connection, _ = server.accept()
    except BlockingIOError:
        return False
    connection.close()
    return True


def test_an_http_entity_or_dtd_is_never_fetched(listener):
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/x"
    entity = _with_dtd(f'<!ENTITY x SYSTEM "{url}">', "&x;")
    external_dtd = document(result()).replace(
        b"<iati-activities",
        f'<!DOCTYPE iati-activities SYSTEM "{url}">\n<iati-activities'.encode(),
        1,
    )
    assert _refused(entity) == [Code.FORBIDDEN]
    assert _refused(external_dtd) == [Code.FORBIDDEN]
    assert not _connected(listener)


def test_a_file_over_the_limit_is_refused_before_parsing(tmp_path):
    path = tmp_path / "big.xml"
    path.write_bytes(document(result()))
    size = path.stat().st_size
    assert read(path, limit=size).report.ok
    reading = read(path, limit=size - 1)
    assert reading.activities == ()
    assert [e.code for e in reading.report.errors] == [Code.TOO_LARGE]


def test_a_stream_over_the_limit_stops_when_the_limit_is_passed():
    source = document(result() * 50)
    report = check(io.BytesIO(source), limit=len(source) // 2)
    assert [e.code for e in report.errors] == [Code.TOO_LARGE]
    assert check(io.BytesIO(source), limit=len(source)).ok


@pytest.mark.parametrize("size", [-1, 4, 100])
def test_the_limited_reader_never_hands_over_more_than_the_limit(size):
    reader = LimitedReader(io.BytesIO(b"x" * 10), limit=10)
    read_bytes = b""
    while chunk := reader.read(size):
        read_bytes += chunk
    assert read_bytes == b"x" * 10
    over = LimitedReader(io.BytesIO(b"x" * 11), limit=10)
    with pytest.raises(TooLarge):
        while over.read(size):
            pass


def test_a_dtd_in_another_encoding_is_refused_by_the_second_check():
    text = _with_dtd('<!ENTITY x "y">', "&x;").decode()
    source = text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>')
    reading = read(source.encode("utf-16"))
    assert reading.activities == ()
    assert [(e.code, e.path) for e in reading.report.errors] == [
        (Code.FORBIDDEN, "/iati-activities")
    ]


@pytest.mark.parametrize(
    ("start", "declares"),
    [
        (b'<?xml version="1.0"?><!DOCTYPE x><x/>', True),
        (b"<!-- c --><!doctype x [<!ENTITY a 'b'>]><x/>", True),
        (b"<iati-activities><!DOCTYPE in text?></iati-activities>", False),
        (b'<?xml version="1.0"?><iati-activities version="2.03">', False),
        (b"<!-- a long comment, no element yet", False),
    ],
)
def test_a_doctype_counts_only_before_the_first_element(start, declares):
    from cometa.interchange.iati.source import declares_dtd

    assert declares_dtd(start) is declares
