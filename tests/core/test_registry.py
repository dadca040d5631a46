"""The shell's registry: modules plug in without the shell knowing them."""

from __future__ import annotations

import pytest

from cometa.core.registry import Card, Module, NavEntry, Registry, Routes, current_entry, registry


def test_the_installed_modules_registered_themselves():
    assert {"accounts", "scorecards"} <= set(registry.modules)


def test_a_module_registered_twice_is_refused():
    fresh = Registry()
    fresh.register(Module("x", "X"))
    with pytest.raises(ValueError, match="'x' is registered twice"):
        fresh.register(Module("x", "X again"))


def test_navigation_is_ordered_and_filtered_by_the_modules_own_rule():
    fresh = Registry()
    late = NavEntry("Late", "late", order=50)
    early = NavEntry("Early", "early", order=10)
    hidden = NavEntry("Hidden", "hidden", order=5, visible=lambda person: person == "admin")
    fresh.register(Module("a", "A", navigation=(late, hidden)))
    fresh.register(Module("b", "B", navigation=(early,)))
    assert fresh.navigation("someone") == [early, late]
    assert fresh.navigation("admin") == [hidden, early, late]


def test_cards_from_every_module_in_their_order():
    fresh = Registry()
    fresh.register(Module("a", "A", cards=(lambda person: [Card("two", "Two", order=2)],)))
    fresh.register(Module("b", "B", cards=(lambda person: [Card("one", "One", order=1)],)))
    assert [card.key for card in fresh.cards("someone")] == ["one", "two"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("/", "Home"),
        ("/scorecards/", "Scorecards"),
        ("/scorecards/assessments/4/", "Scorecards"),
        ("/scorecards/global/", "Global"),
        ("/organisations/", None),
        ("/homepage", None),
    ],
)
def test_the_current_entry_is_the_longest_matching_prefix(path, expected):
    entries = [
        NavEntry("Home", "home", paths=("/",)),
        NavEntry("Scorecards", "s", paths=("/scorecards/",)),
        NavEntry("Global", "g", paths=("/scorecards/global/",)),
    ]
    found = current_entry(entries, path)
    assert (found.label if found else None) == expected


def test_routes_are_mounted_api_first():
    fresh = Registry()
    web = Routes("things/", "cometa.core.web.urls")
    fresh.register(Module("a", "A", web=(web,), api=(Routes("things/", "cometa.core.api.urls"),)))
    patterns = fresh.url_patterns()
    assert [str(p.pattern) for p in patterns] == ["api/v1/things/", "things/"]
