"""Rules in words: letters for the level's own criteria, level names for the others."""

from __future__ import annotations

import pytest
from django.utils import translation

from cometa.scorecards.frameworks.model import (
    AllOf,
    AllRules,
    AnyOf,
    AtLeast,
    Band,
    LevelBelowAnd,
)
from cometa.scorecards.frameworks.rule_words import describe_rule

LABELS = {"approaches": "Approaches", "meets": "Meets", "exceeds": "Exceeds"}
INPUTS = {"pct": "Share of indicators (%)"}


def words(rule, level="meets") -> str:
    with translation.override("en"):
        return describe_rule(rule, level=level, level_labels=LABELS, inputs=INPUTS)


@pytest.mark.parametrize(
    ("rule", "level", "expected"),
    [
        (AllOf(("meets.a", "meets.b")), "meets", "all of: (a), (b)"),
        (
            AnyOf(("approaches.a", "meets.b", "meets.c")),
            "approaches",
            "any one of: (a), Meets (b), Meets (c)",
        ),
        (AtLeast(2, ("meets.a", "meets.b", "meets.c")), "meets", "at least 2 of: (a), (b), (c)"),
        (LevelBelowAnd(("exceeds.d",)), "exceeds", "the level below, and: (d)"),
        (None, "missing", "reached when no other level's rule holds"),
    ],
)
def test_criteria_are_named_by_letter_or_by_level_and_letter(rule, level, expected) -> None:
    assert words(rule, level) == expected


def test_a_band_names_its_input_by_label_and_states_its_edges() -> None:
    band = Band("pct", lower=33, lower_inclusive=True, upper=50, upper_inclusive=False)
    assert words(band) == "“Share of indicators (%)” in [33, 50)"


def test_a_combined_rule_joins_its_parts() -> None:
    band = Band("pct", lower=47, lower_inclusive=True, upper=53, upper_inclusive=True)
    rule = AllRules((AllOf(("approaches.a",)), band))
    assert words(rule) == "all of: Approaches (a); and “Share of indicators (%)” in [47, 53]"


def test_the_words_follow_the_readers_language() -> None:
    with translation.override("es"):
        text = describe_rule(AllOf(("meets.a",)), level="meets", level_labels=LABELS, inputs=INPUTS)
    assert text.endswith("(a)") and "all of" not in text
