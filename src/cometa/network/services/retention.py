"""Retention: how long a woman's identity and answers are kept, and the purge that erases
what has outlived its period. Run by ``cometa network purge`` (daily, say, from cron).

==========================  ===========================================================
record                      erased when
==========================  ===========================================================
a removed record            :data:`~cometa.network.services.erasure.UNDO_DAYS` days after
                            its removal (until then it can be put back)
a woman who left            ``NETWORK_RETENTION_MONTHS`` (default 36) months after the
                            last of her follow-up windows closed (after her exit when
                            she has none); never while she is enrolled anywhere
==========================  ===========================================================
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.conf import settings
from django.db.models import Exists, Max, OuterRef, Q, QuerySet
from django.utils import timezone

from cometa.accounts.acting import SYSTEM
from cometa.network import schedule, states
from cometa.network.models import Enrolment, FollowUpTask, Participant
from cometa.network.services.erasure import UNDO_DAYS, RemovalReason, participant_erase


@dataclass(frozen=True)
class Purged:
    removed: int  # removed records erased after their undo period
    expired: int  # women erased at the end of their retention period


def months() -> int:
    return int(settings.NETWORK_RETENTION_MONTHS)


def removed_due(today: date) -> QuerySet[Participant]:
    limit = timezone.make_aware(datetime.combine(today - timedelta(days=UNDO_DAYS), time()))
    return Participant.objects.filter(erased_at__isnull=True, deleted_at__lt=limit)


def expired_due(today: date) -> QuerySet[Participant]:
    """Women with no current enrolment whose last follow-up window (or exit) is older
    than the retention period."""
    cutoff = schedule.add_months(today, -months())
    current = Enrolment.objects.filter(participant=OuterRef("pk"), status__in=states.CURRENT)
    last_window = FollowUpTask.objects.filter(enrolment__participant=OuterRef("pk"))
    return (
        Participant.objects.filter(erased_at__isnull=True, deleted_at__isnull=True)
        .exclude(Exists(current))
        .annotate(
            last_window=Max("enrolments__followups__closes_on"),
            last_exit=Max("enrolments__exited_on"),
            has_tasks=Exists(last_window),
        )
        .filter(
            Q(has_tasks=True, last_window__lt=cutoff)
            | Q(has_tasks=False, last_exit__isnull=False, last_exit__lt=cutoff)
        )
    )


def purge(*, today: date, dry_run: bool = False) -> Purged:
    """Erases what is due (see the module's table); a dry run only counts."""
    removed = list(removed_due(today).select_related("member__network"))
    expired = list(expired_due(today).select_related("member__network"))
    if not dry_run:
        for participant in removed:
            participant_erase(actor=SYSTEM, participant=participant, reason=RemovalReason.RETENTION)
        for participant in expired:
            participant_erase(actor=SYSTEM, participant=participant, reason=RemovalReason.RETENTION)
    return Purged(removed=len(removed), expired=len(expired))
