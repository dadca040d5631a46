"""Baselines, targets and actuals of the indicators attached to an office's results,
stored in the indicators floor's value store under the attachment's definition version."""

from __future__ import annotations

from django.db import transaction
from django.utils.translation import gettext as _

from cometa.accounts.acting import Actor, person_or_none
from cometa.indicators.models import IndicatorValue, IndicatorVersion, MismatchReason, ValueKind
from cometa.indicators.periods import Period
from cometa.indicators.value_store import Provenance, mismatch_reason_record, value_store
from cometa.results.inputs import ValueInput
from cometa.results.models import Plan, ResultIndicator
from cometa.results.services.common import invalid, record, require_edit


def check_period(plan: Plan, kind: str, period: Period) -> None:
    """Targets and actuals fall within the plan's years; a baseline ends before the plan
    does (it is usually measured before the plan starts)."""
    if kind == ValueKind.BASELINE:
        if period.end.year > plan.end_year:
            raise invalid("period", _("A baseline is measured before the plan ends."))
        return
    if period.start.year < plan.start_year or period.end.year > plan.end_year:
        raise invalid(
            "period",
            _("Targets and actuals fall within the plan's years (%(start)s-%(end)s).")
            % {"start": plan.start_year, "end": plan.end_year},
        )


def _stored(
    indicator: ResultIndicator,
    value: ValueInput,
    provenance: Provenance,
    expected_revision: int | None = None,
) -> IndicatorValue:
    """The cell written to the floor's value store under the attachment's version."""
    return value_store(
        owner=indicator,
        version=indicator.version,
        kind=value.kind,
        period=value.period,
        key=value.key,
        value=value.value,
        text=value.text,
        comment=value.comment,
        provenance=provenance,
        expected_revision=expected_revision,
    )


def _cell_changes(row: IndicatorValue) -> dict[str, object]:
    """What the audit entry of a stored cell says about it."""
    return {
        "kind": row.kind,
        "period": str(row.period),
        "key": row.key,
        "value": None if row.value is None else format(row.value.normalize(), "f"),
        "revision": row.revision,
    }


def value_record(
    *, actor: Actor, indicator: ResultIndicator, value: ValueInput, expected_revision: int
) -> IndicatorValue:
    """Enters one cell. ``expected_revision`` is the revision the person saw (0 for an
    empty cell): a cell someone changed meanwhile is refused with ``Conflict`` (409)."""
    plan = indicator.plan
    require_edit(actor, plan.office)
    check_period(plan, value.kind, value.period)
    with transaction.atomic():
        entered = Provenance.entered(person_or_none(actor))
        row = _stored(indicator, value, entered, expected_revision)
        changes = _cell_changes(row) | {"text": row.text}
        record(actor=actor, action="value.record", target=row, office=plan.office, changes=changes)
    return row


def _check_computed(
    indicator: ResultIndicator, version: IndicatorVersion, computed_from: str
) -> None:
    if version.pk != indicator.version_id:
        raise invalid(
            "version",
            _("The value was computed under %(given)s; this indicator is attached as %(own)s.")
            % {"given": version, "own": indicator.version},
        )
    if not computed_from.strip():
        raise invalid("computed_from", _("Say what the value was computed from."))


def value_computed(
    *,
    actor: Actor,
    indicator: ResultIndicator,
    value: ValueInput,
    version: IndicatorVersion,
    computed_from: str,
) -> IndicatorValue:
    """Stores a cell computed by another module (the shared-measurement module's
    indicators, from participant data) with where it came from. ``version`` is the
    definition version the source computed under: it must be the attachment's, so a value
    never changes meaning on its way in. A computation replaces the cell on purpose (no
    revision check); the revision still counts up and the audit entry keeps the source."""
    plan = indicator.plan
    require_edit(actor, plan.office)
    _check_computed(indicator, version, computed_from)
    check_period(plan, value.kind, value.period)
    with transaction.atomic():
        computed = Provenance.computed(computed_from=computed_from.strip())
        row = _stored(indicator, value, computed)
        changes = _cell_changes(row) | {
            "computed_from": row.computed_from,
            "version": str(indicator.version),
        }
        record(actor=actor, action="value.compute", target=row, office=plan.office, changes=changes)
    return row


def total_reason_record(
    *,
    actor: Actor,
    indicator: ResultIndicator,
    kind: str,
    period: Period,
    key: str,
    dimension: str,
    reason: str,
) -> MismatchReason | None:
    """Why the parts of a total do not add up ("five participants did not give their
    sex"); an empty reason removes the one recorded."""
    office = indicator.plan.office
    require_edit(actor, office)
    with transaction.atomic():
        row = mismatch_reason_record(
            owner=indicator,
            version=indicator.version,
            kind=kind,
            period=period,
            key=key,
            dimension=dimension,
            reason=reason,
            user=person_or_none(actor),
        )
        record(
            actor=actor,
            action="value.total_reason",
            target=indicator,
            office=office,
            changes={
                "kind": kind,
                "period": str(period),
                "key": key,
                "dimension": dimension,
                "reason": reason.strip(),
            },
        )
    return row
