"""The IATI fixtures of the interchange tests, reused: ``full.xml`` uses every element and
attribute under ``result``; ``other_publisher.xml`` is a donor's file with much Cometa does
not hold."""

from __future__ import annotations

from pathlib import Path

from tests.results.conftest import offices  # noqa: F401 (a fixture)

FIXTURES = Path(__file__).parents[2] / "interchange" / "iati" / "fixtures"
FULL = FIXTURES / "full.xml"
OTHER = FIXTURES / "other_publisher.xml"
