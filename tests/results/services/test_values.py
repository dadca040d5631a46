"""Baselines, targets and actuals of attached indicators, disaggregated, with locking."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.accounts.models import AuditEntry
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.indicators.periods import parse_period
from cometa.indicators.value_store import total_findings, values_of
from cometa.results.inputs import ValueInput
from cometa.results.services.values import total_reason_record, value_record

Y2022 = parse_period("2022")


def actual(value: int, key: str = "", period: str = "2022") -> ValueInput:
    return ValueInput(kind="actual", period=parse_period(period), key=key, value=Decimal(value))


def test_an_editor_enters_a_total_and_its_parts(offices) -> None:
    row = value_record(
        actor=offices.elena, indicator=offices.enrolled, value=actual(2763), expected_revision=0
    )
    value_record(
        actor=offices.elena,
        indicator=offices.enrolled,
        value=actual(400, "age=Y15T24"),
        expected_revision=0,
    )
    stored = {v.key: v.value for v in values_of(owner=offices.enrolled)}
    assert stored == {"": Decimal(2763), "age=Y15T24": Decimal(400)}
    assert row.entered_by == offices.elena
    entry = AuditEntry.objects.filter(action="results.value.record").order_by("seq").first()
    assert entry is not None and entry.changes["value"] == "2763"
    assert entry.organisation_id == offices.mexico.pk


def test_two_people_entering_the_same_cell_lose_nothing(offices) -> None:
    value_record(
        actor=offices.elena, indicator=offices.enrolled, value=actual(2763), expected_revision=0
    )
    with pytest.raises(Conflict):  # Ada started from the empty cell too
        value_record(
            actor=offices.world.ada,
            indicator=offices.enrolled,
            value=actual(2700),
            expected_revision=0,
        )
    [row] = values_of(owner=offices.enrolled)
    assert (row.value, row.revision) == (Decimal(2763), 1)
    value_record(
        actor=offices.world.ada, indicator=offices.enrolled, value=actual(2700), expected_revision=1
    )
    assert values_of(owner=offices.enrolled).get().revision == 2


@pytest.mark.parametrize("who", ["vic", "kai", "rita"])
def test_only_the_office_editors_enter_values(offices, who: str) -> None:
    person = getattr(offices, who, None) or getattr(offices.world, who)
    with pytest.raises(NotPermitted):
        value_record(actor=person, indicator=offices.enrolled, value=actual(1), expected_revision=0)
    assert not values_of(owner=offices.enrolled).exists()


@pytest.mark.parametrize(
    ("value", "field"),
    [
        (actual(5, period="2026"), "period"),  # after the plan
        (actual(5, period="2021"), "period"),  # an actual before the plan
        (actual(5, key="sex=F"), "key"),  # a dimension the indicator lacks
        (ValueInput(kind="forecast", period=Y2022, value=Decimal(1)), "kind"),
    ],
)
def test_values_are_validated(offices, value: ValueInput, field: str) -> None:
    with pytest.raises(ValidationFailed) as refused:
        value_record(
            actor=offices.elena, indicator=offices.enrolled, value=value, expected_revision=0
        )
    assert field in refused.value.errors


def test_a_baseline_may_come_before_the_plan(offices) -> None:
    baseline = ValueInput(kind="baseline", period=parse_period("2019"), value=Decimal(1200))
    row = value_record(
        actor=offices.elena, indicator=offices.enrolled, value=baseline, expected_revision=0
    )
    assert str(row.period) == "2019"


def test_a_reason_for_parts_that_do_not_add_up(offices) -> None:
    for key, amount in [("", 10), ("age=Y15T24", 3), ("age=Y25T34", 4)]:
        value_record(
            actor=offices.elena,
            indicator=offices.enrolled,
            value=actual(amount, key),
            expected_revision=0,
        )
    total_reason_record(
        actor=offices.elena,
        indicator=offices.enrolled,
        kind="actual",
        period=Y2022,
        key="",
        dimension="age",
        reason="Three women did not give their age.",
    )
    [found] = total_findings(
        owner=offices.enrolled, version=offices.enrolled.version, kind="actual", period=Y2022
    )
    assert found.reason == "Three women did not give their age."
    assert AuditEntry.objects.filter(action="results.value.total_reason").count() == 1
    with pytest.raises(NotPermitted):
        total_reason_record(
            actor=offices.kai,
            indicator=offices.enrolled,
            kind="actual",
            period=Y2022,
            key="",
            dimension="age",
            reason="",
        )
