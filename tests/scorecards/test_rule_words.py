"""Rules in words: letters for the level's own criteria, level names for the others."""

from __future__ import annotations

import pytest
from django.utils import translation

from cometa.scorecards.frameworks.loading import load_builtin
from cometa.scorecards.frameworks.model import (
    AllOf,
    AllRules,
    AnyOf,
    AtLeast,
    Band,
    LevelBelowAnd,
)
from cometa.scorecards.frameworks.rule_words import (
    InputName,
    band_of,
    bound_words,
    describe_rule,
    input_names,
    range_words,
)

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


def test_a_band_names_its_input_by_label_and_states_its_edges_in_words() -> None:
    band = Band("pct", lower=33, lower_inclusive=True, upper=50, upper_inclusive=False)
    assert words(band) == "“Share of indicators (%)” is at least 33 and less than 50"


def test_a_combined_rule_joins_its_parts() -> None:
    band = Band("pct", lower=47, lower_inclusive=True, upper=53, upper_inclusive=True)
    rule = AllRules((AllOf(("approaches.a",)), band))
    assert words(rule) == (
        "all of: Approaches (a); and “Share of indicators (%)” is at least 47 and at most 53"
    )


PERCENT = InputName("Share of budget", "percent", 0, 100)
COUNT = InputName("Meetings held", "count", 0, 1000)


@pytest.mark.parametrize(
    ("band", "name", "expected"),
    [
        (Band("x", 20, True, 33, False), PERCENT, "at least 20\u00a0% and less than 33\u00a0%"),
        (Band("x", 33, True, 50, True), PERCENT, "at least 33\u00a0% and at most 50\u00a0%"),
        (Band("x", 50, False, 100, True), PERCENT, "more than 50\u00a0%"),  # 100 is the top
        (Band("x", 0, True, 20, False), PERCENT, "less than 20\u00a0%"),  # 0 is the bottom
        (Band("x", 0, False, 20, True), PERCENT, "more than 0\u00a0% and at most 20\u00a0%"),
        (Band("x", 12, True, None), COUNT, "at least 12"),
        (Band("x", 2.5, True, None), COUNT, "at least 2.5"),
        (Band("x", None, True, 4, False), COUNT, "less than 4"),
        (Band("x", 0, True, 100, True), PERCENT, "any value"),
        (Band("x", 20, True, 33, False), InputName("Unknown"), "at least 20 and less than 33"),
    ],
)
def test_a_range_is_said_in_words_with_its_unit(band, name, expected) -> None:
    with translation.override("en"):
        assert range_words(band, name) == expected


@pytest.mark.parametrize(
    ("sign", "expected"),
    [
        ("≥", "at least 33\u00a0%"),
        (">", "more than 33\u00a0%"),
        ("≤", "at most 33\u00a0%"),
        ("<", "less than 33\u00a0%"),
    ],
)
def test_each_edge_is_said_in_words(sign, expected) -> None:
    with translation.override("en"):
        assert bound_words(sign, 33.0, "percent") == expected


@pytest.mark.parametrize(
    ("interval", "expected"),
    [
        ("[33, 50)", Band("k", 33, True, 50, False)),
        ("(50, 100]", Band("k", 50, False, 100, True)),
        ("[12, ∞)", Band("k", 12, True, None, False)),
        ("(-∞, 2.5]", Band("k", None, False, 2.5, True)),
        ("33 to 50", None),
        ("[a, b]", None),
        ("[1.2.3, 4]", None),
    ],
)
def test_a_stored_interval_is_read_back_as_its_band(interval, expected) -> None:
    assert band_of(interval, "k") == expected


def test_criteria_of_another_level_are_named_by_their_own_text_when_given() -> None:
    texts = {"meets.a": "A gender analysis is done", "approaches.b": "Some analysis"}
    rule = AnyOf(("approaches.b", "meets.a", "meets.c"))
    with translation.override("en"):
        said = describe_rule(
            rule, level="approaches", level_labels=LABELS, inputs=INPUTS, criteria=texts
        )
    assert said == "any one of: (b), “A gender analysis is done”, Meets (c)"


def test_inputs_are_named_from_the_indicator_with_their_kind_and_range() -> None:
    indicator = load_builtin("unct-swap", "2018").indicator("1.3")
    names = input_names(indicator, "es")
    assert names["pct_indicators"].kind == "percent"
    assert (names["pct_indicators"].low, names["pct_indicators"].high) == (0, 100)
    assert names["pct_indicators"].label.startswith("Porcentaje")
    meets = indicator.levels[2]
    with translation.override("en"):
        said = describe_rule(meets.rule, level="meets", level_labels=LABELS, inputs=names)
    assert said.endswith("” is at least 33\u00a0% and at most 50\u00a0%")
    assert "[" not in said and "(" not in said.split("”")[-1]


def test_the_words_follow_the_readers_language() -> None:
    with translation.override("es"):
        text = describe_rule(AllOf(("meets.a",)), level="meets", level_labels=LABELS, inputs=INPUTS)
    assert text.endswith("(a)") and "all of" not in text
