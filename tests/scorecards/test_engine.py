"""The rating engine, table-driven over the shipped UNCT-SWAP 2018 framework.

Each table row gives the answers met (everything else unanswered), the inputs and the level
expected. Coverage tests read the YAML, so an indicator, level or band edge added to the
framework without a row here makes them fail.
"""

from __future__ import annotations

import math
from collections.abc import Iterator, Mapping

import pytest

from cometa.scorecards.frameworks.engine import (
    Answer,
    EngineError,
    Missing,
    Rating,
    compare_levels,
    level_index,
    rate,
    rate_assessment,
)
from cometa.scorecards.frameworks.engine import MissingKind as K
from cometa.scorecards.frameworks.loading import (
    AllOf,
    AllRules,
    Band,
    Criterion,
    Indicator,
    IndicatorLevel,
    LevelBelowAnd,
    Provenance,
    Rule,
    Text,
    load_builtin,
)

UNCT = load_builtin("unct-swap", "2018")
COLLECTIVE = load_builtin("collective-impact", "2024")

MET, NOT_MET, UNKNOWN = Answer.MET, Answer.NOT_MET, Answer.UNKNOWN


def below(value: float) -> float:
    return math.nextafter(value, -math.inf)


def above(value: float) -> float:
    return math.nextafter(value, math.inf)


def rated(
    code: str, met: tuple[str, ...] = (), inputs: Mapping[str, float | None] | None = None
) -> Rating:
    return rate(UNCT.indicator(code), dict.fromkeys(met, MET), inputs)


# --- Every UNCT-SWAP indicator at every level ---------------------------------------------

