"""TOTP second factor (RFC 6238), required for administrators and coordinators."""

from __future__ import annotations

from datetime import UTC, datetime

import pyotp
import segno
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from cometa.accounts import audit, throttle
from cometa.accounts.access import membership_facts
from cometa.accounts.acting import Actor, is_system
from cometa.accounts.models import Person
from cometa.accounts.roles import SECOND_FACTOR_ROLES
from cometa.core.errors import NotPermitted, ServiceError

ISSUER = "Cometa"


def required_for(person: Person) -> bool:
    if not person.is_authenticated:
        return False
    if person.is_platform_admin:
        return True
    return any(fact.role in SECOND_FACTOR_ROLES for fact in membership_facts(person))


def enrolment_start(*, person: Person) -> str:
    """Creates (or keeps) an unconfirmed secret and returns it."""
    if person.has_second_factor:
        raise ServiceError("already_enrolled", _("A second factor is already set up."))
    if not person.totp_secret:
        person.totp_secret = pyotp.random_base32()
        person.save(update_fields=["totp_secret"])
    return person.totp_secret


def provisioning_svg(person: Person) -> str:
    uri = pyotp.TOTP(person.totp_secret).provisioning_uri(name=person.email, issuer_name=ISSUER)
    return segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff")


# What a code check found.
ACCEPTED = "accepted"
REUSED = "reused"  # right, but from a time step already used: wait for the next one
WRONG = "wrong"
THROTTLED = "throttled"  # not checked: too many wrong codes lately


def _check(person: Person, code: str) -> str:
    """Checks a code, refusing a code from a time step already used (no replay)."""
    code = "".join(code.split())
    if not person.totp_secret or not code.isdigit():
        return WRONG
    totp = pyotp.TOTP(person.totp_secret)
    now = timezone.now()
    outcome = WRONG
    for offset in (-1, 0, 1):
        step = int(now.timestamp()) // totp.interval + offset
        if totp.at(step * totp.interval) != code:
            continue
        if step <= person.totp_last_step:
            outcome = REUSED
            continue
        person.totp_last_step = step
        person.save(update_fields=["totp_last_step"])
        return ACCEPTED
    return outcome


def refusal(outcome: str) -> str:
    """The words for a refused code."""
    if outcome == REUSED:
        return _("This code was just used. Wait for the next one your app shows, then type it.")
    if outcome == THROTTLED:
        return _("Too many wrong codes. Wait a few minutes, then try again.")
    return _("That code is not right. Check the clock of your device.")


def enrolment_confirm(*, person: Person, code: str) -> None:
    with transaction.atomic():
        outcome = _check(person, code)
        if outcome != ACCEPTED:
            raise ServiceError(f"code_{outcome}", refusal(outcome), field="code")
        person.totp_confirmed_at = timezone.now()
        person.save(update_fields=["totp_confirmed_at"])
        audit.record(
            actor=person,
            action="person.second_factor.enrol",
            target=person,
            changes={"totp_secret": {"changed": True}},
        )


def verify(*, person: Person, code: str) -> str:
    """ACCEPTED, REUSED or WRONG; only an enrolled person's code can be accepted."""
    if not person.has_second_factor:
        return WRONG
    with transaction.atomic():
        return _check(person, code)


def throttle_account(person: Person) -> str:
    """The name a person's code failures are counted under."""
    return f"person:{person.pk}"


def confirm_again(*, person: Person, code: str, address: str) -> str:
    """A signed-in person gives a code again (to make a token), throttled as at sign-in."""
    account, scope = throttle_account(person), throttle.SECOND_FACTOR
    if throttle.wait_seconds(account=account, address=address, scope=scope):
        return THROTTLED
    outcome = verify(person=person, code=code)
    if outcome == ACCEPTED:
        throttle.record_success(account=account, address=address, scope=scope)
    else:
        throttle.record_failure(account=account, address=address, scope=scope)
    return outcome


def checked_at(
    *, person: Person, code: str, address: str, session_at: float | None
) -> datetime | None:
    """When the person last proved their second factor: now if ``code`` is right, else
    when the session last checked one (``session_at``, seconds since the epoch)."""
    if code:
        outcome = confirm_again(person=person, code=code, address=address)
        if outcome != ACCEPTED:
            raise NotPermitted(refusal(outcome), code=f"second_factor_{outcome}")
        return timezone.now()
    return datetime.fromtimestamp(float(session_at), tz=UTC) if session_at else None


def reset(*, actor: Actor, person: Person) -> None:
    """An administrator clears a lost second factor; the person enrols again at next sign-in."""
    if not is_system(actor) and not actor.is_platform_admin:
        raise ServiceError(
            "forbidden", _("Only platform administrators may reset a second factor.")
        )
    with transaction.atomic():
        person.totp_secret, person.totp_confirmed_at, person.totp_last_step = "", None, 0
        person.save(update_fields=["totp_secret", "totp_confirmed_at", "totp_last_step"])
        audit.record(
            actor=actor,
            action="person.second_factor.reset",
            target=person,
            changes={"totp_secret": {"changed": True}},
        )


def demo_code(person: Person) -> str:
    """The current code, shown only on the demo so visitors need no authenticator app."""
    return pyotp.TOTP(person.totp_secret).now() if person.has_second_factor else ""
