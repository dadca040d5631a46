"""The worklist's standing is worked out in the database (``selectors.standing_case``)
and must give, for every task on every day, what ``schedule.standing`` gives in Python:
around each boundary (window opening, due date, a week before closing, closing), for
each number of failed attempts and for closed tasks."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from cometa.network import schedule, selectors
from cometa.network.models import ContactAttempt, FollowUpTask
from cometa.network.schedule import Standing

OPENS, DUE, CLOSES = date(2025, 3, 1), date(2025, 3, 16), date(2025, 4, 15)
DAYS = sorted(
    {
        d + timedelta(days=k)
        for d in (OPENS, DUE, CLOSES, CLOSES - timedelta(days=7))
        for k in (-1, 0, 1)
    }
)


def _python(task: FollowUpTask, today: date, failed: int) -> str:
    return schedule.standing(
        today=today,
        due_on=task.due_on,
        opens_on=task.opens_on,
        closes_on=task.closes_on,
        status=task.status,
        failed=failed,
    )


@pytest.mark.parametrize("status", ["scheduled", "completed"])
def test_the_database_and_python_agree_on_every_day(net, story, status):
    FollowUpTask.objects.filter(pk=story.task.pk).update(
        opens_on=OPENS, due_on=DUE, closes_on=CLOSES, status=status
    )
    task = FollowUpTask.objects.get(pk=story.task.pk)
    seen = set()
    for failed in range(4):
        for today in DAYS:
            row = selectors.followups_with_failed(net.pablo, net.network, today).get(pk=task.pk)
            assert row.failed == failed
            assert row.standing == _python(task, today, failed), (today, failed)
            seen.add(row.standing)
        ContactAttempt.objects.create(
            task=task,
            attempted_at=datetime(2025, 3, 2, 10, tzinfo=UTC),
            mode="phone",
            result="no_answer",
        )
        ContactAttempt.objects.create(  # an answered call is not a failure
            task=task,
            attempted_at=datetime(2025, 3, 2, 11, tzinfo=UTC),
            mode="phone",
            result="rescheduled",
        )
    if status == "scheduled":
        assert seen == {
            Standing.NOT_YET,
            Standing.OPEN,
            Standing.DUE,
            Standing.OVERDUE,
            Standing.MISSED,
            Standing.UNREACHABLE,
        }
    else:
        assert seen == {Standing.CLOSED}


def test_the_worklist_filters_by_standing_in_the_database(net, story):
    FollowUpTask.objects.filter(pk=story.task.pk).update(
        opens_on=OPENS, due_on=DUE, closes_on=CLOSES
    )

    def found(today: date, standing: str = "") -> bool:
        rows = selectors.worklist_for(net.pablo, net.network, today, standing)
        return rows.filter(pk=story.task.pk).exists()

    assert found(DUE, Standing.DUE) and found(DUE)
    assert not found(DUE, Standing.OVERDUE) and not found(DUE, Standing.OPEN)
    assert found(CLOSES - timedelta(days=3), Standing.OVERDUE)
    assert not found(OPENS - timedelta(days=1))
