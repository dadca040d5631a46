"""The registry hook as scorecards read it: any provider's suggestion is rated by the
framework's own rules, and one that does not fit the assessment's framework is left out."""

from __future__ import annotations

from cometa.core.registry import Module, registry
from cometa.scorecards.assessments.suggested import Suggestion, suggestions_for


def test_suggestions_are_rated_by_the_framework_and_misfits_dropped(country, monkeypatch) -> None:
    def provider(person, assessment):  # type: ignore[no-untyped-def]
        return [
            Suggestion("unct-swap", "1.3", "fake", inputs={"pct_indicators": 50.0}),
            Suggestion("unct-swap", "1.3", "fake-high", inputs={"pct_indicators": 50.5}),
            Suggestion("other-framework", "1.3", "fake", inputs={"pct_indicators": 50.0}),
            Suggestion("unct-swap", "9.9", "fake"),
            Suggestion("unct-swap", "6.1", "fake", answers={"meets.z": "met"}),
            Suggestion("unct-swap", "1.3", "fake-bad", inputs={"pct_indicators": 140.0}),
        ]

    fake = Module(key="fake", label="Fake", rating_suggestions=(provider,))
    monkeypatch.setitem(registry.modules, "fake", fake)
    found = suggestions_for(country.world.aisha, country.assessment)
    assert [(i.suggestion.source, i.suggestion.indicator_code, i.level) for i in found] == [
        ("fake", "1.3", "meets"),
        ("fake-high", "1.3", "exceeds"),
    ]
