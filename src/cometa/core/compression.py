"""Compressed answers for weak connections (docs/security.md, "Compression").

Static files are compressed once, when they are collected: WhiteNoise's storages write a
``.gz`` beside each text file and the WhiteNoise middleware sends it to a browser that
asks for gzip (:func:`static_files_backend`). Pages, API answers and text exports are
gzipped as they leave, by Django's ``GZipMiddleware``, which since Django 4.2 pads each
answer with random bytes against BREACH; Django also masks the CSRF token afresh in
every answer. Answers that carry a long-lived secret that the masking does not cover (the
second-factor seed during enrolment, a new API token) are sent uncompressed, as are file
types that are compressed already.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponseBase
from django.middleware.gzip import GZipMiddleware

#: Where an answer may hold a secret that compression could leak: the sign-in pages, the
#: second factor (its seed), the profile (a token just made), password reset, and the
#: token API (the new token's secret).
UNCOMPRESSED_PATHS = ("/accounts/", "/api/v1/tokens/")

#: Text worth compressing; PDF, Office files, images and archives are compressed already.
COMPRESSIBLE_TYPES = (
    "text/",
    "application/json",
    "application/problem+json",
    "application/javascript",
    "application/xml",
    "application/vnd.oai.openapi",
    "image/svg+xml",
)


def compressible(path: str, content_type: str) -> bool:
    """Whether an answer to ``path`` of ``content_type`` may be gzipped."""
    if path.startswith(UNCOMPRESSED_PATHS) or path.rstrip("/") == "/api/v1/tokens":
        return False
    return content_type.lower().startswith(COMPRESSIBLE_TYPES)


def static_files_backend(*, relaxed: bool) -> str:
    """The static files storage: hashed names (cached for a year) in production, plain names
    for the demo and development; both write compressed copies when collecting."""
    if relaxed:
        return "whitenoise.storage.CompressedStaticFilesStorage"
    return "whitenoise.storage.CompressedManifestStaticFilesStorage"


class CompressionMiddleware(GZipMiddleware):
    """``GZipMiddleware`` for the answers :func:`compressible` allows."""

    def process_response(
        self, request: HttpRequest, response: HttpResponseBase
    ) -> HttpResponseBase:
        if not compressible(request.path, response.get("Content-Type", "")):
            return response
        return super().process_response(request, response)
