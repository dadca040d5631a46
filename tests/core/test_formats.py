"""One date format per language (cometa/formats), used by every template."""

from __future__ import annotations

import re
from datetime import date, datetime
from pathlib import Path

import pytest
from django.utils import formats, translation

import cometa

TEMPLATES = Path(cometa.__file__).parent / "templates"
ALLOWED = {"SHORT_DATE_FORMAT", "SHORT_DATETIME_FORMAT", "c"}  # "c": machine-readable attributes
# Templates another change is reworking at the time of writing; they move to the named formats
# when it lands (the date filter there still writes 2024-03-05).
PENDING: set[str] = set()  # templates still to move to the named formats: none


@pytest.mark.parametrize(
    ("language", "short", "with_time", "full"),
    [
        ("en", "5 Mar 2024", "5 Mar 2024, 14:30", "5 March 2024"),
        ("es", "5 mar 2024", "5 mar 2024, 14:30", "5 de marzo de 2024"),
        ("ru", "05.03.2024", "05.03.2024 14:30", "5 марта 2024 г."),
    ],
)
def test_each_language_writes_dates_one_way(language, short, with_time, full):
    with translation.override(language):
        assert formats.date_format(date(2024, 3, 5), "SHORT_DATE_FORMAT") == short
        assert formats.date_format(datetime(2024, 3, 5, 14, 30), "SHORT_DATETIME_FORMAT") == (
            with_time
        )
        assert formats.date_format(date(2024, 3, 5), "DATE_FORMAT") == full


def test_templates_use_the_named_formats():
    odd = []
    for path in TEMPLATES.rglob("*.html"):
        name = str(path.relative_to(TEMPLATES))
        if name in PENDING:
            continue
        text = path.read_text(encoding="utf-8")
        for found in re.findall(r"\|date(?::[\"']([^\"']*)[\"'])?", text):
            if found not in ALLOWED:
                odd.append(f"{name}: |date:{found!r}")
    assert odd == []
