"""Compressed answers: static files pre-compressed by WhiteNoise, pages gzipped on the
fly, except where a secret sits in the body (BREACH; docs/security.md)."""

from __future__ import annotations

import gzip

import pytest
from django.core.management import call_command
from django.test import RequestFactory, override_settings
from whitenoise.middleware import WhiteNoiseMiddleware

from cometa.core.compression import compressible, static_files_backend
from tests.conftest import PASSWORD, https_client, signed_in

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


@pytest.mark.parametrize("relaxed", [False, True])
def test_a_static_file_is_sent_gzipped_when_asked(relaxed, tmp_path) -> None:
    """Production (hashed names) and the demo alike: collectstatic writes the .gz files
    that WhiteNoise sends to a browser that accepts gzip."""
    storages = {"staticfiles": {"BACKEND": static_files_backend(relaxed=relaxed)}}
    with override_settings(STATIC_ROOT=tmp_path, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0)
        serve = WhiteNoiseMiddleware(lambda request: pytest.fail("not a static file"))
        factory = RequestFactory()
        asked = serve(factory.get("/static/cometa/cometa.css", **GZIP))
        plain = serve(factory.get("/static/cometa/cometa.css"))
    assert asked.status_code == plain.status_code == 200
    assert asked["Content-Encoding"] == "gzip"
    assert "Content-Encoding" not in plain
    assert "Accept-Encoding" in asked["Vary"]
    body = gzip.decompress(b"".join(asked.streaming_content))
    assert body == b"".join(plain.streaming_content)
    asked.file_to_stream.close()  # close() would signal the end of a request
    plain.file_to_stream.close()


def test_a_page_is_gzipped_when_asked(world) -> None:
    client = signed_in(world.rita)
    page = client.get("/organisations/", **GZIP)
    assert page.status_code == 200
    assert page["Content-Encoding"] == "gzip"
    assert b"UN Women Review" in gzip.decompress(page.content)
    assert "Content-Encoding" not in client.get("/organisations/")  # not asked: not sent


def test_the_second_factor_enrolment_page_is_never_compressed(world) -> None:
    """It shows the person's seed: with a reflected input beside it, the compressed size
    would tell an attacker the seed a character at a time."""
    client = https_client()
    client.post("/accounts/sign-in/", {"email": "aisha@example.org", "password": PASSWORD})
    page = client.get("/accounts/second-factor/", **GZIP)
    world.aisha.refresh_from_db()
    assert page.status_code == 200
    assert world.aisha.totp_secret.encode() in page.content
    assert "Content-Encoding" not in page


def test_pages_and_answers_that_show_a_new_token_are_never_compressed(world) -> None:
    client = signed_in(world.sara)
    assert "Content-Encoding" not in client.get("/accounts/profile/", **GZIP)
    made = client.post(
        "/api/v1/tokens/", {"name": "laptop", "days": 30}, content_type="application/json", **GZIP
    )
    assert made.status_code == 201, made.content
    assert "secret" in made.json()
    assert "Content-Encoding" not in made


@pytest.mark.parametrize(
    ("path", "content_type", "expected"),
    [
        ("/organisations/", "text/html; charset=utf-8", True),
        ("/api/v1/organisations/", "application/json", True),
        ("/scorecards/global/export.csv", "text/csv; charset=utf-8", True),
        ("/scorecards/1/report.svg", "image/svg+xml", True),
        ("/scorecards/1/report.pdf", "application/pdf", False),  # compressed already
        ("/scorecards/global/export.xlsx", "application/vnd.openxmlformats-officedocument", False),
        ("/scorecards/evidence/3/download/", "image/png", False),
        ("/accounts/second-factor/", "text/html; charset=utf-8", False),
        ("/accounts/profile/", "text/html; charset=utf-8", False),
        ("/accounts/password/reset/x/y/", "text/html; charset=utf-8", False),
        ("/api/v1/tokens/", "application/json", False),
        ("/api/v1/tokens/4/", "application/json", False),
        ("/api/v1/tokensmith/", "application/json", True),
    ],
)
def test_what_is_compressed(path, content_type, expected) -> None:
    assert compressible(path, content_type) is expected
