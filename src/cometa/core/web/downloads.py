"""A file handed to the browser or an API client as an attachment: one place that writes
the Content-Disposition header (RFC 6266 quoting through Django, so a name with quotes
or non-ASCII letters cannot break the header) and the Content-Length."""

from __future__ import annotations

from django.http import HttpResponse
from django.utils.http import content_disposition_header


def attachment(content: bytes, filename: str, content_type: str) -> HttpResponse:
    """``content`` as a download named ``filename``."""
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename) or "attachment"
    response["Content-Length"] = str(len(content))
    return response
