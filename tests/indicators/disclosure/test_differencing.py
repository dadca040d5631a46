"""Differencing, proved on random nested populations: no two shown releases, one
nested in the other, differ by 1 to k−1 people."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from cometa.indicators.disclosure import Release, held_back

PROPERTY = settings(derandomize=True, max_examples=200, deadline=None, database=None)


@st.composite
def nested(draw: st.DrawFn) -> dict[str, frozenset[int]]:
    """A network of people and sub-populations, each a subset of one drawn before it."""
    everyone = frozenset(range(draw(st.integers(0, 60))))
    populations = {"p0": everyone}
    for number in range(1, draw(st.integers(1, 8))):
        parent = populations[draw(st.sampled_from(sorted(populations)))]
        members = draw(st.lists(st.sampled_from(sorted(parent)), unique=True)) if parent else []
        populations[f"p{number}"] = frozenset(members)
    return populations


def releases_of(populations: dict[str, frozenset[int]]) -> list[Release]:
    return [
        Release(
            name,
            len(people),
            frozenset(o for o, other in populations.items() if o != name and people <= other),
        )
        for name, people in populations.items()
    ]


@PROPERTY
@given(nested(), st.integers(3, 10))
def test_no_two_shown_nested_releases_differ_by_fewer_than_k(populations, k):
    held = held_back(releases_of(populations), k)
    shown = {name: people for name, people in populations.items() if name not in held}
    for name, people in shown.items():
        for other, others in shown.items():
            if name != other and people <= others:
                assert len(others - people) == 0 or len(others - people) >= k


def test_the_narrower_release_is_held_back_and_the_chain_is_followed():
    releases = [
        Release("network", 100),
        Release("less one centre", 97, frozenset({"network"})),
        Release("less two centres", 95, frozenset({"less one centre"})),
        Release("one centre", 40, frozenset({"network"})),
    ]
    assert held_back(releases, 5) == {"less one centre"}
    assert held_back(releases, 6) == {"less one centre", "less two centres"}
