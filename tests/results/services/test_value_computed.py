"""An actual computed by another module (the shared-measurement module's indicators): stored
with where it came from under the attachment's definition version, and audited."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted, ValidationFailed
from cometa.indicators.definition_store import definition_save
from cometa.indicators.models import ValueSource
from cometa.indicators.periods import parse_period
from cometa.indicators.value_store import values_of
from cometa.results.inputs import ValueInput
from cometa.results.services.values import value_computed, value_record
from tests.results.conftest import ENROLLED

SOURCE = "network: indicator SCE-ENROLLED v1 over cohort Mexico City 2022"


def actual(value: int) -> ValueInput:
    return ValueInput(kind="actual", period=parse_period("2022"), value=Decimal(value))


def test_a_computed_actual_records_its_source_and_version(offices) -> None:
    row = value_computed(
        actor=SYSTEM,
        indicator=offices.enrolled,
        value=actual(2763),
        version=offices.enrolled.version,
        computed_from=SOURCE,
    )
    stored = values_of(owner=offices.enrolled).get()
    assert stored.source == ValueSource.COMPUTED
    assert stored.computed_from == SOURCE and stored.entered_by is None
    assert stored.version == offices.enrolled.version and stored.value == Decimal(2763)
    entry = AuditEntry.objects.get(action="results.value.compute")
    assert entry.changes["computed_from"] == SOURCE
    assert entry.changes["version"] == str(offices.enrolled.version)
    assert row.revision == 1


def test_a_computation_replaces_an_entered_value_and_counts_the_revision(offices) -> None:
    value_record(
        actor=offices.elena, indicator=offices.enrolled, value=actual(2700), expected_revision=0
    )
    row = value_computed(
        actor=offices.elena,
        indicator=offices.enrolled,
        value=actual(2763),
        version=offices.enrolled.version,
        computed_from=SOURCE,
    )
    assert (row.source, row.revision, row.entered_by) == (ValueSource.COMPUTED, 2, None)


def test_a_value_computed_under_another_version_is_refused(offices) -> None:
    narrowed = ENROLLED.__class__(**{**vars(ENROLLED), "unit": "women"})
    other = definition_save(definition=narrowed)[0]
    assert other.number == 2
    with pytest.raises(ValidationFailed) as refused:
        value_computed(
            actor=SYSTEM,
            indicator=offices.enrolled,
            value=actual(1),
            version=other,
            computed_from=SOURCE,
        )
    assert "version" in refused.value.errors
    assert not values_of(owner=offices.enrolled).exists()


def test_a_computed_value_names_its_source(offices) -> None:
    with pytest.raises(ValidationFailed) as refused:
        value_computed(
            actor=SYSTEM,
            indicator=offices.enrolled,
            value=actual(1),
            version=offices.enrolled.version,
            computed_from="  ",
        )
    assert "computed_from" in refused.value.errors


def test_only_who_may_change_the_office_stores_a_computed_value(offices) -> None:
    with pytest.raises(NotPermitted):
        value_computed(
            actor=offices.vic,
            indicator=offices.enrolled,
            value=actual(1),
            version=offices.enrolled.version,
            computed_from=SOURCE,
        )
