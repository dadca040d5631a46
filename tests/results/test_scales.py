"""The fixed scales: progress assessments and the gender equality marker."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.results.scales import GenderMarker, Progress, on_track_share


def test_the_progress_scale_is_fixed() -> None:
    assert Progress.values == ["on_track", "partly", "off_track", "not_assessed"]


def test_the_marker_runs_from_0_to_3() -> None:
    assert GenderMarker.values == [0, 1, 2, 3]
    assert [GenderMarker(v).counts_for_share for v in GenderMarker.values] == [
        False,
        False,
        True,
        True,
    ]


@pytest.mark.parametrize(
    ("assessments", "on_track", "assessed", "share"),
    [
        ([], 0, 0, None),
        (["not_assessed"], 0, 0, None),
        (["on_track", "partly", "off_track"], 1, 3, Decimal("0.3333")),
        (["on_track", "on_track", "not_assessed"], 2, 2, Decimal("1")),
        (["partly", "partly"], 0, 2, Decimal("0")),
    ],
)
def test_on_track_share_leaves_out_what_was_not_assessed(
    assessments, on_track, assessed, share
) -> None:
    found = on_track_share(assessments)
    assert (found.on_track, found.assessed, found.share) == (on_track, assessed, share)


def test_an_unknown_assessment_is_refused() -> None:
    with pytest.raises(ValueError, match="late"):
        on_track_share(["late"])
