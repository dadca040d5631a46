"""The category of supporting evidence an indicator's documents usually fall in, so that
evidence added from an indicator's page starts with it.

The UNCT-SWAP annual report lists its supporting evidence by indicator under a category
("Joint Program documents" for PI 2.1, "Government engagement" for PI 3.1, and so on: the
Kazakhstan 2022 report, seed-001, chapter 9). Indicators it pairs with no category of their
own, and frameworks it does not cover, start with "Means of verification". A pure table:
no database.
"""

from __future__ import annotations

from cometa.scorecards.models.records import EvidenceCategory

_BY_INDICATOR: dict[tuple[str, str], str] = {
    ("unct-swap", "2.1"): EvidenceCategory.JOINT_PROGRAMMES,
    ("unct-swap", "2.2"): EvidenceCategory.COMMUNICATION,
    ("unct-swap", "3.1"): EvidenceCategory.GOVERNMENT,
    ("unct-swap", "3.2"): EvidenceCategory.CSO,
    ("unct-swap", "4.1"): EvidenceCategory.RC_COMMUNICATIONS,
    ("unct-swap", "5.2"): EvidenceCategory.CAPACITY,
    ("unct-swap", "6.1"): EvidenceCategory.FINANCE,
    ("unct-swap", "7.1"): EvidenceCategory.CF_MONITORING,
}


def category_for(framework: str, code: str) -> str:
    """The category evidence for indicator ``code`` of ``framework`` starts with."""
    return str(_BY_INDICATOR.get((framework, code), EvidenceCategory.VERIFICATION))
