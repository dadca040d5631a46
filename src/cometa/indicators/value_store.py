"""Storing and reading indicator values, and the reasons for totals that do not add up.

A value belongs to an *owner*: any row of the calling module (an output's indicator in the
results module, a cohort in shared measurement), named by its content type and id. The
module can declare ``GenericRelation(IndicatorValue, content_type_field="owner_type",
object_id_field="owner_id")`` on its model to read them and to delete them with the row.

Nothing here checks permissions or writes audit entries; the caller does both, in its own
transaction around these calls (see the package docstring).
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cometa.core.errors import Conflict, ValidationFailed
from cometa.indicators.checks import Finding, parts_add_up
from cometa.indicators.codelist_store import active_codes
from cometa.indicators.definitions import Measure
from cometa.indicators.disaggregation import (
    DisaggregationKeyError,
    format_key,
    key_problems,
    parse_key,
)
from cometa.indicators.models import (
    IndicatorValue,
    IndicatorVersion,
    MismatchReason,
    ValueKind,
    ValueSource,
)
from cometa.indicators.periods import Period


@dataclass(frozen=True)
class Provenance:
    """Where a value came from: entered by a person, imported from a file (its name and
    SHA-256), or computed from a source (described by the computing module)."""

    source: ValueSource
    user: Any = None
    file_name: str = ""
    file_sha256: str = ""
    computed_from: str = ""

    @classmethod
    def entered(cls, user: Any) -> Provenance:
        return cls(ValueSource.ENTERED, user=user)

    @classmethod
    def imported(cls, *, file_name: str, file_sha256: str, user: Any = None) -> Provenance:
        return cls(ValueSource.IMPORTED, user=user, file_name=file_name, file_sha256=file_sha256)

    @classmethod
    def computed(cls, *, computed_from: str) -> Provenance:
        return cls(ValueSource.COMPUTED, computed_from=computed_from)


def _owner_filter(owner: models.Model) -> dict[str, Any]:
    return {"owner_type": ContentType.objects.get_for_model(owner), "owner_id": owner.pk}


def _cell(version: IndicatorVersion, kind: str, period: Period, key: str) -> dict[str, Any]:
    return {
        "version": version,
        "kind": kind,
        "period_start": period.start,
        "period_end": period.end,
        "key": key,
    }


def _checked_key(version: IndicatorVersion, key: str) -> str:
    try:
        pairs = parse_key(key)
    except DisaggregationKeyError as exc:
        raise ValidationFailed({"key": [str(exc)]}) from exc
    allowed = active_codes(list(version.dimensions.values_list("code", flat=True)))
    if problems := key_problems(pairs, allowed):
        raise ValidationFailed({"key": problems})
    return format_key(pairs)


def _checked_value(
    version: IndicatorVersion, value: Decimal | None, text: str
) -> tuple[Decimal | None, str]:
    measure = Measure(version.measure)
    if measure.is_numeric and (value is None or not value.is_finite()):
        raise ValidationFailed({"value": [_("Give a number: this indicator is measured.")]})
    if not measure.is_numeric and (value is not None or not text.strip()):
        raise ValidationFailed({"text": [_("Give a text, not a number: it is qualitative.")]})
    return value, text.strip() if not measure.is_numeric else ""


def value_store(
    *,
    owner: models.Model,
    version: IndicatorVersion,
    kind: ValueKind | str,
    period: Period,
    key: str = "",
    value: Decimal | None = None,
    text: str = "",
    comment: str = "",
    provenance: Provenance,
    expected_revision: int | None = None,
) -> IndicatorValue:
    """Create or replace the value of one cell. With ``expected_revision`` (the revision the
    person saw; 0 for a cell they saw empty) a value changed meanwhile is a ``Conflict``."""
    if kind not in ValueKind.values:
        raise ValidationFailed({"kind": [_("Choose baseline, target or actual.")]})
    cell = _cell(version, str(kind), period, _checked_key(version, key))
    value, text = _checked_value(version, value, text)
    fields = {
        "value": value,
        "text": text,
        "comment": comment.strip(),
        "source": provenance.source,
        "entered_by": provenance.user,
        "file_name": provenance.file_name,
        "file_sha256": provenance.file_sha256,
        "computed_from": provenance.computed_from,
    }
    with transaction.atomic():
        row = IndicatorValue.objects.select_for_update().filter(**_owner_filter(owner), **cell)
        current = row.first()
        seen = current.revision if current else 0
        if expected_revision is not None and expected_revision != seen:
            raise Conflict(
                "stale",
                _("Someone changed this value meanwhile (%(cell)s); reload to see it.")
                % {"cell": f"{kind} {period} {cell['key'] or _('total')}"},
            )
        if current is None:
            return IndicatorValue.objects.create(**_owner_filter(owner), **cell, **fields)
        for name, new in fields.items():
            setattr(current, name, new)
        current.revision += 1
        current.save()
        return current


def values_of(
    *,
    owner: models.Model,
    version: IndicatorVersion | None = None,
    kind: ValueKind | str | None = None,
    period: Period | None = None,
) -> QuerySet[IndicatorValue]:
    """The values of ``owner``, narrowed to a version, a kind and a period when given."""
    rows = IndicatorValue.objects.filter(**_owner_filter(owner))
    if version is not None:
        rows = rows.filter(version=version)
    if kind is not None:
        rows = rows.filter(kind=kind)
    if period is not None:
        rows = rows.filter(period_start=period.start, period_end=period.end)
    return rows.select_related("version__indicator")


@dataclass(frozen=True)
class CheckedFinding:
    finding: Finding
    reason: str  # what a person recorded about it; "" when nobody did


def _reasons(
    owner: models.Model, version: IndicatorVersion, kind: str, period: Period
) -> QuerySet[MismatchReason]:
    return MismatchReason.objects.filter(
        **_owner_filter(owner),
        version=version,
        kind=kind,
        period_start=period.start,
        period_end=period.end,
    )


def total_findings(
    *, owner: models.Model, version: IndicatorVersion, kind: str, period: Period
) -> list[CheckedFinding]:
    """The totals of one owner, version, kind and period whose parts do not add up, with the
    reasons recorded for them. Empty for indicators whose values do not add up (not counts)."""
    if not Measure(version.measure).adds_up:
        return []
    rows = values_of(owner=owner, version=version, kind=kind, period=period)
    table = {row.key: row.value for row in rows if row.value is not None}
    names = version.dimensions.filter(exhaustive=True).values_list("code", flat=True)
    findings = parts_add_up(table, active_codes(list(names)))
    reasons = {
        (key, dimension): reason
        for key, dimension, reason in _reasons(owner, version, kind, period).values_list(
            "key", "dimension", "reason"
        )
    }
    return [CheckedFinding(item, reasons.get((item.key, item.dimension), "")) for item in findings]


def mismatch_reason_record(
    *,
    owner: models.Model,
    version: IndicatorVersion,
    kind: ValueKind | str,
    period: Period,
    key: str,
    dimension: str,
    reason: str,
    user: Any = None,
) -> MismatchReason | None:
    """Record (or replace) why the parts of the total ``key`` split by ``dimension`` do not
    add up; an empty reason removes the one recorded. Returns the stored reason."""
    canonical = _checked_key(version, key)
    if not version.dimensions.filter(code=dimension, exhaustive=True).exists():
        raise ValidationFailed(
            {
                "dimension": [
                    _("%(name)s is not an exhaustive dimension of this indicator.")
                    % {"name": dimension}
                ]
            }
        )
    if dimension in dict(parse_key(canonical)):
        raise ValidationFailed(
            {
                "dimension": [
                    _("The total %(key)s is already split by %(name)s.")
                    % {"key": canonical, "name": dimension}
                ]
            }
        )
    cell = {**_owner_filter(owner), **_cell(version, str(kind), period, canonical)}
    with transaction.atomic():
        if not reason.strip():
            MismatchReason.objects.filter(**cell, dimension=dimension).delete()
            return None
        row, _created = MismatchReason.objects.update_or_create(
            **cell, dimension=dimension, defaults={"reason": reason.strip(), "recorded_by": user}
        )
        return row
