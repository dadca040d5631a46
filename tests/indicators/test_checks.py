"""The check that parts add up to their total, table-driven and as a property."""

from __future__ import annotations

import itertools
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.indicators.checks import parts_add_up
from cometa.indicators.disaggregation import format_key

PROPERTY = settings(derandomize=True, max_examples=200, deadline=None, database=None)
SEX = ["F", "M", "_O", "_U"]
AGE = ["Y15T24", "Y25T34"]


def dec(values: dict[str, int | str]) -> dict[str, Decimal]:
    return {key: Decimal(value) for key, value in values.items()}


def test_parts_that_add_up_give_no_finding():
    values = dec({"": 10, "sex=F": 7, "sex=M": 3})
    assert parts_add_up(values, {"sex": SEX}) == []


def test_parts_that_do_not_add_up_are_reported_with_the_numbers():
    values = dec({"": 10, "sex=F": 7, "sex=M": 2})
    [finding] = parts_add_up(values, {"sex": SEX})
    assert (finding.key, finding.dimension) == ("", "sex")
    assert (finding.expected, finding.found, finding.difference) == (10, 9, -1)
    assert finding.parts == ("sex=F", "sex=M")
    assert finding.missing == ("_O", "_U")


@pytest.mark.parametrize(
    ("values", "exhaustive", "expected"),
    [
        # no total stored: nothing to compare
        ({"sex=F": 7, "sex=M": 3}, {"sex": SEX}, []),
        # a dimension that is not exhaustive is not checked
        ({"": 10, "indigenous=IND_SELF": 6, "indigenous=IND_LANG": 6}, {"sex": SEX}, []),
        # parts above the total
        ({"": 10, "sex=F": 8, "sex=M": 3}, {"sex": SEX}, [("", "sex", 1)]),
        # a cross-tabulation is checked at every level, each dimension on its own
        (
            {
                "": 10,
                "age=Y15T24": 4,
                "age=Y25T34": 6,
                "age=Y15T24;sex=F": 3,
                "age=Y15T24;sex=M": 2,
            },
            {"sex": SEX, "age": AGE},
            [("age=Y15T24", "sex", 1)],
        ),
        # parts of only some codes: the cell women (7) against women by age (3)
        ({"sex=F": 7, "age=Y15T24;sex=F": 3}, {"sex": SEX, "age": AGE}, [("sex=F", "age", -4)]),
        # the grand total split by age and, separately, by sex
        (
            {"": 10, "age=Y15T24": 5, "sex=F": 9},
            {"sex": SEX, "age": AGE},
            [("", "age", -5), ("", "sex", -1)],
        ),
    ],
)
def test_findings_name_the_total_the_dimension_and_the_difference(values, exhaustive, expected):
    found = parts_add_up(dec(values), exhaustive)
    assert [(f.key, f.dimension, f.difference) for f in found] == expected


def test_a_tolerance_accepts_rounding():
    values = dec({"": "10.0", "sex=F": "6.67", "sex=M": "3.34"})
    assert parts_add_up(values, {"sex": SEX}, tolerance=Decimal("0.01")) == []
    assert len(parts_add_up(values, {"sex": SEX})) == 1


def margins(leaves: dict[tuple[str, str], int]) -> dict[str, Decimal]:
    """Every total of a sex x age table: the leaves, their row and column sums, the total."""
    values: dict[str, Decimal] = {}
    for (sex, age), count in leaves.items():
        for use_sex, use_age in itertools.product([True, False], repeat=2):
            pairs = ([("sex", sex)] if use_sex else []) + ([("age", age)] if use_age else [])
            key = format_key(pairs)
            values[key] = values.get(key, Decimal(0)) + count
    return values


leaf_tables = st.dictionaries(
    st.tuples(st.sampled_from(SEX), st.sampled_from(AGE)), st.integers(0, 10_000), min_size=1
)


@PROPERTY
@given(leaf_tables)
def test_a_table_built_by_summing_its_leaves_always_adds_up(leaves):
    assert parts_add_up(margins(leaves), {"sex": SEX, "age": AGE}) == []


@PROPERTY
@given(leaf_tables, st.data(), st.integers(1, 500))
def test_changing_one_leaf_is_found_with_its_difference(leaves, data, change):
    values = margins(leaves)
    sex, age = data.draw(st.sampled_from(sorted(leaves)))
    leaf = format_key([("sex", sex), ("age", age)])
    values[leaf] += change
    findings = parts_add_up(values, {"sex": SEX, "age": AGE})
    assert {(f.key, f.dimension) for f in findings} == {
        (f"age={age}", "sex"),
        (f"sex={sex}", "age"),
    }
    assert all(f.difference == change for f in findings)
