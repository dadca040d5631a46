"""Throttling of sign-in, second-factor and password-reset attempts.

Failed attempts are counted in three ways (all hashed, in ``LoginFailure``):

- per account *and* client address: after a few free attempts each further try from that
  address for that account waits, the wait doubling up to a ceiling of a few minutes;
- per account, from any address, with more free attempts: guessing one account from many
  addresses is slowed too;
- per client address, for any account, with many more free attempts: one address guessing
  many accounts is slowed, again never longer than the ceiling.

So one address's failures never make another account wait, and nobody waits longer than
the ceiling. Counters reset after a quiet window; a success clears its (account, address)
pair. The answer is the same for accounts that exist and those that do not. The second
factor is counted the same way under a scope of its own. Password-reset requests are
counted per account and per address in a fixed window (``reset_allowance``).
See docs/security.md for the reasons behind these numbers.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cometa.accounts.models import LoginFailure

SIGN_IN = "sign-in"
SECOND_FACTOR = "second-factor"
RESET = "reset"


@dataclass(frozen=True)
class Policy:
    free_attempts: int  # per (account, address) pair
    account_free_attempts: int  # per account, any address
    address_free_attempts: int  # per address, any account
    base_delay_seconds: int
    max_delay_seconds: int
    window_seconds: int


@dataclass(frozen=True)
class ResetPolicy:
    per_account: int
    per_address: int
    window_seconds: int


@dataclass(frozen=True)
class ResetAllowance:
    address_wait: int  # > 0: this address asked too often; tell it to wait
    send: bool  # False: this account was sent enough mail; answer as if sent


def policy() -> Policy:
    return Policy(**settings.LOGIN_THROTTLE)


def reset_policy() -> ResetPolicy:
    return ResetPolicy(**settings.PASSWORD_RESET_THROTTLE)


def delay_after(failures: int, rules: Policy, free: int | None = None) -> int:
    """Seconds to wait after this many consecutive failures (pure)."""
    over = failures - (rules.free_attempts if free is None else free)
    if over < 0:
        return 0
    return int(min(rules.base_delay_seconds * 2**over, rules.max_delay_seconds))


def _key(scope: str, kind: str, value: str) -> str:
    return hashlib.sha256(f"{scope}:{kind}:{value.strip().lower()}".encode()).hexdigest()


def _keys(scope: str, account: str, address: str) -> dict[str, str]:
    return {
        "pair": _key(scope, "p", f"{account.strip()}|{address}"),
        "account": _key(scope, "a", account),
        "address": _key(scope, "i", address),
    }


def _quiet_since(window: int) -> Callable[[LoginFailure, datetime], bool]:
    return lambda row, now: now - row.last_at <= timedelta(seconds=window)


def _started_since(window: int) -> Callable[[LoginFailure, datetime], bool]:
    return lambda row, now: now - row.first_at <= timedelta(seconds=window)


def _rows(keys: list[str]) -> dict[str, LoginFailure]:
    return {row.key: row for row in LoginFailure.objects.filter(key__in=keys)}


def _seconds_until(moment: datetime, now: datetime) -> int:
    return max(0, int((moment - now).total_seconds() + 0.999))


def wait_seconds(
    *, account: str, address: str, scope: str = SIGN_IN, now: datetime | None = None
) -> int:
    """How long this attempt must wait; 0 means it may proceed."""
    now, rules = now or timezone.now(), policy()
    keys = _keys(scope, account, address)
    rows, fresh = _rows(list(keys.values())), _quiet_since(rules.window_seconds)
    free = {
        "pair": rules.free_attempts,
        "account": rules.account_free_attempts,
        "address": rules.address_free_attempts,
    }
    waits = [0]
    for name, key in keys.items():
        row = rows.get(key)
        if row is not None and fresh(row, now):
            delay = delay_after(row.count, rules, free[name])
            waits.append(_seconds_until(row.last_at + timedelta(seconds=delay), now))
    return max(waits)


def _bump(keys: list[str], now: datetime, fresh: Callable[[LoginFailure, datetime], bool]) -> None:
    with transaction.atomic():
        for key in keys:
            row = LoginFailure.objects.select_for_update().filter(key=key).first()
            if row is None:
                LoginFailure.objects.create(key=key, count=1, first_at=now, last_at=now)
                continue
            if not fresh(row, now):
                row.count, row.first_at = 0, now
            row.count += 1
            row.last_at = now
            row.save()


def record_failure(
    *, account: str, address: str, scope: str = SIGN_IN, now: datetime | None = None
) -> None:
    now, rules = now or timezone.now(), policy()
    keys = list(_keys(scope, account, address).values())
    _bump(keys, now, _quiet_since(rules.window_seconds))


def record_success(*, account: str, address: str, scope: str = SIGN_IN) -> None:
    LoginFailure.objects.filter(key=_keys(scope, account, address)["pair"]).delete()


def reset_allowance(*, account: str, address: str, now: datetime | None = None) -> ResetAllowance:
    """Whether a password-reset request may send mail, counted in a fixed window."""
    now, rules = now or timezone.now(), reset_policy()
    keys = _keys(RESET, account, address)
    rows, fresh = _rows([keys["account"], keys["address"]]), _started_since(rules.window_seconds)
    by_address, by_account = rows.get(keys["address"]), rows.get(keys["account"])
    address_wait = 0
    if by_address and fresh(by_address, now) and by_address.count >= rules.per_address:
        window_end = by_address.first_at + timedelta(seconds=rules.window_seconds)
        address_wait = _seconds_until(window_end, now)
    account_full = bool(
        by_account and fresh(by_account, now) and by_account.count >= rules.per_account
    )
    return ResetAllowance(address_wait=address_wait, send=not account_full)


def record_reset(*, account: str, address: str, now: datetime | None = None) -> None:
    now, rules = now or timezone.now(), reset_policy()
    keys = _keys(RESET, account, address)
    _bump([keys["account"], keys["address"]], now, _started_since(rules.window_seconds))
