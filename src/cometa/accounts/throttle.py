"""Login throttling: slows password guessing without locking a person out for long.

Failures are counted per account name and per client address (both hashed). After a
few free attempts each further attempt must wait, the wait doubling up to a ceiling of
a few minutes; the counters reset after a quiet window or a successful sign-in. The
answer is the same for accounts that exist and those that do not.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from cometa.accounts.models import LoginFailure


@dataclass(frozen=True)
class Policy:
    free_attempts: int
    base_delay_seconds: int
    max_delay_seconds: int
    window_seconds: int
    per_address_limit: int


def policy() -> Policy:
    return Policy(**settings.LOGIN_THROTTLE)


def delay_after(failures: int, rules: Policy) -> int:
    """Seconds to wait after this many consecutive failures (pure)."""
    over = failures - rules.free_attempts
    if over < 0:
        return 0
    return int(min(rules.base_delay_seconds * 2**over, rules.max_delay_seconds))


def _key(kind: str, value: str) -> str:
    return hashlib.sha256(f"{kind}:{value.strip().lower()}".encode()).hexdigest()


def _fresh(row: LoginFailure | None, now: datetime, rules: Policy) -> LoginFailure | None:
    if row is None or now - row.last_at > timedelta(seconds=rules.window_seconds):
        return None
    return row


def wait_seconds(*, account: str, address: str, now: datetime | None = None) -> int:
    """How long this attempt must wait; 0 means it may proceed."""
    now, rules = now or timezone.now(), policy()
    rows = {
        r.key: r
        for r in LoginFailure.objects.filter(key__in=[_key("a", account), _key("i", address)])
    }
    waits = [0]
    account_row = _fresh(rows.get(_key("a", account)), now, rules)
    if account_row is not None:
        ready_at = account_row.last_at + timedelta(seconds=delay_after(account_row.count, rules))
        waits.append(int((ready_at - now).total_seconds() + 0.999))
    address_row = _fresh(rows.get(_key("i", address)), now, rules)
    if address_row is not None and address_row.count >= rules.per_address_limit:
        ready_at = address_row.first_at + timedelta(seconds=rules.window_seconds)
        waits.append(int((ready_at - now).total_seconds() + 0.999))
    return max(waits)


def record_failure(*, account: str, address: str, now: datetime | None = None) -> None:
    now, rules = now or timezone.now(), policy()
    with transaction.atomic():
        for key in (_key("a", account), _key("i", address)):
            row = LoginFailure.objects.select_for_update().filter(key=key).first()
            if row is None:
                LoginFailure.objects.create(key=key, count=1, first_at=now, last_at=now)
                continue
            if _fresh(row, now, rules) is None:
                row.count, row.first_at = 0, now
            row.count += 1
            row.last_at = now
            row.save()


def record_success(*, account: str) -> None:
    LoginFailure.objects.filter(key=_key("a", account)).delete()
