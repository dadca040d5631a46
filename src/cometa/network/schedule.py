"""Follow-up scheduling after exit, and where a task stands on a given day. Pure.

Every woman who leaves, whether she completed or dropped out, is followed up 3, 6 and 12
months after her exit: counting only those who stayed to the end would make partners who
lose the weakest participants look best. Each round has a response window around its
due date; an answer outside it is kept but does not count as that round.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from cometa.network.codes import FollowUpRound, FollowUpStatus


@dataclass(frozen=True)
class RoundRule:
    round: str
    months: int
    opens_before: int  # days before the due date
    closes_after: int  # days after the due date


RULES: tuple[RoundRule, ...] = (
    RoundRule(FollowUpRound.FU3, 3, 15, 30),
    RoundRule(FollowUpRound.FU6, 6, 30, 60),
    RoundRule(FollowUpRound.FU12, 12, 60, 90),
)

# Tasks that may still be answered (an answer after the window is kept, marked so).
ANSWERABLE = frozenset({FollowUpStatus.SCHEDULED, FollowUpStatus.MISSED})

# Failed attempts after which a task is listed as unreachable.
UNREACHABLE_AFTER = 3


@dataclass(frozen=True)
class Planned:
    round: str
    anchor_on: date
    due_on: date
    opens_on: date
    closes_on: date


def add_months(day: date, months: int) -> date:
    """The same day ``months`` later; the month's last day when it has no such day
    (31 January + 1 month = 28 or 29 February)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def plan(exit_on: date, rules: tuple[RoundRule, ...] = RULES) -> list[Planned]:
    """The follow-up tasks for an exit on ``exit_on``, in order."""
    tasks = []
    for rule in rules:
        due = add_months(exit_on, rule.months)
        tasks.append(
            Planned(
                round=rule.round,
                anchor_on=exit_on,
                due_on=due,
                opens_on=due - timedelta(days=rule.opens_before),
                closes_on=due + timedelta(days=rule.closes_after),
            )
        )
    return tasks


class Standing:
    """Where an open task stands for field staff on a given day."""

    NOT_YET = "not_yet"  # before the window opens
    OPEN = "open"  # in the window, not yet due
    DUE = "due"  # in the window, due date reached
    OVERDUE = "overdue"  # the window closes within a week
    MISSED = "missed"  # the window has closed
    UNREACHABLE = "unreachable"
    CLOSED = "closed"  # an outcome was recorded


def standing(
    *, today: date, due_on: date, opens_on: date, closes_on: date, status: str, failed: int
) -> str:
    if status != FollowUpStatus.SCHEDULED:
        return Standing.CLOSED
    if today > closes_on:
        return Standing.MISSED
    if failed >= UNREACHABLE_AFTER:
        return Standing.UNREACHABLE
    if today < opens_on:
        return Standing.NOT_YET
    if today < due_on:
        return Standing.OPEN
    if closes_on - today < timedelta(days=7):
        return Standing.OVERDUE
    return Standing.DUE


def in_window(day: date, *, opens_on: date, closes_on: date) -> bool:
    return opens_on <= day <= closes_on
