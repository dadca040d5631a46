"""API tokens against a stolen or outgrown token: the second factor, lifetimes, revocation."""

from __future__ import annotations

import time
from datetime import timedelta

import pyotp
import pytest
import time_machine
from django.utils import timezone

from cometa.accounts import services, tokens
from cometa.accounts.acting import SYSTEM
from cometa.accounts.middleware import SECOND_FACTOR_AT
from cometa.accounts.models import ApiToken, AuditEntry, Membership
from cometa.accounts.roles import Role
from cometa.core.errors import NotPermitted, ValidationFailed
from tests.conftest import PASSWORD, https_client, signed_in

NEW_PASSWORD = "a brand new long password 7"


def _bearer(secret: str):
    return {"Authorization": f"Bearer {secret}"}


def _enrolled(person):
    person.totp_secret, person.totp_confirmed_at = pyotp.random_base32(), timezone.now()
    person.save()
    return person


def _checked(person, *, minutes_ago: float):
    client = signed_in(person)
    session = client.session
    session[SECOND_FACTOR_AT] = time.time() - minutes_ago * 60
    session.save()
    return client


def test_a_promotion_stops_the_tokens_of_a_person_without_a_second_factor(world):
    issued = tokens.token_create(actor=world.bolat, name="script")  # an editor needs none
    assert https_client().get("/api/v1/me/", headers=_bearer(issued.secret)).status_code == 200
    membership = Membership.objects.get(person=world.bolat)
    services.membership_change_role(actor=SYSTEM, membership=membership, role=Role.COORDINATOR)
    refused = https_client().get("/api/v1/me/", headers=_bearer(issued.secret))
    assert refused.status_code == 403
    error = refused.json()["error"]
    assert error["code"] == "second_factor_required"
    assert "second factor" in error["message"]
    added = https_client().post(
        "/api/v1/memberships/",
        {"organisation": world.undp.pk, "email": "sara@example.org", "role": "coordinator"},
        content_type="application/json",
        headers=_bearer(issued.secret),
    )
    assert added.status_code == 403
    _enrolled(world.bolat)
    assert https_client().get("/api/v1/me/", headers=_bearer(issued.secret)).status_code == 200


def test_making_a_token_needs_a_recent_second_factor_check(world):
    person = _enrolled(world.aisha)
    body = {"name": "script", "days": 30}
    stale = _checked(person, minutes_ago=16).post(
        "/api/v1/tokens/", body, content_type="application/json"
    )
    assert stale.status_code == 403
    assert stale.json()["error"]["code"] == "second_factor_recent_required"
    assert not ApiToken.objects.exists()
    recent = _checked(person, minutes_ago=5)
    assert recent.post("/api/v1/tokens/", body, content_type="application/json").status_code == 201


def test_a_code_sent_with_the_request_is_a_recent_check(world):
    person = _enrolled(world.aisha)
    client = _checked(person, minutes_ago=60)
    with time_machine.travel(timezone.now(), tick=False):
        wrong = client.post(
            "/api/v1/tokens/", {"name": "s", "code": "000000"}, content_type="application/json"
        )
        code = pyotp.TOTP(person.totp_secret).now()
        right = client.post(
            "/api/v1/tokens/", {"name": "s", "code": code}, content_type="application/json"
        )
    assert wrong.status_code == 403 and right.status_code == 201


def test_the_page_asks_for_a_code_when_the_check_is_old(world):
    person = _enrolled(world.aisha)
    client = _checked(person, minutes_ago=60)
    assert 'name="code"' in client.get("/accounts/profile/").content.decode()
    client.post("/accounts/tokens/", {"name": "page", "days": 30})
    assert not ApiToken.objects.exists()
    with time_machine.travel(timezone.now(), tick=False):
        code = pyotp.TOTP(person.totp_secret).now()
        client.post("/accounts/tokens/", {"name": "page", "days": 30, "code": code})
    assert ApiToken.objects.filter(person=person).count() == 1


def test_a_token_cannot_mint_a_token_that_outlives_it(world):
    parent = tokens.token_create(actor=world.sara, name="short", days=10)
    longer = https_client().post(
        "/api/v1/tokens/",
        {"name": "child", "days": 365},
        content_type="application/json",
        headers=_bearer(parent.secret),
    )
    assert longer.status_code == 400 and "days" in longer.json()["error"]["fields"]
    shorter = https_client().post(
        "/api/v1/tokens/",
        {"name": "child", "days": 9},
        content_type="application/json",
        headers=_bearer(parent.secret),
    )
    assert shorter.status_code == 201
    child = ApiToken.objects.get(name="child")
    assert child.expires_at <= parent.token.expires_at


def test_the_service_refuses_an_outliving_token_and_a_stale_check(world):
    parent = tokens.token_create(actor=world.sara, name="p", days=3)
    with pytest.raises(ValidationFailed):
        tokens.token_create(actor=world.sara, name="c", days=4, via=parent.token)
    person = _enrolled(world.aisha)
    with pytest.raises(NotPermitted):
        tokens.token_create(actor=person, name="c")
    old = timezone.now() - timedelta(minutes=16)
    with pytest.raises(NotPermitted):
        tokens.token_create(actor=person, name="c", second_factor_at=old)
    tokens.token_create(actor=person, name="c", second_factor_at=timezone.now())


def test_a_password_change_revokes_the_persons_tokens_and_says_so_in_the_audit(world):
    issued = tokens.token_create(actor=world.sara, name="script")
    other = tokens.token_create(actor=world.bolat, name="script")
    response = signed_in(world.sara).post(
        "/accounts/password/",
        {"old_password": PASSWORD, "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    refused = https_client().get("/api/v1/me/", headers=_bearer(issued.secret))
    assert refused.status_code == 401 and refused.json()["error"]["code"] == "token_revoked"
    assert https_client().get("/api/v1/me/", headers=_bearer(other.secret)).status_code == 200
    entry = AuditEntry.objects.get(action="token.revoke", object_id=str(issued.token.pk))
    assert entry.changes["reason"] == [None, "password changed"]


def test_a_password_reset_or_set_by_an_administrator_revokes_them_too(world):
    issued = tokens.token_create(actor=world.sara, name="script")
    services.password_set(actor=world.ada, person=world.sara, new_password=NEW_PASSWORD)
    issued.token.refresh_from_db()
    assert issued.token.revoked_at is not None
