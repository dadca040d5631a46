"""Every text of the shipped frameworks, criteria included, in Spanish and Russian; the places
that name them; and the counts of our translations the framework page shows."""

from __future__ import annotations

import pytest

from cometa.scorecards.frameworks.loading import builtin_frameworks, load_framework_text
from cometa.scorecards.frameworks.texts import framework_texts, translation_counts

SHIPPED = builtin_frameworks()


@pytest.mark.parametrize("framework", SHIPPED, ids=lambda f: f"{f.identifier}-{f.version}")
@pytest.mark.parametrize("language", ["es", "ru"])
def test_every_text_of_a_shipped_framework_is_translated(framework, language):
    missing = [place for place, text in framework_texts(framework) if not text.has(language)]
    assert missing == []


@pytest.mark.parametrize("framework", SHIPPED, ids=lambda f: f"{f.identifier}-{f.version}")
def test_translations_differ_from_the_english_text(framework):
    """A copied English text would pass the walk above without being translated."""
    copied = [
        place
        for place, text in framework_texts(framework)
        if text.es == text.en or text.ru == text.en
    ]
    assert copied == []


def test_the_walk_reaches_every_kind_of_text():
    framework = next(f for f in SHIPPED if f.identifier == "unct-swap")
    places = dict(framework_texts(framework))
    criteria = [place for place in places if place.count("|") == 1 and "." in place.split("|")[1]]
    assert places["@title"].es == "Cuadro de mando de igualdad de género UNCT-SWAP"
    assert {"@description", "@level:meets", "@dimension:7", "1.3|input:pct_indicators"} <= set(
        places
    )
    assert len([p for p in places if p.endswith("|title")]) == 15
    assert len([p for p in places if p.startswith("@dimension:")]) == 7
    assert len(criteria) == sum(len(i.criteria) for i in framework.indicators)


SMALL = """\
format: 1
identifier: small
version: "1"
title: {en: Small, es: Pequeño, ru: Малый, official: [es]}
sources: {}
levels:
  - {key: low, label: {en: Low}}
  - {key: high, label: {en: High, es: Alto}}
dimensions:
  - {code: "1", title: {en: One, es: Uno, ru: Один}}
indicators:
  - code: "1.1"
    dimension: "1"
    title: {en: First}
    levels:
      high:
        criteria:
          a:
            text: {en: A, es: A es, ru: A ru, official: [es, ru]}
            provenance: {status: to-verify, note: n}
        rule: {all_of: [a]}
        provenance: {status: to-verify, note: n}
"""


@pytest.mark.parametrize(
    ("language", "official", "ours", "missing"),
    [("es", 2, 2, 2), ("ru", 1, 2, 3), ("en", 0, 0, 0)],
)
def test_translation_counts(language, official, ours, missing):
    counts = translation_counts(load_framework_text(SMALL), language)
    assert (counts.official, counts.ours, counts.missing) == (official, ours, missing)


def test_official_needs_the_text_in_that_language():
    from cometa.scorecards.frameworks.loading import framework_problems

    text = SMALL.replace("title: {en: First}", "title: {en: First, official: [ru]}")
    problems = framework_problems(text)
    assert problems and "ru" in str(problems[0])
