"""What the next level still needs: the engine gives records (never sentences), and one
wording names them for people, in their language, for every kind the engine uses."""

from __future__ import annotations

import itertools

import pytest
from django.utils import translation

from cometa.scorecards.frameworks.engine import Answer, Missing, MissingKind, rate
from cometa.scorecards.frameworks.loading import load_builtin
from cometa.scorecards.frameworks.rule_words import InputName, describe_missing
from cometa.scorecards.web.rating_panel import CriterionRef, MissingLine, missing_line

UNCT = load_builtin("unct-swap", "2018")
COLLECTIVE = load_builtin("collective-impact", "2024")
ENGLISH_WORDS = ("one of these", "more of these", "must be", "at least", "more than", "less than")


def _missing_records() -> set[Missing]:
    """Every missing-for-next record the engine gives for each indicator of both frameworks,
    with nothing met and with each single criterion met, and inputs low, middling, high and
    absent."""
    found: set[Missing] = set()
    for framework in (UNCT, COLLECTIVE):
        for indicator in framework.indicators:
            criteria = [c.id for c in indicator.criteria]
            inputs = [i.key for i in indicator.inputs]
            for met, value in itertools.product([None, *criteria], [None, 0.0, 40.0, 100.0]):
                answers = {met: Answer.MET} if met else {}
                trace = rate(indicator, answers, dict.fromkeys(inputs, value)).trace
                found.update(trace.missing_for_next)
    return found


RECORDS = sorted(_missing_records(), key=repr)
CRITERIA = {c.id: f"<{c.id}>" for f in (UNCT, COLLECTIVE) for i in f.indicators for c in i.criteria}
INPUTS = {
    i.key: f"[{i.key}]" for f in (UNCT, COLLECTIVE) for ind in f.indicators for i in ind.inputs
}


def test_the_engine_gives_every_kind_of_record():
    assert {item.kind for item in RECORDS} == set(MissingKind)
    signs = {item.sign for item in RECORDS if item.kind == MissingKind.INPUT_BOUND}
    assert {"≥", ">", "≤"} <= signs


def test_records_hold_what_is_missing_not_words():
    for item in RECORDS:
        assert all(ref in CRITERIA for ref in item.criteria), item
        if item.kind == MissingKind.MORE_OF:
            assert 0 < item.count <= len(item.criteria)
        if item.kind == MissingKind.INPUT_BOUND:
            assert item.input in INPUTS and item.bound is not None
        assert Missing.from_data(item.as_data()) == item  # kept in a trace and read back


@pytest.mark.parametrize("language", ["es", "ru"])
def test_every_record_is_worded_in_the_language_with_names(language):
    with translation.override(language):
        said = {item: describe_missing(item, criteria=CRITERIA, inputs=INPUTS) for item in RECORDS}
    for item, words in said.items():
        if item.kind != MissingKind.CRITERION:
            assert not any(english in words for english in ENGLISH_WORDS), (item, words)
        for ref in item.criteria:
            assert f"<{ref}>" in words, (item, words)
        if item.input:
            assert f"[{item.input}]" in words, (item, words)


def test_an_input_is_named_by_its_label_in_english():
    bound = Missing(MissingKind.INPUT_BOUND, input="pct_women", sign="≥", bound=47.0)
    more = Missing(MissingKind.MORE_OF, ("a.x", "a.y"), count=2)
    with translation.override("en"):
        said = describe_missing(bound, criteria={}, inputs={"pct_women": "Share of women"})
        assert said == "“Share of women” must be at least 47"
        assert describe_missing(more, criteria={"a.x": "Meets (a)"}, inputs={}) == (
            "2 more of these: Meets (a), a.y"
        )


SHARE = InputName("Share of budget", "percent", 0, 100)


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (Missing(MissingKind.CRITERION, ("m.a",)), "“Text a”"),
        (Missing(MissingKind.ONE_OF, ("m.a", "m.b")), "one of these: “Text a”, “Text b”"),
        (
            Missing(MissingKind.MORE_OF, ("m.a", "m.b"), count=1),
            "1 more of these: “Text a”, “Text b”",
        ),
        (
            Missing(MissingKind.INPUT_GIVEN, input="s", interval="[33, 50)"),
            "give “Share of budget”: it must be at least 33\u00a0% and less than 50\u00a0%",
        ),
        (
            Missing(MissingKind.INPUT_GIVEN, input="s", interval="(50, 100]"),
            "give “Share of budget”: it must be more than 50\u00a0%",
        ),
        (  # a text that is not an interval is said as it was kept
            Missing(MissingKind.INPUT_GIVEN, input="s", interval="half or more"),
            "give “Share of budget”: it must be half or more",
        ),
        (
            Missing(MissingKind.INPUT_BOUND, input="s", sign=">", bound=50.0),
            "“Share of budget” must be more than 50\u00a0%",
        ),
        (
            Missing(MissingKind.INPUT_BOUND, input="s", sign="<", bound=80.0),
            "“Share of budget” must be less than 80\u00a0%",
        ),
        (
            Missing(MissingKind.INPUT_BOUND, input="s", sign="≤", bound=53.0),
            "“Share of budget” must be at most 53\u00a0%",
        ),
    ],
)
def test_each_record_is_said_in_words_without_codes_or_intervals(item, expected):
    with translation.override("en"):
        said = describe_missing(
            item, criteria={"m.a": "“Text a”", "m.b": "“Text b”"}, inputs={"s": SHARE}
        )
    assert said == expected
    assert not any(sign in said for sign in ("[", "≥", "≤", "∞"))


def test_a_trace_kept_before_records_is_shown_as_it_was():
    named = {"meets.a": CriterionRef("A gender analysis", "criterion-meets-a")}
    assert missing_line("meets.a", named, {}) == MissingLine("", [named["meets.a"]])
    assert missing_line("one of: meets.a, meets.b", {}, {}) == MissingLine(
        "one of: meets.a, meets.b"
    )
    stored = Missing(MissingKind.ONE_OF, ("meets.a", "meets.b")).as_data()
    with translation.override("en"):
        assert missing_line(stored, named, {}) == MissingLine(
            "one of these:", [named["meets.a"], CriterionRef("meets.b", "")]
        )
