"""Every API list reads `page` and `page_size` strictly: a mistake answers 400 naming the
parameter (DRF's default ignored a bad page_size and called a bad page 'not found')."""

from __future__ import annotations

import pytest

from tests.conftest import signed_in

LIST = "/api/v1/organisations/"


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("page_size=false", "page_size"),
        ("page_size=0", "page_size"),
        ("page_size=-3", "page_size"),
        ("page_size=501", "page_size"),
        ("page_size=2.5", "page_size"),
        ("page=abc", "page"),
        ("page=0", "page"),
        ("page=%D9%A3", "page"),  # an Arabic-Indic three, which int() alone would take
    ],
)
def test_a_bad_page_parameter_answers_400_naming_it(world, query, field):
    response = signed_in(world.ada).get(f"{LIST}?{query}")
    assert response.status_code == 400, response.content
    error = response.json()["error"]
    assert error["code"] == "invalid" and list(error["fields"]) == [field]


@pytest.mark.parametrize(("query", "size"), [("page_size=2", 2), ("page_size=500", 4), ("", 4)])
def test_a_good_page_size_is_used(world, query, size):
    page = signed_in(world.ada).get(f"{LIST}?{query}").json()
    assert page["count"] == 4 and len(page["results"]) == size


def test_last_and_a_page_past_the_end(world):
    client = signed_in(world.ada)
    assert client.get(f"{LIST}?page_size=3&page=last").json()["results"][0]["name"]
    assert client.get(f"{LIST}?page_size=3&page=2").status_code == 200
    past = client.get(f"{LIST}?page_size=3&page=3")
    assert past.status_code == 404 and past.json()["error"]["code"] == "not_found"