# (indicator, expected level, criteria met, inputs)
LEVEL_CASES: list[tuple[str, str, tuple[str, ...], dict[str, float | None]]] = [
    ("1.1", "missing", (), {}),
    ("1.1", "missing", ("approaches.a",), {}),
    ("1.1", "approaches", ("approaches.a", "approaches.b"), {}),
    ("1.1", "approaches", ("approaches.a", "approaches.b", "exceeds.c"), {}),
    ("1.1", "meets", ("meets.a", "meets.b"), {}),
    ("1.1", "exceeds", ("meets.a", "meets.b", "exceeds.c"), {}),
    ("1.2", "missing", (), {}),
    ("1.2", "approaches", ("approaches.a",), {}),
    ("1.2", "meets", ("meets.b",), {}),
    ("1.2", "meets", ("meets.a",), {}),
    ("1.2", "exceeds", ("meets.a", "meets.b"), {}),
    ("1.3", "missing", (), {}),
    ("1.3", "missing", (), {"pct_indicators": None}),
    ("1.3", "missing", (), {"pct_indicators": 10}),
    ("1.3", "approaches", (), {"pct_indicators": 25}),
    ("1.3", "meets", (), {"pct_indicators": 49}),
    ("1.3", "exceeds", (), {"pct_indicators": 75}),
    ("2.1", "missing", (), {}),
    ("2.1", "missing", ("exceeds.c",), {}),
    ("2.1", "approaches", ("approaches.a",), {}),
    ("2.1", "approaches", ("meets.b",), {}),
    ("2.1", "meets", ("meets.a", "meets.b"), {}),
    ("2.1", "exceeds", ("meets.a", "meets.b", "exceeds.c"), {}),
    ("2.2", "missing", (), {}),
    ("2.2", "missing", ("exceeds.d",), {}),
    ("2.2", "approaches", ("approaches.a",), {}),
    ("2.2", "approaches", ("meets.c", "exceeds.d"), {}),
    ("2.2", "meets", ("meets.b", "meets.c"), {}),
    ("2.2", "exceeds", ("meets.b", "meets.c", "exceeds.d"), {}),
    ("2.3", "missing", (), {}),
    ("2.3", "approaches", ("approaches.b",), {}),
    ("2.3", "approaches", ("approaches.a", "approaches.b"), {}),
    ("2.3", "meets", ("approaches.a", "approaches.b", "meets.c"), {}),
    ("2.3", "exceeds", ("approaches.a", "approaches.b", "meets.c", "exceeds.d"), {}),
    ("3.1", "missing", (), {}),
    ("3.1", "approaches", ("exceeds.b",), {}),
    ("3.1", "meets", ("exceeds.a", "exceeds.c"), {}),
    ("3.1", "exceeds", ("exceeds.a", "exceeds.b", "exceeds.c"), {}),
    ("3.2", "missing", (), {}),
    ("3.2", "approaches", ("meets.c",), {}),
    ("3.2", "meets", ("meets.a", "meets.c"), {}),
    ("3.2", "exceeds", ("meets.a", "meets.b", "meets.c"), {}),
    ("4.1", "missing", (), {}),
    ("4.1", "missing", ("meets.a",), {}),
    ("4.1", "approaches", ("meets.a", "meets.b"), {}),
    ("4.1", "meets", ("meets.a", "meets.b", "meets.d"), {}),
    ("4.1", "exceeds", ("meets.a", "meets.b", "meets.c", "meets.d"), {}),
    ("4.2", "missing", (), {"pct_positive": 49}),
    ("4.2", "missing", (), {}),
    ("4.2", "approaches", (), {"pct_positive": 60}),
    ("4.2", "meets", (), {"pct_positive": 73}),
    ("4.2", "exceeds", (), {"pct_positive": 85}),
    ("4.3", "missing", (), {"pct_women": 50}),
    ("4.3", "approaches", ("approaches.a",), {"pct_women": 55}),
    ("4.3", "approaches", ("approaches.a",), {"pct_women": None}),
    ("4.3", "approaches", ("approaches.a", "exceeds.c"), {"pct_women": 55}),
    ("4.3", "meets", ("approaches.a",), {"pct_women": 50}),
    ("4.3", "exceeds", ("approaches.a", "exceeds.c"), {"pct_women": 50}),
    ("5.1", "missing", ("meets.a",), {}),
    ("5.1", "approaches", ("meets.a", "meets.b"), {}),
    ("5.1", "meets", ("meets.a", "meets.b", "meets.c"), {}),
    ("5.1", "exceeds", ("meets.a", "meets.b", "meets.c", "exceeds.d"), {}),
    ("5.2", "missing", ("meets.b", "meets.c"), {}),
    ("5.2", "approaches", ("approaches.a",), {}),
    ("5.2", "approaches", ("approaches.a", "exceeds.d"), {}),
    ("5.2", "meets", ("approaches.a", "meets.b", "meets.c"), {}),
    ("5.2", "exceeds", ("approaches.a", "meets.b", "meets.c", "exceeds.d"), {}),
    ("6.1", "missing", ("meets.b", "meets.c", "exceeds.d"), {}),
    ("6.1", "approaches", ("approaches.a", "meets.b"), {}),
    ("6.1", "meets", ("approaches.a", "meets.b", "meets.c"), {}),
    ("6.1", "exceeds", ("approaches.a", "meets.b", "meets.c", "exceeds.d"), {}),
    ("7.1", "missing", ("exceeds.c",), {}),
    ("7.1", "approaches", ("approaches.a",), {}),
    ("7.1", "meets", ("meets.b",), {}),
    ("7.1", "exceeds", ("meets.b", "exceeds.c"), {}),
]


@pytest.mark.parametrize(
    ("code", "expected", "met", "inputs"),
    LEVEL_CASES,
    ids=[f"{code}-{level}-{'+'.join(met) or 'none'}" for code, level, met, _ in LEVEL_CASES],
)
def test_each_unct_swap_indicator_reaches_the_expected_level(
    code: str, expected: str, met: tuple[str, ...], inputs: dict[str, float | None]
) -> None:
    assert rated(code, met, inputs).level == expected


def test_the_level_table_covers_every_indicator_at_every_level() -> None:
    declared = {(item.code, level) for item in UNCT.indicators for level in UNCT.level_keys}
    covered = {(code, level) for code, level, _, _ in LEVEL_CASES}
    assert declared - covered == set(), "add rows to LEVEL_CASES"
    assert covered - declared == set()


# --- Every band edge: just below, on, just above ------------------------------------------

