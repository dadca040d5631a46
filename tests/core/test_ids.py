"""Identifiers: a number the database cannot hold (2^63 or more on SQLite and PostgreSQL)
is refused where it is parsed, so it never reaches a query (which answered 500)."""

from __future__ import annotations

import re

import pytest
from django.urls import resolve
from django.urls.exceptions import Resolver404

from cometa.core.errors import ValidationFailed
from cometa.core.ids import MAX_ID, IdConverter, parse_id

TOO_LARGE = 2**63


@pytest.mark.parametrize(
    ("text", "expected"),
    [("1", 1), ("42", 42), (str(MAX_ID), MAX_ID), (" 7 ", 7), (12, 12)],
)
def test_an_id_in_range_is_read(text, expected):
    assert parse_id(text, field="assessment") == expected


@pytest.mark.parametrize(
    "text", [str(TOO_LARGE), "9" * 40, "0", "-3", "", "abc", "1.5", "١٢", None, True]
)
def test_anything_else_is_refused_naming_the_field(text):
    with pytest.raises(ValidationFailed) as refused:
        parse_id(text, field="organisation")
    assert list(refused.value.errors) == ["organisation"]


def test_the_path_converter_takes_what_the_database_holds():
    converter = IdConverter()
    assert converter.to_python(str(MAX_ID)) == MAX_ID
    with pytest.raises(ValueError):
        converter.to_python(str(TOO_LARGE))
    assert converter.to_url(5) == "5"


def test_a_route_with_an_id_too_large_does_not_match():
    assert resolve("/scorecards/12/").kwargs == {"pk": 12}
    with pytest.raises(Resolver404):
        resolve(f"/scorecards/{TOO_LARGE}/")


def _routes_with_ids(patterns, prefix=""):
    from django.urls import URLPattern, URLResolver

    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _routes_with_ids(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            route = prefix + str(pattern.pattern)
            if re.search(r"<(int|id):\w+>|\(\?P<\w+>\\d\+\)", route):
                yield route


def _address(route: str) -> str:
    address = re.sub(r"<(int|id):\w+>|\(\?P<\w+>\\d\+\)", str(TOO_LARGE), route)
    address = re.sub(r"<str:\w+>", "1.1", address)
    return "/" + address.replace("^", "").replace("$", "").replace("\\.", ".")


def test_every_route_with_an_id_answers_404_for_one_too_large(world):
    from django.urls import get_resolver

    from tests.conftest import signed_in

    routes = sorted(set(_routes_with_ids(get_resolver().url_patterns)))
    assert len(routes) > 40  # pages and API, scorecards, accounts and jobs
    client = signed_in(world.ada)
    answers = {}
    for route in routes:
        for method in ("get", "post", "patch", "delete"):
            response = getattr(client, method)(_address(route))
            answers[(route, method)] = response.status_code
    wrong = {key: code for key, code in answers.items() if code not in (404, 405)}
    assert not wrong
