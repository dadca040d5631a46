"""What the rating panel says is missing for the next level: names people read, in their
language, for every phrase the engine uses."""

from __future__ import annotations

import itertools

import pytest
from django.utils import translation

from cometa.scorecards.frameworks.engine import Answer, rate
from cometa.scorecards.frameworks.loading import load_builtin
from cometa.scorecards.web.pages import _named

UNCT = load_builtin("unct-swap", "2018")
COLLECTIVE = load_builtin("collective-impact", "2024")
ENGLISH_WORDS = ("one of:", "more of:", "input ", "must be")


def _missing_texts() -> set[str]:
    """Every missing-for-next text the engine gives for each indicator of both frameworks,
    with nothing met and with each single criterion met, and inputs low, middling, high and
    absent."""
    texts: set[str] = set()
    for framework in (UNCT, COLLECTIVE):
        for indicator in framework.indicators:
            criteria = [c.id for c in indicator.criteria]
            inputs = [i.key for i in indicator.inputs]
            for met, value in itertools.product([None, *criteria], [None, 0.0, 40.0, 100.0]):
                answers = {met: Answer.MET} if met else {}
                trace = rate(indicator, answers, dict.fromkeys(inputs, value)).trace
                texts.update(trace.missing_for_next)
    return texts


TEXTS = sorted(_missing_texts())


def test_the_engine_s_texts_cover_every_phrase():
    kinds = {"one of:", "more of:", "must be given", "must be ≥", "must be >", "must be ≤"}
    assert {kind for kind in kinds if any(kind in text for text in TEXTS)} == kinds


@pytest.mark.parametrize("language", ["es", "ru"])
def test_every_missing_text_is_translated_and_named(language):
    criteria = {
        c.id: f"<{c.id}>" for f in (UNCT, COLLECTIVE) for i in f.indicators for c in i.criteria
    }
    inputs = {
        i.key: f"[{i.key}]" for f in (UNCT, COLLECTIVE) for ind in f.indicators for i in ind.inputs
    }
    with translation.override(language):
        said = {text: _named(text, criteria, inputs) for text in TEXTS}
    for text, words in said.items():
        assert not any(english in words for english in ENGLISH_WORDS), (text, words)
        for ref in criteria:
            if ref in text.replace(",", " ").split():
                assert f"<{ref}>" in words, (text, words)


def test_an_input_is_named_by_its_label_in_english():
    with translation.override("en"):
        said = _named("input pct_women must be ≥ 47", {}, {"pct_women": "Share of women"})
    assert said == "“Share of women” must be ≥ 47"
    with translation.override("en"):
        assert (
            _named("2 more of: a.x, a.y", {"a.x": "Meets (a)"}, {}) == "2 more of: Meets (a), a.y"
        )