# (indicator, input, value, criteria met, expected level)
EDGE_CASES: list[tuple[str, str, float, tuple[str, ...], str]] = [
    ("1.3", "pct_indicators", below(20), (), "missing"),
    ("1.3", "pct_indicators", 20, (), "approaches"),  # lower edge included
    ("1.3", "pct_indicators", above(20), (), "approaches"),
    ("1.3", "pct_indicators", below(33), (), "approaches"),
    ("1.3", "pct_indicators", 33, (), "meets"),  # approaches excludes 33, meets includes it
    ("1.3", "pct_indicators", above(33), (), "meets"),
    ("1.3", "pct_indicators", below(50), (), "meets"),
    ("1.3", "pct_indicators", 50, (), "meets"),  # meets includes 50, exceeds excludes it
    ("1.3", "pct_indicators", above(50), (), "exceeds"),
    ("1.3", "pct_indicators", below(100), (), "exceeds"),
    ("1.3", "pct_indicators", 100, (), "exceeds"),
    ("4.2", "pct_positive", below(50), (), "missing"),
    ("4.2", "pct_positive", 50, (), "approaches"),
    ("4.2", "pct_positive", above(50), (), "approaches"),
    ("4.2", "pct_positive", below(65), (), "approaches"),
    ("4.2", "pct_positive", 65, (), "meets"),
    ("4.2", "pct_positive", above(65), (), "meets"),
    ("4.2", "pct_positive", 79.5, (), "meets"),  # "65-79 percent" leaves no gap below 80
    ("4.2", "pct_positive", below(80), (), "meets"),
    ("4.2", "pct_positive", 80, (), "exceeds"),
    ("4.2", "pct_positive", above(80), (), "exceeds"),
    ("4.2", "pct_positive", below(100), (), "exceeds"),
    ("4.2", "pct_positive", 100, (), "exceeds"),
    ("4.3", "pct_women", below(47), ("approaches.a",), "approaches"),
    ("4.3", "pct_women", 47, ("approaches.a",), "meets"),
    ("4.3", "pct_women", above(47), ("approaches.a",), "meets"),
    ("4.3", "pct_women", below(53), ("approaches.a",), "meets"),
    ("4.3", "pct_women", 53, ("approaches.a",), "meets"),
    ("4.3", "pct_women", above(53), ("approaches.a",), "approaches"),
    ("4.3", "pct_women", 53, ("approaches.a", "exceeds.c"), "exceeds"),
    ("4.3", "pct_women", above(53), ("approaches.a", "exceeds.c"), "approaches"),
]


@pytest.mark.parametrize(
    ("code", "key", "value", "met", "expected"),
    EDGE_CASES,
    ids=[f"{code}-{value!r}-{'+'.join(met) or 'none'}" for code, _, value, met, _ in EDGE_CASES],
)
def test_band_edges_follow_their_inclusiveness(
    code: str, key: str, value: float, met: tuple[str, ...], expected: str
) -> None:
    assert rated(code, met, {key: value}).level == expected


def bands(rule: Rule | None) -> Iterator[Band]:
    if isinstance(rule, Band):
        yield rule
    elif isinstance(rule, AllRules):
        for item in rule.rules:
            yield from bands(item)


def test_the_edge_table_covers_every_band_edge_of_the_framework() -> None:
    needed = set()
    for indicator in UNCT.indicators:
        for level in indicator.levels:
            for band in bands(level.rule):
                spec = indicator.input(band.input)
                for edge in (band.lower, band.upper):
                    if edge is None:
                        continue
                    for value in (below(edge), edge, above(edge)):
                        if spec.min <= value <= spec.max:
                            needed.add((indicator.code, band.input, value))
    covered = {(code, key, value) for code, key, value, _, _ in EDGE_CASES}
    assert needed - covered == set(), "add rows to EDGE_CASES"


# --- The trace ----------------------------------------------------------------------------


def test_the_lowest_level_is_decided_by_no_rule_and_says_what_the_next_one_needs() -> None:
    trace = rated("1.1").trace
    assert trace.decided_by is None
    assert trace.counted == ()
    assert trace.next_level == "approaches"
    assert trace.missing_for_next == (
        Missing(K.CRITERION, ("approaches.a",)),
        Missing(K.CRITERION, ("approaches.b",)),
    )


def test_counted_lists_the_met_criteria_that_made_the_rule_hold() -> None:
    rating = rated("3.2", ("meets.a", "meets.c"))
    assert (rating.level, rating.trace.decided_by) == ("meets", "meets")
    assert rating.trace.counted == ("meets.a", "meets.c")


