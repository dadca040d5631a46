"""Disaggregation keys: one canonical spelling per cell, checked against code lists."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.indicators.disaggregation import (
    DisaggregationKeyError,
    canonical_key,
    cells,
    format_key,
    key_problems,
    parse_key,
    without,
)

PROPERTY = settings(derandomize=True, max_examples=200, deadline=None, database=None)
ALLOWED = {"sex": ["F", "M", "_O", "_U"], "age": ["Y15T24", "Y25T34"]}


@pytest.mark.parametrize(
    ("text", "pairs", "canonical"),
    [
        ("", (), ""),
        ("  ", (), ""),
        ("sex=F", (("sex", "F"),), "sex=F"),
        ("sex=F;age=Y15T24", (("age", "Y15T24"), ("sex", "F")), "age=Y15T24;sex=F"),
        (" sex = F ; age=Y15T24", (("age", "Y15T24"), ("sex", "F")), "age=Y15T24;sex=F"),
        ("migratory_status=MIGPER", (("migratory_status", "MIGPER"),), "migratory_status=MIGPER"),
    ],
)
def test_a_key_has_one_canonical_spelling(text, pairs, canonical):
    assert parse_key(text) == pairs
    assert canonical_key(text) == canonical == format_key(pairs)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("sex", "not written dimension=code"),
        ("sex=", "not written dimension=code"),
        ("=F", "not written dimension=code"),
        ("Sex=F", "not written dimension=code"),
        ("sex=F;", "not written dimension=code"),
        ("sex=F;sex=M", "names the dimension sex twice"),
        ("sex=F M", "not written dimension=code"),
    ],
)
def test_a_badly_written_key_is_refused_with_the_part_at_fault(text, message):
    with pytest.raises(DisaggregationKeyError, match=message):
        parse_key(text)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("sex=F;age=Y15T24", None),
        ("", None),
        ("disability=PD", "not disaggregated by disability"),
        ("sex=_T", "_T is a total"),
        ("sex=X", "X is not a code of sex"),
        ("age=Y_GE65", "Y_GE65 is not a code of age"),
    ],
)
def test_a_key_is_checked_against_the_dimensions_of_the_indicator(text, problem):
    problems = key_problems(parse_key(text), ALLOWED)
    if problem is None:
        assert problems == []
    else:
        assert len(problems) == 1 and problem in problems[0]


def test_the_cells_of_a_grid_run_from_the_total_to_the_cross_tabulation():
    grid = cells({"sex": ["F", "M"], "age": ["Y15T24", "Y25T34"]})
    assert grid == [
        "",
        "age=Y15T24",
        "age=Y25T34",
        "sex=F",
        "sex=M",
        "age=Y15T24;sex=F",
        "age=Y15T24;sex=M",
        "age=Y25T34;sex=F",
        "age=Y25T34;sex=M",
    ]
    assert cells({"sex": ["F", "M"], "age": ["Y15T24"]}, depth=1) == [
        "",
        "age=Y15T24",
        "sex=F",
        "sex=M",
    ]


def test_one_level_up_totals_over_a_dimension():
    assert without(parse_key("age=Y15T24;sex=F"), "sex") == (("age", "Y15T24"),)


names = st.sampled_from(["sex", "age", "disability", "location", "indigenous", "x_1"])
codes = st.from_regex(r"[A-Za-z0-9_][A-Za-z0-9_.+-]{0,8}", fullmatch=True)


@PROPERTY
@given(st.dictionaries(names, codes, max_size=5), st.randoms(use_true_random=False))
def test_any_order_of_the_pairs_gives_the_same_canonical_key(pairs, random):
    items = list(pairs.items())
    random.shuffle(items)
    text = ";".join(f"{name}={code}" for name, code in items)
    canonical = canonical_key(text)
    assert canonical == format_key(pairs)
    assert canonical_key(canonical) == canonical
    assert dict(parse_key(canonical)) == pairs


@PROPERTY
@given(
    st.dictionaries(
        st.sampled_from(["a", "b", "c"]),
        st.lists(codes, min_size=1, max_size=3, unique=True),
        max_size=3,
    )
)
def test_a_grid_has_every_cell_once(dimensions):
    grid = cells(dimensions)
    assert len(grid) == len(set(grid))
    expected = 1
    for values in dimensions.values():
        expected *= len(values) + 1  # each dimension: left out (total) or one of its codes
    assert len(grid) == expected
