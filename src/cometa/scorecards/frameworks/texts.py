"""Every text of a framework that people read, each with the place it has in the file.

A *place* names one text: ``@title``, ``@description``, ``@level:meets``, ``@dimension:1``,
``1.3|title``, ``1.3|statement``, ``1.3|input:pct_indicators`` and, for a criterion,
``2.2|meets.b``. The wording editor keys its fields ``"<place>|<language>"``; the tests walk
these to show that every text exists in every language; the framework page counts them to say
how many translations are ours. Pure: no Django.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from cometa.scorecards.frameworks.model import LANGUAGES, Framework, Text

__all__ = ["TranslationCounts", "framework_texts", "translation_counts"]


def framework_texts(framework: Framework) -> Iterator[tuple[str, Text]]:
    """``(place, text)`` for every text of ``framework``, in the order of the file."""
    yield "@title", framework.title
    if framework.description is not None:
        yield "@description", framework.description
    for level in framework.levels:
        yield f"@level:{level.key}", level.label
    for dimension in framework.dimensions:
        yield f"@dimension:{dimension.code}", dimension.title
    for indicator in framework.indicators:
        yield f"{indicator.code}|title", indicator.title
        if indicator.statement is not None:
            yield f"{indicator.code}|statement", indicator.statement
        for item in indicator.inputs:
            yield f"{indicator.code}|input:{item.key}", item.label
        for criterion in indicator.criteria:
            yield f"{indicator.code}|{criterion.id}", criterion.text


@dataclass(frozen=True)
class TranslationCounts:
    """For one language: how many texts have an official translation, how many have ours
    (awaiting checking) and how many have none (shown in English)."""

    language: str
    official: int
    ours: int
    missing: int


def translation_counts(framework: Framework, language: str) -> TranslationCounts:
    if language not in LANGUAGES or language == "en":
        return TranslationCounts(language, official=0, ours=0, missing=0)
    official = ours = missing = 0
    for _place, text in framework_texts(framework):
        if not text.has(language):
            missing += 1
        elif language in text.official:
            official += 1
        else:
            ours += 1
    return TranslationCounts(language, official=official, ours=ours, missing=missing)
