"""The assessment page's sections, progress and badges, without requests: where an anchor
lives, the palette colour of each level (the same as the chart's, with readable text), the
progress an assessment's kind asks for, and why Submit is disabled."""

from __future__ import annotations

import re
from pathlib import Path
from types import SimpleNamespace

import pytest

import cometa
from cometa.reports.charts import RATING_COLORS
from cometa.scorecards.models import Assessment, AssessmentKind, AssessmentStatus
from cometa.scorecards.web import summary

CSS = Path(cometa.__file__).resolve().parent / "static" / "cometa" / "cometa.css"


@pytest.mark.parametrize(
    ("anchor", "section"),
    [
        ("indicators", "indicators"),
        ("team", "team"),
        ("process", "team"),
        ("workflow", "review"),
        ("review", "review"),
        ("action-12", "actions"),
        ("evidence", "evidence"),
        ("comments", "comments"),
        ("removed", "removed"),
        ("", "indicators"),
        ("no-such-part", "indicators"),
    ],
)
def test_each_anchor_lives_in_one_section(anchor, section):
    assert summary.section_of(anchor) == section


def test_the_tabs_mark_the_current_section_and_offer_removed_only_when_there_is_some():
    names = [tab.name for tab in summary.tabs("team", removed=False)]
    assert names == ["indicators", "review", "team", "actions", "evidence", "comments"]
    assert [tab.name for tab in summary.tabs("team", removed=False) if tab.current] == ["team"]
    assert "removed" in [tab.name for tab in summary.tabs("team", removed=True)]


def _framework(*keys: str) -> SimpleNamespace:
    return SimpleNamespace(levels=[SimpleNamespace(key=key) for key in keys])


@pytest.mark.parametrize(
    ("keys", "tones"),
    [
        (("missing", "approaches", "meets", "exceeds"), None),  # the UNCT-SWAP: by key
        (("absent", "emerging", "established", "embedded"), summary.SCALE),  # by rank
        (("low", "high"), ()),  # no colour: the badge is its words on the panel colour
    ],
)
def test_a_level_takes_the_colour_the_chart_gives_it(keys, tones):
    found = summary.level_tones(_framework(*keys))  # type: ignore[arg-type]
    expected = dict(zip(keys, keys if tones is None else tones, strict=False))
    assert found == expected


def _luminance(colour: str) -> float:
    def linear(value: int) -> float:
        channel = value / 255
        return channel / 12.92 if channel <= 0.04045 else ((channel + 0.055) / 1.055) ** 2.4

    red, green, blue = (int(colour.lstrip("#")[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * linear(red) + 0.7152 * linear(green) + 0.0722 * linear(blue)


def _contrast(first: str, second: str) -> float:
    darker, lighter = sorted((_luminance(first), _luminance(second)))
    return (lighter + 0.05) / (darker + 0.05)


@pytest.mark.parametrize("tone", summary.SCALE)
def test_each_badge_has_the_charts_colour_and_text_readable_on_it(tone):
    rule = re.search(rf"\.badge-{tone} \{{ background: (#\w+); color: (#\w+); \}}", CSS.read_text())
    assert rule, f".badge-{tone} is missing from cometa.css"
    background, text = rule.groups()
    assert background.lower() == RATING_COLORS[tone].lower()
    assert _contrast(background, text) >= 4.5


@pytest.mark.parametrize(
    ("kind", "reassessed", "required", "missing"),
    [
        (AssessmentKind.ANNUAL, 2, 5, 3),
        (AssessmentKind.ANNUAL, 7, 5, 0),
        (AssessmentKind.COMPREHENSIVE, 2, 15, 13),
    ],
)
def test_progress_counts_against_what_the_kind_asks(kind, reassessed, required, missing):
    made = summary.progress(
        Assessment(kind=kind),
        reassessed=reassessed,
        total=15,
        severities=["error", "warning", "warning"],
        evidence=4,
    )
    assert (made.required, made.missing, made.enough) == (required, missing, missing == 0)
    assert (made.errors, made.warnings, made.evidence) == (1, 2, 4)


@pytest.mark.parametrize(
    ("status", "steps", "may_edit", "errors", "reason"),
    [
        (AssessmentStatus.DRAFT, ["submit"], True, 0, ""),
        (AssessmentStatus.DRAFT, ["submit"], True, 2, "2 checks must be fixed before"),
        (AssessmentStatus.RETURNED, ["submit"], True, 1, "1 check must be fixed before"),
        (AssessmentStatus.DRAFT, [], True, 0, "Only a coordinator of the country team"),
        (AssessmentStatus.DRAFT, [], False, 0, ""),  # a viewer is not told about submitting
        (AssessmentStatus.SUBMITTED, [], True, 3, ""),
    ],
)
def test_the_submit_button_says_why_it_is_disabled(status, steps, may_edit, errors, reason):
    found = summary.submit_blocked(
        Assessment(status=status), steps, may_edit=may_edit, errors=errors
    )
    assert found.startswith(reason) and bool(found) is bool(reason)