def test_counted_includes_the_level_below_for_level_below_and() -> None:
    rating = rated("2.2", ("meets.b", "meets.c", "exceeds.d"))
    assert rating.trace.counted == ("meets.b", "meets.c", "exceeds.d")


def test_counted_for_a_band_combined_with_a_criterion() -> None:
    assert rated("4.3", ("approaches.a",), {"pct_women": 50}).trace.counted == ("approaches.a",)


def test_missing_for_at_least_says_how_many_more_and_of_which() -> None:
    trace = rated("3.2", ("meets.a",)).trace
    assert trace.next_level == "meets"
    assert trace.missing_for_next == (Missing(K.MORE_OF, ("meets.b", "meets.c"), count=1),)


def test_missing_for_any_of_offers_the_choice() -> None:
    assert rated("2.3").trace.missing_for_next == (
        Missing(K.ONE_OF, ("approaches.a", "approaches.b")),
    )


def test_missing_for_level_below_and_names_only_the_added_criteria() -> None:
    assert rated("2.2", ("meets.b", "meets.c")).trace.missing_for_next == (
        Missing(K.CRITERION, ("exceeds.d",)),
    )


@pytest.mark.parametrize(
    ("code", "met", "inputs", "expected"),
    [
        (
            "1.3",
            (),
            {"pct_indicators": 10},
            Missing(K.INPUT_BOUND, input="pct_indicators", sign="≥", bound=20.0),
        ),
        (
            "1.3",
            (),
            {"pct_indicators": 40},
            Missing(K.INPUT_BOUND, input="pct_indicators", sign=">", bound=50.0),
        ),
        ("1.3", (), {}, Missing(K.INPUT_GIVEN, input="pct_indicators", interval="[20, 33)")),
        (
            "4.3",
            ("approaches.a",),
            {"pct_women": 55},
            Missing(K.INPUT_BOUND, input="pct_women", sign="≤", bound=53.0),
        ),
        (
            "4.3",
            ("approaches.a",),
            {"pct_women": 40},
            Missing(K.INPUT_BOUND, input="pct_women", sign="≥", bound=47.0),
        ),
        (
            "4.3",
            ("approaches.a",),
            {"pct_women": None},
            Missing(K.INPUT_GIVEN, input="pct_women", interval="[47, 53]"),
        ),
        (
            "4.2",
            (),
            {"pct_positive": 70},
            Missing(K.INPUT_BOUND, input="pct_positive", sign="≥", bound=80.0),
        ),
    ],
)
def test_missing_for_a_band_names_the_input_and_the_edge(
    code: str, met: tuple[str, ...], inputs: dict[str, float | None], expected: Missing
) -> None:
    assert rated(code, met, inputs).trace.missing_for_next == (expected,)


def test_a_band_with_criteria_reports_only_what_fails() -> None:
    assert rated("4.3", (), {"pct_women": 50}).trace.missing_for_next == (
        Missing(K.CRITERION, ("approaches.a",)),
    )


def test_the_top_level_has_nothing_missing() -> None:
    trace = rated("1.2", ("meets.a", "meets.b")).trace
    assert (trace.decided_by, trace.next_level, trace.missing_for_next) == ("exceeds", None, ())


def test_unknown_lists_criteria_answered_unknown_or_not_answered_in_framework_order() -> None:
    answers = {"meets.d": UNKNOWN, "meets.a": MET, "meets.b": NOT_MET}
    trace = rate(UNCT.indicator("4.1"), answers).trace
    assert trace.unknown == ("meets.c", "meets.d")


def test_unknown_inputs_lists_inputs_not_given() -> None:
    assert rated("4.3", ("approaches.a",)).trace.unknown_inputs == ("pct_women",)
    assert rated("4.3", ("approaches.a",), {"pct_women": 50}).trace.unknown_inputs == ()


# --- Not knowing never raises a rating ----------------------------------------------------


def test_unknown_counts_as_not_met() -> None:
    answers = {"meets.a": MET, "meets.b": UNKNOWN, "meets.c": UNKNOWN}
    assert rate(UNCT.indicator("3.2"), answers).level == "approaches"
    answers["meets.b"] = MET
    assert rate(UNCT.indicator("3.2"), answers).level == "meets"


