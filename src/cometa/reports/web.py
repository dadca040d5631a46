"""What the report pages of every module share: the report's language chosen by the
reader and the list of languages to offer. The files themselves go out through
``cometa.core.web.downloads.attachment``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from django.http import HttpRequest
from django.utils import translation


class ReportFile(NamedTuple):
    """One file of a report: its bytes, its ASCII name and its content type."""

    data: bytes
    filename: str
    content_type: str


def report_language(request: HttpRequest, languages: Sequence[str]) -> str:
    """``?lang=`` if it is a report language, else the interface language (itself English
    when it is not a report language): a link with ``?lang=fr`` still opens the report."""
    chosen = request.GET.get("lang", "")
    if chosen in languages:
        return chosen
    current = (translation.get_language() or "en").split("-")[0]
    return current if current in languages else "en"


def language_choices(languages: Sequence[str]) -> list[tuple[str, str]]:
    """(code, the language's own name) for the report's language switch."""
    return [(code, translation.get_language_info(code)["name_local"]) for code in languages]
