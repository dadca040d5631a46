"""Organisation pages: a parent the reader may not open is named, not linked."""

from __future__ import annotations


def _page(client, organisation) -> str:
    response = client.get(f"/organisations/{organisation.pk}/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_parent_is_linked_for_a_reader_who_may_open_it(world, client_for):
    page = _page(client_for(world.aisha), world.undp)
    assert f'<a href="/organisations/{world.unct.pk}/">{world.unct.name}</a>' in page


def test_the_parent_is_only_named_for_a_reader_who_may_not_open_it(world, client_for):
    client = client_for(world.bolat)
    assert client.get(f"/organisations/{world.unct.pk}/").status_code == 404
    page = _page(client, world.undp)
    assert world.unct.name in page
    assert f'href="/organisations/{world.unct.pk}/"' not in page