def test_answers_may_be_given_as_their_text_values() -> None:
    assert rate(UNCT.indicator("1.2"), {"meets.b": "met"}).level == "meets"  # type: ignore[dict-item]


# --- Errors -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("answers", "inputs", "fragment"),
    [
        ({"meets.z": MET}, {}, "indicator 4.3 has no criterion 'meets.z'"),
        ({"a": MET}, {}, "indicator 4.3 has no criterion 'a'"),
        ({"approaches.a": "yes"}, {}, "criterion 'approaches.a': 'yes' is not an answer"),
        ({}, {"pct_men": 50}, "indicator 4.3 has no input 'pct_men'"),
        ({}, {"pct_women": 101}, "indicator 4.3, input 'pct_women': 101 is outside [0, 100]"),
        ({}, {"pct_women": -0.5}, "input 'pct_women': -0.5 is outside [0, 100]"),
        ({}, {"pct_women": math.inf}, "input 'pct_women': inf is outside [0, 100]"),
        ({}, {"pct_women": math.nan}, "indicator 4.3, input 'pct_women': NaN is not a value"),
        ({}, {"pct_women": True}, "input 'pct_women': True is not a number"),
        ({}, {"pct_women": "50"}, "input 'pct_women': '50' is not a number"),
    ],
)
def test_answers_and_inputs_that_do_not_fit_raise_a_clear_error(
    answers: dict[str, Answer], inputs: dict[str, float], fragment: str
) -> None:
    with pytest.raises(EngineError) as info:
        rate(UNCT.indicator("4.3"), answers, inputs)
    assert fragment in str(info.value)
    assert isinstance(info.value, ValueError)


def test_rate_assessment_refuses_an_unknown_indicator() -> None:
    with pytest.raises(EngineError, match=r"unct-swap 2018 has no indicator '9\.9'"):
        rate_assessment(UNCT, {"9.9": {}})
    with pytest.raises(EngineError, match=r"has no indicator '8\.1'"):
        rate_assessment(UNCT, {}, {"8.1": {}})


def test_rate_assessment_names_the_indicator_of_a_bad_answer() -> None:
    with pytest.raises(EngineError, match=r"indicator 1\.1 has no criterion 'meets\.c'"):
        rate_assessment(UNCT, {"1.1": {"meets.c": MET}})


# --- Whole assessments --------------------------------------------------------------------


def test_rate_assessment_rates_every_indicator_like_rate_does() -> None:
    answers = {
        "1.1": {"approaches.a": MET, "approaches.b": MET},
        "3.2": {"meets.a": MET, "meets.b": UNKNOWN, "meets.c": MET},
    }
    inputs = {"4.2": {"pct_positive": 73.0}}
    ratings = rate_assessment(UNCT, answers, inputs)
    assert list(ratings) == [item.code for item in UNCT.indicators]
    for indicator in UNCT.indicators:
        code = indicator.code
        assert ratings[code] == rate(indicator, answers.get(code), inputs.get(code))
    assert (ratings["1.1"].level, ratings["3.2"].level, ratings["4.2"].level) == (
        "approaches",
        "meets",
        "meets",
    )
    assert ratings["7.1"].level == "missing"


def test_the_kazakhstan_2022_report_is_reproduced_where_its_criteria_are_quoted() -> None:
    """The ratings of the seed report from the criteria its findings say were met.

    PI 4.3 is left out: the report rates it Approaches while stating that no parity
    mechanism exists (a rating carried over from an earlier year).
    """
    met = {
        "1.1": ("approaches.a", "approaches.b"),
        "1.2": ("meets.a", "meets.b"),
        "2.1": ("meets.a", "meets.b"),
        "2.2": ("meets.b", "meets.c", "exceeds.d"),
        "2.3": ("approaches.a", "approaches.b"),
        "3.1": ("exceeds.a", "exceeds.b", "exceeds.c"),
        "3.2": ("meets.a", "meets.c"),
        "4.1": ("meets.a", "meets.b", "meets.d"),
        "5.2": ("approaches.a",),
        "6.1": ("approaches.a",),
        "7.1": ("approaches.a",),
    }
    answers = {code: dict.fromkeys(ids, MET) for code, ids in met.items()}
    answers["6.1"]["meets.c"] = NOT_MET  # no financial target was set
    inputs = {"1.3": {"pct_indicators": 49.0}, "4.2": {"pct_positive": 73.0}}
    ratings = rate_assessment(UNCT, answers, inputs)
    reported = {
        "1.1": "approaches", "1.2": "exceeds", "1.3": "meets", "2.1": "meets",
        "2.2": "exceeds", "2.3": "approaches", "3.1": "exceeds", "3.2": "meets",
        "4.1": "meets", "4.2": "meets", "5.1": "missing", "5.2": "approaches",
        "6.1": "approaches", "7.1": "approaches",
    }  # fmt: skip
    assert {code: ratings[code].level for code in reported} == reported


