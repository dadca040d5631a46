"""Every address parameter that reaches the database is bounded: ids use the ``id``
converter (a number past 2^63 - 1 does not match: 404) and years the ``year`` converter
(four digits). ``<int:...>`` let such numbers through to SQLite, which answered 500."""

from __future__ import annotations

from django.urls import URLPattern, URLResolver, get_resolver

BOUNDED = {"id", "year", "str", "slug", "path", "uuid"}


def _patterns(resolver: URLResolver, prefix: str = ""):  # type: ignore[no-untyped-def]
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        elif isinstance(entry, URLPattern):
            yield route, entry


def test_no_route_takes_an_unbounded_number():
    unbounded = []
    for route, entry in _patterns(get_resolver()):
        converters = getattr(entry.pattern, "converters", {})
        for name, converter in converters.items():
            kind = type(converter).__name__
            if kind == "IntConverter":
                unbounded.append(f"{route} ({name})")
    assert unbounded == []


def test_a_year_of_more_than_four_digits_is_not_found(world):
    from tests.conftest import signed_in

    client = signed_in(world.ada)
    assert client.get("/api/v1/results/outcomes/1/narratives/20220/").status_code == 404
    assert (
        client.get("/api/v1/results/outcomes/99999999999999999999/narratives/2022/").status_code
        == 404
    )
