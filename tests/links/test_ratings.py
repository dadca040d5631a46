"""The pure figures behind the suggestions, rated by the UNCT-SWAP framework's own rules
(the shipped framework data, not a copy of its thresholds)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from cometa.links import ratings
from cometa.links.ratings import AttachedIndicator, OfficeBudget, OutcomeProgress
from cometa.scorecards.frameworks.loading import load_framework
from cometa.scorecards.frameworks.rating import compute


@pytest.fixture(scope="module")
def swap():
    folder = Path(__file__).parents[2] / "src/cometa/scorecards/frameworks/data"
    return load_framework(folder / "unct-swap-2018.yaml")


def indicators(counted: int, sensitive: int) -> list[AttachedIndicator]:
    return [
        AttachedIndicator(1, "UN Women Kazakhstan", f"I-{n} v1", (f"{n}.1",), n <= sensitive)
        for n in range(1, counted + 1)
    ]


def level_13(swap, counted: int, sensitive: int) -> str:
    share = ratings.cf_share(indicators(counted, sensitive))
    assert share is not None
    return compute(swap.indicator("1.3"), {}, share.inputs()).level


def test_38_of_78_is_49_percent_and_meets(swap) -> None:
    share = ratings.cf_share(indicators(78, 38))
    assert share is not None
    assert (share.counted, share.sensitive, round(share.percent)) == (78, 38, 49)
    assert level_13(swap, 78, 38) == "meets"


@pytest.mark.parametrize(
    ("counted", "sensitive", "level"),
    [
        (3, 1, "meets"),  # one third: 33.3 %, inside the band from 33 %
        (100, 33, "meets"),  # the lower edge, included
        (100, 32, "approaches"),
        (2, 1, "meets"),  # one half: the upper edge, included
        (100, 50, "meets"),
        (100, 51, "exceeds"),
        (10000, 5001, "exceeds"),  # 50.01 %: not rounded down into the band
        (100, 20, "approaches"),
        (100, 19, "missing"),
        (4, 0, "missing"),
        (4, 4, "exceeds"),
    ],
)
def test_the_framework_bands_decide_at_their_edges(swap, counted, sensitive, level) -> None:
    assert level_13(swap, counted, sensitive) == level


def test_a_cooperation_framework_indicator_counts_once() -> None:
    # Two offices measure CF indicator 1.1; one of them with a gender-sensitive definition.
    found = [
        AttachedIndicator(1, "A", "X v1", ("1.1",), False),
        AttachedIndicator(2, "B", "Y v1", ("1.1", "2.1"), True),
        AttachedIndicator(2, "B", "Z v1", (), True),  # no CF reference: not counted
    ]
    share = ratings.cf_share(found)
    assert share is not None
    assert (share.counted, share.sensitive, share.by_cf) == (2, 2, {"1.1": True, "2.1": True})
    assert share.offices == (1, 2)


def test_no_data_no_figures() -> None:
    assert ratings.cf_share([]) is None
    assert ratings.cf_share([AttachedIndicator(1, "A", "Z v1", (), True)]) is None
    assert ratings.budget_figures([]) is None
    assert ratings.budget_figures([OfficeBudget(1, "A", "USD", Decimal(0), Decimal(0))]) is None
    assert ratings.on_track([]) is None
    assert ratings.on_track([OutcomeProgress(1, "A", "D_1.1", "not_assessed")]) is None


def test_budget_totals_stay_per_currency() -> None:
    found = ratings.budget_figures(
        [
            OfficeBudget(1, "A", "USD", Decimal(300), Decimal(100)),
            OfficeBudget(2, "B", "USD", Decimal(100), Decimal(100)),
            OfficeBudget(2, "B", "KZT", Decimal(1000), Decimal(0)),
        ]
    )
    assert found is not None
    assert found.totals == {
        "KZT": (Decimal(1000), Decimal(0), Decimal(0)),
        "USD": (Decimal(400), Decimal(200), Decimal("0.5")),
    }
    assert found.answers() == {"meets.b": "met"}


def test_the_marker_applied_counts_towards_meets_only_with_the_team_answers(swap) -> None:
    pi = swap.indicator("6.1")
    marker = {"meets.b": "met"}
    assert compute(pi, marker, {}).level == "missing"  # training and target still unknown
    team = {"approaches.a": "met", "meets.c": "met"}
    assert compute(pi, {**team, **marker}, {}).level == "meets"


@pytest.mark.parametrize(
    ("progress", "level"),
    [
        (["on_track", "on_track", "not_assessed"], "meets"),
        (["on_track", "partly", "off_track"], "approaches"),
        (["partly", "off_track"], "missing"),
    ],
)
def test_outcomes_on_track_answer_pi_71(swap, progress, level) -> None:
    found = ratings.on_track(
        OutcomeProgress(1, "A", f"D_{n}.1", code) for n, code in enumerate(progress, 1)
    )
    assert found is not None
    assert compute(swap.indicator("7.1"), found.answers(), {}).level == level