# --- Levels -------------------------------------------------------------------------------


def test_level_index_counts_from_the_lowest() -> None:
    assert [level_index(UNCT, key) for key in ("missing", "approaches", "meets", "exceeds")] == [
        0,
        1,
        2,
        3,
    ]
    assert level_index(COLLECTIVE, "embedded") == 3


def test_level_index_refuses_a_level_of_another_framework() -> None:
    with pytest.raises(EngineError, match="unct-swap 2018 has no level 'embedded'"):
        level_index(UNCT, "embedded")


def test_compare_levels_orders_by_level_not_by_name() -> None:
    assert compare_levels(UNCT, "approaches", "meets") == -1
    assert compare_levels(UNCT, "meets", "meets") == 0
    assert compare_levels(UNCT, "exceeds", "missing") == 1
    with pytest.raises(EngineError):
        compare_levels(UNCT, "meets", "gold")


# --- The collective-impact framework ------------------------------------------------------


def test_collective_impact_combines_a_meeting_count_with_a_criterion() -> None:
    indicator = COLLECTIVE.indicator("1.2")
    answers = {"emerging.a": MET, "established.b": MET}
    assert rate(indicator, answers, {"partner_meetings": 11}).level == "emerging"
    assert rate(indicator, answers, {"partner_meetings": 12}).level == "established"
    answers["embedded.c"] = MET
    assert rate(indicator, answers, {"partner_meetings": 24}).level == "embedded"
    assert rate(indicator, answers, {"partner_meetings": 3}).level == "emerging"


def test_collective_impact_all_rule_needs_each_part() -> None:
    indicator = COLLECTIVE.indicator("2.1")
    answers = {"established.b": MET, "established.c": MET, "embedded.d": MET}
    assert rate(indicator, answers).level == "established"
    answers["embedded.f"] = MET
    assert rate(indicator, answers).level == "embedded"
    assert rate(indicator, answers).trace.counted == (
        "established.b",
        "established.c",
        "embedded.d",
        "embedded.f",
    )


# --- Hand-built indicators (no YAML) ------------------------------------------------------


def criterion(level: str, letter: str) -> Criterion:
    return Criterion(
        id=f"{level}.{letter}",
        level=level,
        letter=letter,
        text=Text(en=letter),
        provenance=Provenance("to-verify", note="test"),
    )


def test_the_engine_rates_dataclasses_built_in_code() -> None:
    indicator = Indicator(
        code="X",
        title=Text(en="X"),
        dimension="1",
        levels=(
            IndicatorLevel("low"),
            IndicatorLevel("mid", (criterion("mid", "a"),), AllOf(("mid.a",))),
            IndicatorLevel("high", (criterion("high", "b"),), LevelBelowAnd(("high.b",))),
        ),
    )
    assert rate(indicator, {"high.b": MET}).level == "low"
    assert rate(indicator, {"mid.a": MET, "high.b": MET}).level == "high"


def test_level_below_and_just_above_the_lowest_is_refused() -> None:
    indicator = Indicator(
        code="Y",
        title=Text(en="Y"),
        dimension="1",
        levels=(
            IndicatorLevel("low"),
            IndicatorLevel("mid", (criterion("mid", "a"),), LevelBelowAnd(("mid.a",))),
        ),
    )
    with pytest.raises(EngineError, match="indicator Y, level 'mid': level_below_and cannot"):
        rate(indicator, {})
