"""The rating panel's pure parts: which level counts after a save, and what is a drop."""

from __future__ import annotations

import pytest

from cometa.scorecards.assessments.services import IndicatorValues
from cometa.scorecards.frameworks.engine import Rating, Trace
from cometa.scorecards.web.rating_panel import criterion_anchor, level_after, lowered

LEVELS = ("missing", "approaches", "meets", "exceeds")


def _rating(level: str) -> Rating:
    return Rating("1.1", level, Trace(None, (), (), (), None, ()))


@pytest.mark.parametrize(
    ("before", "after", "expected"),
    [
        ("exceeds", "meets", True),
        ("exceeds", "missing", True),
        ("approaches", "missing", True),
        ("meets", "meets", False),
        ("meets", "exceeds", False),
        ("", "missing", False),  # no rating before: nothing to lose
        ("meets", "", False),
        ("retired-level", "missing", False),  # a level the framework does not know
    ],
)
def test_a_drop_is_a_lower_known_level(before, after, expected) -> None:
    assert lowered(LEVELS, before, after) is expected


@pytest.mark.parametrize(
    ("current", "values", "rating", "expected"),
    [
        ("exceeds", IndicatorValues(reassessed=True), _rating("meets"), "meets"),
        (
            "exceeds",
            IndicatorValues(reassessed=True, agreed_level="exceeds"),
            _rating("meets"),
            "exceeds",
        ),
        ("exceeds", IndicatorValues(reassessed=False), _rating("missing"), "exceeds"),
        (
            "exceeds",
            IndicatorValues(reassessed=False, agreed_level="approaches"),
            None,
            "approaches",
        ),
        ("meets", IndicatorValues(reassessed=True), None, "meets"),  # answers that do not fit
    ],
)
def test_the_level_after_a_save_is_the_one_the_service_would_keep(
    current, values, rating, expected
) -> None:
    assert level_after(current, values, rating) == expected


def test_a_criterion_is_found_on_the_page_by_an_id_without_dots() -> None:
    assert criterion_anchor("meets.b") == "criterion-meets-b"
