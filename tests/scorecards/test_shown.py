"""A framework text in the reader's language, with a visible fallback to English."""

from __future__ import annotations

import pytest
from django.template import Context, Template
from django.utils import translation

from cometa.scorecards.frameworks.model import Text
from cometa.scorecards.frameworks.shown import plain, shown

TEXT = Text(en="Data <used>", es="Datos <usados>", official=frozenset({"es"}))
OURS = Text(en="Plan", ru="План")


def render(value: object) -> str:
    return Template("{{ value }}").render(Context({"value": value}))


@pytest.mark.parametrize(
    ("text", "language", "html"),
    [
        (TEXT, "es", "Datos &lt;usados&gt;"),
        (TEXT, "en", "Data &lt;used&gt;"),
        (OURS, "ru", "План"),
        (
            TEXT,
            "ru",
            '<span lang="en">Data &lt;used&gt;</span> <span class="in-english">(in English)</span>',
        ),
    ],
)
def test_a_page_shows_the_translation_or_marks_the_english_text(text, language, html):
    with translation.override("en"):
        assert render(shown(text, language)) == html


def test_the_marker_is_in_the_readers_language():
    with translation.override("es"):
        assert "(en inglés)" in render(shown(OURS, "es"))
        assert plain(OURS, "es") == "Plan (en inglés)"


@pytest.mark.parametrize(
    ("text", "language", "fallback", "ours"),
    [(TEXT, "es", False, False), (OURS, "ru", False, True), (OURS, "es", True, False)],
)
def test_shown_says_what_it_is(text, language, fallback, ours):
    found = shown(text, language)
    assert (found.fallback, found.ours) == (fallback, ours)
    assert str(found) == (text.en if fallback else text.get(language))
