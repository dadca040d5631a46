"""Demo data for the embedded default: organisations and people for every role, and
scorecards (the Kazakhstan country team's years, fictional country teams, the Co-Meta
network's self-assessment).

Everything here is fictional except facts taken from the public documents the
platform is built from (country names, the UN country team of Kazakhstan).
"""

from __future__ import annotations

from collections.abc import Callable

from cometa.demo.accounts import DemoAccount, build_accounts
from cometa.demo.scorecards import build_scorecards

__all__ = ["DemoAccount", "build_demo"]


#: Parts reported to ``progress``: organisations and people, then the four of the scorecards.
STEPS = 5


def build_demo(*, progress: Callable[[int, str], None] | None = None) -> list[DemoAccount]:
    """Creates the demo data that is missing; what exists is left as it is, so running it
    again never duplicates anything. Idempotent."""
    report = progress or (lambda done, note: None)
    accounts = build_accounts()
    done = 1
    report(done, "organisations and people")

    def step(note: str) -> None:
        nonlocal done
        done += 1
        report(done, note)

    build_scorecards(step)
    return accounts
