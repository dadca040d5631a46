"""Query helpers on top of the scoped selectors in ``access``."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from django.db.models import Q, QuerySet

from cometa.accounts.models import AuditEntry


def audit_filter(
    rows: QuerySet[AuditEntry],
    *,
    q: str = "",
    action: str = "",
    object_type: str = "",
    actor: str = "",
    since: date | None = None,
    until: date | None = None,
) -> QuerySet[AuditEntry]:
    if q:
        rows = rows.filter(
            Q(object_repr__icontains=q) | Q(action__icontains=q) | Q(actor_label__icontains=q)
        )
    if action:
        rows = rows.filter(action__startswith=action)
    if object_type:
        rows = rows.filter(object_type__icontains=object_type)
    if actor:
        rows = rows.filter(actor_label__icontains=actor)
    if since:
        rows = rows.filter(at__gte=datetime.combine(since, time.min, tzinfo=UTC))
    if until:
        end = datetime.combine(until + timedelta(days=1), time.min, tzinfo=UTC)
        rows = rows.filter(at__lt=end)
    return rows
