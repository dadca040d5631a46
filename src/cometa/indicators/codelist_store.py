"""Copying the code lists of ``codelists/*.yaml`` into the database.

Run by the migration that creates the tables and by ``cometa indicators load-codelists``
after a file changed. Loading is idempotent: a dimension or code is added or updated; a
code no longer in its file is retired (kept, so stored values keep their meaning).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction

from cometa.indicators.dimensions import Dimension, builtin_dimensions
from cometa.indicators.models import Dimension as DimensionRow
from cometa.indicators.models import DimensionCode


@dataclass
class SyncReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    retired: list[str] = field(default_factory=list)


def sync_into(
    dimension_model: Any, code_model: Any, dimensions: Mapping[str, Dimension]
) -> SyncReport:
    """Copy ``dimensions`` into the given models (the real ones, or a migration's)."""
    report = SyncReport()
    for dimension in dimensions.values():
        row, created = dimension_model.objects.update_or_create(
            code=dimension.code,
            defaults={
                "name": dimension.name.as_dict(),
                "source": dimension.source,
                "exhaustive": dimension.exhaustive,
                "note": dimension.note.as_dict() if dimension.note else None,
            },
        )
        (report.added if created else report.updated).append(dimension.code)
        for position, code in enumerate(dimension.codes):
            code_model.objects.update_or_create(
                dimension=row,
                code=code.code,
                defaults={"label": code.label.as_dict(), "position": position, "is_active": True},
            )
        gone = code_model.objects.filter(dimension=row, is_active=True).exclude(
            code__in=dimension.code_values
        )
        report.retired += [
            f"{dimension.code}={code}" for code in gone.values_list("code", flat=True)
        ]
        gone.update(is_active=False)
    return report


def codelists_sync(*, dimensions: Mapping[str, Dimension] | None = None) -> SyncReport:
    """Copy the shipped code lists (or ``dimensions``) into the database, in one transaction."""
    with transaction.atomic():
        return sync_into(DimensionRow, DimensionCode, dimensions or builtin_dimensions())


def active_codes(dimension_codes: list[str]) -> dict[str, list[str]]:
    """The active codes of each named dimension, in file order."""
    found: dict[str, list[str]] = {code: [] for code in dimension_codes}
    rows = DimensionCode.objects.filter(dimension__code__in=dimension_codes, is_active=True)
    for dimension, code in rows.order_by("position").values_list("dimension__code", "code"):
        found[dimension].append(code)
    return found
