from __future__ import annotations

from datetime import timedelta

import time_machine
from django.utils import timezone

from cometa.accounts import tokens
from cometa.accounts.models import ApiToken
from tests.conftest import https_client, signed_in


def _get(secret: str, path: str = "/api/v1/me/"):
    return https_client().get(path, headers={"Authorization": f"Bearer {secret}"})


def test_a_token_is_shown_once_and_stored_only_as_a_digest(world):
    response = signed_in(world.sara).post(
        "/api/v1/tokens/", {"name": "script", "days": 30}, content_type="application/json"
    )
    assert response.status_code == 201
    secret = response.json()["secret"]
    stored = ApiToken.objects.get()
    assert secret not in (stored.digest, stored.prefix) and secret.startswith(stored.prefix)
    assert "secret" not in signed_in(world.sara).get("/api/v1/tokens/").json()["results"][0]
    assert _get(secret).json()["email"] == "sara@example.org"


def test_an_expired_token_is_refused_with_its_own_code(world):
    issued = tokens.token_create(actor=world.sara, name="short", days=1)
    with time_machine.travel(timezone.now() + timedelta(days=2)):
        response = _get(issued.secret)
    assert response.status_code == 401
    assert response.json()["error"]["code"] == "token_expired"


def test_a_revoked_token_stops_working(world):
    issued = tokens.token_create(actor=world.sara, name="x")
    tokens.token_revoke(actor=world.sara, token=issued.token)
    response = _get(issued.secret)
    assert (response.status_code, response.json()["error"]["code"]) == (401, "token_revoked")


def test_a_made_up_token_is_refused(world):
    response = _get("cmt_made-up")
    assert (response.status_code, response.json()["error"]["code"]) == (401, "token_invalid")


def test_token_reads_are_scoped_like_sessions(world):
    issued = tokens.token_create(actor=world.sara, name="x")
    mine = _get(issued.secret, f"/api/v1/organisations/{world.unct.pk}/")
    other = _get(issued.secret, f"/api/v1/organisations/{world.other_unct.pk}/")
    assert mine.status_code == 200
    assert other.status_code == 404 and other.json()["error"]["code"] == "not_found"


def test_invalid_input_gets_field_errors_in_the_common_format(world):
    response = signed_in(world.ada).post(
        "/api/v1/organisations/", {"name": "", "kind": "spaceship"}, content_type="application/json"
    )
    body = response.json()["error"]
    assert response.status_code == 400 and body["code"] == "invalid"
    assert set(body["fields"]) == {"name", "kind"}


def test_service_refusals_name_the_field(world):
    response = signed_in(world.ada).post(
        "/api/v1/organisations/",
        {"name": "UNCT Kazakhstan", "kind": "funder"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert response.json()["error"]["fields"] == {
        "name": ["An organisation named “UNCT Kazakhstan” already exists."]
    }


def test_lists_are_paginated(world):
    client = signed_in(world.ada)
    page = client.get("/api/v1/organisations/?page_size=2").json()
    assert page["count"] == 4 and len(page["results"]) == 2 and page["next"]
