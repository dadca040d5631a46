"""Keeping indicator definitions in versions, and reading them back as plain data.

``definition_save`` is the one way to create or change a definition: the first save makes
version 1; a change of meaning (``definitions.meaning_changes``) makes the next version and
keeps the old one; any other change corrects the current version in place; saving the same
definition again changes nothing.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from django.db import transaction

from cometa.core.errors import ValidationFailed
from cometa.indicators.definitions import (
    Definition,
    Direction,
    Measure,
    Reference,
    definition_problems,
    meaning_changes,
)
from cometa.indicators.models import Dimension, Indicator, IndicatorVersion
from cometa.indicators.texts import Text


class Saved(StrEnum):
    CREATED = "created"  # a new indicator, version 1
    NEW_VERSION = "new version"  # the meaning changed
    CORRECTED = "corrected"  # the current version was corrected in place
    UNCHANGED = "unchanged"


def _texts(text: Text | None) -> dict[str, str] | None:
    return text.as_dict() if text else None


def _fields(definition: Definition) -> dict[str, Any]:
    return {
        "title": definition.title.as_dict(),
        "definition": definition.definition.as_dict(),
        "measure": int(definition.measure),
        "direction": definition.direction.value if definition.direction else "",
        "unit": definition.unit,
        "numerator": _texts(definition.numerator),
        "denominator": _texts(definition.denominator),
        "references": [vars(item) for item in definition.references],
        "gender_sensitive": definition.gender_sensitive,
        "gender_note": _texts(definition.gender_note),
    }


def definition_of(version: IndicatorVersion) -> Definition:
    """The plain definition a stored version holds."""
    return Definition(
        code=version.indicator.code,
        title=version.title_text(),
        definition=Text.of(version.definition) or Text(""),
        measure=Measure(version.measure),
        direction=Direction(version.direction) if version.direction else None,
        unit=version.unit,
        numerator=Text.of(version.numerator),
        denominator=Text.of(version.denominator),
        dimensions=tuple(sorted(version.dimensions.values_list("code", flat=True))),
        references=tuple(Reference(**item) for item in version.references),
        gender_sensitive=version.gender_sensitive,
        gender_note=Text.of(version.gender_note),
    ).normalised()


def _write(
    version: IndicatorVersion, definition: Definition, dimensions: list[Dimension]
) -> IndicatorVersion:
    for name, value in _fields(definition).items():
        setattr(version, name, value)
    version.save()
    version.dimensions.set(dimensions)
    return version


def definition_save(
    *, definition: Definition, user: Any = None, change_note: str = ""
) -> tuple[IndicatorVersion, Saved]:
    """Create or change the indicator ``definition.code``; the version now current and what
    was done. Call it inside the calling module's transaction, after its permission check."""
    definition = definition.normalised()
    dimensions = list(Dimension.objects.filter(code__in=definition.dimensions))
    problems = definition_problems(definition, known_dimensions={d.code for d in dimensions})
    if problems:
        raise ValidationFailed(problems)
    with transaction.atomic():
        indicator, created = Indicator.objects.select_for_update().get_or_create(
            code=definition.code
        )
        current = indicator.versions.order_by("-number").first()
        if created or current is None:
            version = IndicatorVersion(indicator=indicator, number=1, created_by=user)
            return _write(version, definition, dimensions), Saved.CREATED
        stored = definition_of(current)
        if stored == definition:
            return current, Saved.UNCHANGED
        if meaning_changes(stored, definition):
            version = IndicatorVersion(
                indicator=indicator, number=current.number + 1, created_by=user
            )
            version.change_note = change_note
            return _write(version, definition, dimensions), Saved.NEW_VERSION
        if change_note:
            current.change_note = change_note
        return _write(current, definition, dimensions), Saved.CORRECTED


def version_get(*, code: str, number: int | None = None) -> IndicatorVersion:
    """A version of the indicator ``code``: ``number``, or the latest."""
    versions = IndicatorVersion.objects.select_related("indicator").filter(indicator__code=code)
    found = versions.filter(number=number).first() if number else versions.first()
    if found is None:
        raise IndicatorVersion.DoesNotExist(f"no indicator {code!r} version {number or 'latest'}")
    return found
