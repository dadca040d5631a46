"""Evidence added from an indicator starts in the category its report pairs it with."""

from __future__ import annotations

import pytest

from cometa.scorecards.models import EvidenceCategory
from cometa.scorecards.records.categories import category_for


@pytest.mark.parametrize(
    ("framework", "code", "expected"),
    [
        ("unct-swap", "2.1", EvidenceCategory.JOINT_PROGRAMMES),
        ("unct-swap", "3.1", EvidenceCategory.GOVERNMENT),
        ("unct-swap", "3.2", EvidenceCategory.CSO),
        ("unct-swap", "6.1", EvidenceCategory.FINANCE),
        ("unct-swap", "1.1", EvidenceCategory.VERIFICATION),  # no category of its own
        ("collective-impact", "2.1", EvidenceCategory.VERIFICATION),  # another framework
    ],
)
def test_the_category_follows_the_indicator(framework, code, expected) -> None:
    assert category_for(framework, code) == expected


def test_every_category_named_is_a_category() -> None:
    from cometa.scorecards.records.categories import _BY_INDICATOR

    assert set(_BY_INDICATOR.values()) <= set(EvidenceCategory.values)
