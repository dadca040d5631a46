"""Builds the whole demo: organisations and people, the scorecards, the results
frameworks, then the shared-measurement network."""

from __future__ import annotations

from collections.abc import Callable

from cometa.demo.accounts import DemoAccount, build_accounts
from cometa.demo.network import build_network
from cometa.demo.results import build_results
from cometa.demo.scorecards import build_scorecards

__all__ = ["DemoAccount", "build_demo"]


#: Parts reported to ``progress``: organisations and people, the four of the scorecards,
#: the results frameworks, the network.
STEPS = 7


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
    build_results(step)
    build_network(step)
    return accounts
