"""What the network gives the shell: the navigation entry for people inside a network,
the follow-ups card for a partner's editors, the search by code without identities."""

from __future__ import annotations

import time_machine

from cometa.core.registry import registry
from cometa.network.shell import cards, reaches_a_network, search
from tests.conftest import make_person, signed_in
from tests.network.story import NAME


def test_the_entry_shows_to_people_inside_a_network_only(net):
    assert reaches_a_network(net.vera) and reaches_a_network(net.bea)
    outsider = make_person("out@example.org", "Out")
    assert not reaches_a_network(outsider)
    assert "network:networks" in [e.url_name for e in registry.navigation(net.vera)]
    assert "network:networks" not in [e.url_name for e in registry.navigation(outsider)]


@time_machine.travel("2024-12-02 10:00", tick=False)
def test_editors_get_a_card_of_their_follow_ups(net, story):
    (card,) = cards(net.pablo)
    assert card.links[0].text == "Co-Meta: 1 follow-up to do"
    assert list(cards(net.vera)) == []  # a viewer records nothing
    assert "Co-Meta: 1 follow-up to do" in signed_in(net.pablo).get("/").content.decode()


def test_the_search_finds_codes_the_person_may_see_and_no_names(net, story):
    hits = list(search(net.pablo, story.woman.code[:4], 10))
    assert [hit.title for hit in hits] == [story.woman.code]
    assert list(search(net.pablo, story.other.code, 10)) == []  # another partner's woman
    assert len(list(search(net.bea, story.other.code, 10))) == 1  # the backbone sees her code
    page = signed_in(net.pablo).get(f"/search/?q={story.woman.code}").content.decode()
    assert story.woman.code in page and NAME not in page
    assert list(search(net.pablo, "AB", 10)) == []  # too short to search
