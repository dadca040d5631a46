"""Runs the declared permission matrix (tests/web/matrix.py) against the real URLs,
and checks the security headers of every answer."""

from __future__ import annotations

import functools
import importlib
import json
from dataclasses import dataclass, field
from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver
from django.utils import timezone

from cometa.accounts import services, tokens
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Membership, Organisation, Person
from cometa.accounts.roles import Role
from tests.conftest import World, make_person, signed_in
from tests.web.matrix import module_names, module_table, parse, routes, rows

ACTORS = {
    "viewer": "sara",
    "editor": "bolat",
    "coordinator": "aisha",
    "reviewer": "rita",
    "outsider": "oscar",
    "admin": "ada",
}


@dataclass
class Scene:
    world: World
    newcomer: Person
    extras: dict[int, Membership]  # an extra viewer in each organisation, by organisation id
    cache: dict[str, object] = field(default_factory=dict)  # objects modules build once


@pytest.fixture
def scene(world: World) -> Scene:
    newcomer = make_person("newcomer@example.org", "Newcomer")
    extras = {}
    for organisation in (world.unct, world.undp, world.other_unct, world.review):
        person = make_person(f"extra-{organisation.pk}@example.org", "Extra")
        extras[organisation.pk] = services.membership_add(
            actor=SYSTEM, organisation=organisation, person=person, role=Role.VIEWER
        )
    return Scene(world, newcomer, extras)


def _own_org(scene: Scene, role: str) -> Organisation:
    if role in ("anonymous", "admin"):
        return scene.world.unct
    person = getattr(scene.world, ACTORS[role])
    return Membership.objects.filter(person=person).get().organisation


def _other_org(scene: Scene, role: str) -> Organisation:
    return scene.world.unct if role == "outsider" else scene.world.other_unct


def _object_id(scene: Scene, route: str, role: str, relation: str) -> int:
    person = getattr(scene.world, ACTORS.get(role, "sara"))
    if "tokens" in route:
        owner = person if relation == "own" and role != "anonymous" else scene.newcomer
        checked = timezone.now()  # the owner's second factor, as a signed-in session has it
        return tokens.token_create(actor=owner, name="matrix", second_factor_at=checked).token.pk
    if "memberships" in route:
        organisation = (
            _own_org(scene, role) if relation in ("own", "same") else _other_org(scene, role)
        )
        if relation == "own" and role not in ("anonymous", "admin"):
            return Membership.objects.get(person=person).pk
        return scene.extras[organisation.pk].pk
    organisation = _own_org(scene, role) if relation == "own" else _other_org(scene, role)
    return organisation.pk


@functools.cache
def _scenes() -> dict[str, Any]:
    """Route -> the scene module that builds its URL and body (modules' own routes)."""
    found = {}
    for name in module_names():
        scene = importlib.import_module(f"tests.web.scene_{name}")
        for _, route, _, _, _ in parse(module_table(name)):
            found[route] = scene
    return found


def _module(route: str) -> Any:
    return _scenes().get(route)


def _url(scene: Scene, route: str, role: str, relation: str) -> str:
    module = _module(route)
    if module is not None:
        return module.url(scene, route, role, relation)
    url = "/" + route
    if "<uidb64>" in url:
        url = url.replace("<uidb64>", "MQ").replace("<token>", "set-password")
    if "pk>" in url:
        pk = _object_id(scene, route, role, relation)
        url = url.replace("<int:pk>", str(pk)).replace("<pk>", str(pk))
    return url


def _body(scene: Scene, route: str, role: str, relation: str) -> dict[str, object]:
    module = _module(route)
    if module is not None:
        return module.body(scene, route, role, relation)
    organisation = _own_org(scene, role) if relation == "own" else _other_org(scene, role)
    bodies: dict[str, dict[str, object]] = {
        "organisations/new/": {"name": "Matrix Foundation", "kind": "funder"},
        "organisations/<int:pk>/edit/": {
            "name": organisation.name,
            "kind": organisation.kind,
            "region": "Edited",
        },
        "organisations/<int:pk>/members/": {"email": scene.newcomer.email, "role": "viewer"},
        "memberships/<int:pk>/role/": {"role": "editor"},
        "accounts/tokens/": {"name": "matrix", "days": 30},
        "accounts/password/reset/": {"email": "nobody@example.org"},
        "i18n/setlang/": {"language": "es", "next": "/"},
        "api/v1/organisations/": {"name": "Matrix Foundation", "kind": "funder"},
        "api/v1/organisations/<pk>/": {"region": "Edited"},
        "api/v1/memberships/": {
            "organisation": organisation.pk,
            "email": scene.newcomer.email,
            "role": "viewer",
        },
        "api/v1/memberships/<pk>/": {"role": "editor"},
        "api/v1/tokens/": {"name": "matrix", "days": 30},
    }
    return bodies.get(route, {})


SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",
    "Cache-Control": "no-store",
}


def _check_headers(response) -> None:
    for name, value in SECURITY_HEADERS.items():
        assert response.headers.get(name) == value, name
    csp = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp
    assert "unsafe-inline" not in csp
    assert "frame-ancestors 'none'" in csp
    assert response.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    for morsel in response.cookies.values():
        if not morsel.value:  # a deletion: no value, already expired
            continue
        assert morsel["secure"] is True, morsel.key
        assert morsel["samesite"] == "Lax", morsel.key
        assert morsel["httponly"] is True, morsel.key


@pytest.mark.parametrize(("role", "route", "method", "relation", "status"), rows())
def test_permission_matrix(scene, role, route, method, relation, status):
    person = None if role == "anonymous" else getattr(scene.world, ACTORS[role])
    client = signed_in(person)
    url = _url(scene, route, role, relation)
    body = _body(scene, route, role, relation)
    if route.startswith("api/"):
        response = client.generic(
            method, url, json.dumps(body) if body else "", content_type="application/json"
        )
    else:
        response = client.generic(
            method,
            url,
            "&".join(f"{key}={value}" for key, value in body.items()),
            content_type="application/x-www-form-urlencoded",
        )
    if response.streaming:  # a file answer (a job's result): read it, which closes the file
        b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert response.status_code == status, (url, response.content[:300])
    _check_headers(response)
    protected = not url.startswith(("/accounts/", "/i18n/"))
    if response.status_code == 302 and role == "anonymous" and protected:
        assert response.headers["Location"].startswith("/accounts/sign-in/")


def _walk(patterns, prefix: str = "") -> set[str]:
    found = set()
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            found |= _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            found.add(prefix + str(pattern.pattern))
    return found


def _normalise(route: str) -> str:
    return (
        route.replace("^", "")
        .replace("$", "")
        .replace("(?P<pk>[^/.]+)", "<pk>")
        .replace("(?P<pk>\\d+)", "<pk>")
        .replace("<id:", "<int:")
    )


def test_every_route_is_in_the_matrix():
    declared = routes()
    missing = sorted(
        route
        for route in map(_normalise, _walk(get_resolver().url_patterns))
        if route not in declared
    )
    assert not missing, f"routes missing from tests/web/matrix.py: {missing}"
