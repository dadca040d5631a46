from __future__ import annotations

import re
import time
from datetime import timedelta

import pyotp
import pytest
import time_machine
from django.core import mail
from django.utils import timezone

from cometa.accounts import throttle
from cometa.accounts.middleware import LAST_SEEN_AT, SIGNED_IN_AT
from cometa.accounts.models import AuditEntry
from tests.conftest import PASSWORD, https_client, signed_in

GENERIC = "The e-mail address or the password is not right."


def _sign_in(client, email: str, password: str):
    return client.post("/accounts/sign-in/", {"email": email, "password": password})


def test_right_password_signs_in_and_lands_on_home(world):
    client = https_client()
    response = _sign_in(client, "sara@example.org", PASSWORD)
    assert response.status_code == 302 and response.headers["Location"] == "/"
    assert client.get("/").status_code == 200


def test_unknown_account_and_wrong_password_get_the_same_answer(world):
    unknown = _sign_in(https_client(), "nobody@example.org", PASSWORD)
    wrong = _sign_in(https_client(), "sara@example.org", "not the password")
    assert unknown.status_code == wrong.status_code == 400
    assert GENERIC in unknown.content.decode() and GENERIC in wrong.content.decode()
    strip = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"|value="[^"]*@example.org"')
    assert strip.sub(b"", unknown.content) == strip.sub(b"", wrong.content)


def test_guessing_is_slowed_then_allowed_again_after_a_short_wait(world):
    client = https_client()
    rules = throttle.policy()
    for _ in range(rules.free_attempts + 2):
        _sign_in(client, "sara@example.org", "wrong guess")
    blocked = _sign_in(client, "sara@example.org", PASSWORD)
    assert blocked.status_code == 429
    assert "Try again in" in blocked.content.decode()
    wait = throttle.wait_seconds(account="sara@example.org", address="127.0.0.1")
    assert 0 < wait <= rules.max_delay_seconds
    with time_machine.travel(timezone.now() + timedelta(seconds=wait + 1)):
        assert _sign_in(https_client(), "sara@example.org", PASSWORD).status_code == 302


def test_the_throttle_also_applies_to_accounts_that_do_not_exist(world):
    client = https_client()
    for _ in range(throttle.policy().free_attempts + 2):
        _sign_in(client, "ghost@example.org", "guess")
    assert _sign_in(client, "ghost@example.org", "guess").status_code == 429


@pytest.mark.parametrize(
    ("failures", "delay"),
    [(0, 0), (4, 0), (5, 2), (6, 4), (9, 32), (12, 256), (13, 300), (50, 300)],
)
def test_the_delay_doubles_up_to_a_ceiling(failures, delay):
    rules = throttle.Policy(5, 20, 100, 2, 300, 900)
    assert throttle.delay_after(failures, rules) == delay


def test_behind_a_proxy_failures_count_for_the_client_not_the_proxy(world, settings):
    settings.TRUSTED_PROXIES = 1
    attacker = https_client()
    for _ in range(throttle.policy().free_attempts + 2):
        attacker.post(
            "/accounts/sign-in/",
            {"email": "sara@example.org", "password": "guess"},
            HTTP_X_FORWARDED_FOR="203.0.113.66",
        )
    assert _sign_in(attacker, "sara@example.org", "guess").status_code == 400  # proxy's own
    sara = https_client().post(
        "/accounts/sign-in/",
        {"email": "sara@example.org", "password": PASSWORD},
        HTTP_X_FORWARDED_FOR="198.51.100.7",
    )
    assert sara.status_code == 302


def test_one_address_guessing_many_accounts_never_makes_another_wait_long(world):
    rules = throttle.policy()
    for n in range(rules.address_free_attempts + 20):
        throttle.record_failure(account=f"guess{n}@example.org", address="203.0.113.66")
    wait = throttle.wait_seconds(account="sara@example.org", address="203.0.113.66")
    assert 0 < wait <= rules.max_delay_seconds < rules.window_seconds
    assert throttle.wait_seconds(account="sara@example.org", address="198.51.100.7") == 0


def test_guessing_one_account_from_many_addresses_is_slowed_too(world):
    rules = throttle.policy()
    for n in range(rules.account_free_attempts + 1):
        throttle.record_failure(account="sara@example.org", address=f"203.0.113.{n}")
    assert throttle.wait_seconds(account="sara@example.org", address="198.51.100.7") > 0
    assert throttle.wait_seconds(account="ada@example.org", address="198.51.100.7") == 0


def test_password_reset_answers_alike_for_known_and_unknown_addresses(world):
    known = https_client().post("/accounts/password/reset/", {"email": "sara@example.org"})
    unknown = https_client().post("/accounts/password/reset/", {"email": "ghost@example.org"})
    assert known.status_code == unknown.status_code == 302
    assert known.headers["Location"] == unknown.headers["Location"]
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["sara@example.org"]


def _reset(email: str, address: str = "198.51.100.7"):
    return https_client().post(
        "/accounts/password/reset/", {"email": email}, HTTP_X_FORWARDED_FOR=address
    )


@pytest.fixture
def behind_proxy(settings):
    settings.TRUSTED_PROXIES = 1


def test_password_reset_mail_is_limited_per_account_with_the_same_answer(world, behind_proxy):
    rules = throttle.reset_policy()
    answers = [_reset("sara@example.org", f"203.0.113.{n}") for n in range(rules.per_account + 5)]
    unknown = _reset("ghost@example.org")
    assert {answer.status_code for answer in [*answers, unknown]} == {302}
    assert {answer.headers["Location"] for answer in [*answers, unknown]} == {
        "/accounts/password/reset/sent/"
    }
    assert len(mail.outbox) == rules.per_account


def test_password_reset_is_limited_per_address_alike_for_known_and_unknown(world, behind_proxy):
    for n in range(throttle.reset_policy().per_address):
        _reset(f"ghost{n}@example.org", "203.0.113.66")
    known = _reset("sara@example.org", "203.0.113.66")
    unknown = _reset("ghost@example.org", "203.0.113.66")
    assert known.status_code == unknown.status_code == 429
    strip = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"|value="[^"]*@example.org"')
    assert strip.sub(b"", known.content) == strip.sub(b"", unknown.content)
    assert "Too many requests" in known.content.decode()
    assert mail.outbox == []
    assert _reset("sara@example.org", "198.51.100.7").status_code == 302
    assert len(mail.outbox) == 1


def test_a_reset_link_sets_a_new_password_and_is_audited(world):
    https_client().post("/accounts/password/reset/", {"email": "sara@example.org"})
    link = re.search(r"https?://[^/]+(/accounts/password/reset/\S+)", mail.outbox[0].body)
    assert link
    client = https_client()
    form_page = client.get(link.group(1), follow=True)
    new = "a brand new long password 7"
    response = client.post(
        form_page.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}
    )
    assert response.status_code == 302
    world.sara.refresh_from_db()
    assert world.sara.check_password(new)
    assert AuditEntry.objects.filter(action="person.password", actor=world.sara).exists()


def test_a_coordinator_must_enrol_a_second_factor_before_anything_else(world):
    client = https_client()
    assert _sign_in(client, "aisha@example.org", PASSWORD).headers["Location"] == (
        "/accounts/second-factor/"
    )
    assert client.get("/organisations/").headers["Location"] == "/accounts/second-factor/"
    assert client.get("/api/v1/me/").json()["error"]["code"] == "second_factor_required"
    page = client.get("/accounts/second-factor/")
    assert b"<svg" in page.content
    world.aisha.refresh_from_db()
    wrong = client.post("/accounts/second-factor/", {"code": "000000"})
    assert wrong.status_code == 400
    code = pyotp.TOTP(world.aisha.totp_secret).now()
    assert client.post("/accounts/second-factor/", {"code": code}).status_code == 302
    assert client.get("/organisations/").status_code == 200
    world.aisha.refresh_from_db()
    assert world.aisha.has_second_factor


def _enrolled(person):
    person.totp_secret, person.totp_confirmed_at = pyotp.random_base32(), timezone.now()
    person.save()
    return person


def test_a_used_code_cannot_be_replayed_and_the_page_says_so(world):
    person = _enrolled(world.aisha)
    first, second = https_client(), https_client()
    with time_machine.travel(timezone.now(), tick=False):
        code = pyotp.TOTP(person.totp_secret).now()
        _sign_in(first, person.email, PASSWORD)
        assert first.post("/accounts/second-factor/", {"code": code}).status_code == 302
        _sign_in(second, person.email, PASSWORD)
        replay = second.post("/accounts/second-factor/", {"code": code})
    assert replay.status_code == 400
    page = replay.content.decode()
    assert "This code was just used. Wait for the next one" in page
    assert "clock" not in page


def test_guessing_codes_ends_the_half_signed_in_session_and_is_throttled(world):
    person = _enrolled(world.aisha)
    client = https_client()
    with time_machine.travel(timezone.now(), tick=False):
        right = pyotp.TOTP(person.totp_secret).now()
        wrong = [f"{(int(right) + n * 7919) % 1_000_000:06d}" for n in range(1, 31)]
        _sign_in(client, person.email, PASSWORD)
        answers = [client.post("/accounts/second-factor/", {"code": code}) for code in wrong]
        assert [answer.status_code for answer in answers[:4]] == [400] * 4
        for answer in answers[4:]:  # the fifth wrong code ended the session
            assert answer.status_code == 302
            assert answer.headers["Location"].startswith("/accounts/sign-in/")
        # The password is known: signing in again gives no fresh guesses.
        assert _sign_in(client, person.email, PASSWORD).status_code == 302
        late = client.post("/accounts/second-factor/", {"code": right})
    assert late.status_code == 429
    assert "Too many attempts" in late.content.decode()
    assert client.get("/organisations/").headers["Location"] == "/accounts/second-factor/"


def test_viewers_need_no_second_factor(world):
    client = https_client()
    assert _sign_in(client, "sara@example.org", PASSWORD).headers["Location"] == "/"


@pytest.mark.parametrize(
    ("idle", "age", "signed_in_still"),
    [(60, 120, True), (31 * 60, 40 * 60, False), (60, 13 * 3600, False)],
)
def test_sessions_end_after_idle_time_or_absolute_lifetime(world, idle, age, signed_in_still):
    client = signed_in(world.sara)
    session = client.session
    now = time.time()
    session[SIGNED_IN_AT], session[LAST_SEEN_AT] = now - age, now - idle
    session.save()
    response = client.get("/")
    assert (response.status_code == 200) is signed_in_still


def test_the_demo_shows_the_current_code_on_the_page_after_the_password(world, settings):
    settings.DEMO = True
    person = world.aisha
    person.totp_secret, person.totp_confirmed_at = pyotp.random_base32(), timezone.now()
    person.save()
    client = https_client()
    assert "Demo only" not in client.get("/accounts/sign-in/").content.decode()
    assert _sign_in(client, person.email, PASSWORD).headers["Location"] == (
        "/accounts/second-factor/"
    )
    with time_machine.travel(timezone.now(), tick=False):
        page = client.get("/accounts/second-factor/").content.decode()
        code = pyotp.TOTP(person.totp_secret).now()
    assert f"Demo only: the current code is {code}." in page
    settings.DEMO = False
    assert "Demo only" not in client.get("/accounts/second-factor/").content.decode()
