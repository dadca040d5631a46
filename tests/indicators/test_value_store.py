"""Storing values with their provenance, one row per cell, and the totals check."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction

from cometa.core.errors import Conflict, ValidationFailed
from cometa.indicators.models import IndicatorValue, MismatchReason, ValueSource
from cometa.indicators.periods import parse_period
from cometa.indicators.value_store import (
    Provenance,
    mismatch_reason_record,
    total_findings,
    value_store,
    values_of,
)

pytestmark = pytest.mark.django_db
Y2022 = parse_period("2022")


def store(owner, version, key="", value="1", **extra):
    extra.setdefault("provenance", Provenance.computed(computed_from="test table"))
    return value_store(
        owner=owner,
        version=version,
        kind=extra.pop("kind", "actual"),
        period=extra.pop("period", Y2022),
        key=key,
        value=None if value is None else Decimal(value),
        **extra,
    )


def test_an_entered_value_records_who_and_under_which_version(mexico, reach, lucia):
    row = store(mexico, reach, "sex=F;age=Y15T24", "2763", provenance=Provenance.entered(lucia))
    assert row.key == "age=Y15T24;sex=F"  # canonical
    assert (row.source, row.entered_by, row.version) == (ValueSource.ENTERED, lucia, reach)
    assert row.owner == mexico and row.period == Y2022 and row.revision == 1


def test_an_imported_value_names_its_file_and_a_computed_one_its_source(mexico, reach):
    imported = store(
        mexico,
        reach,
        provenance=Provenance.imported(file_name="unwomen-mx.xml", file_sha256="ab" * 32),
    )
    assert (imported.file_name, imported.file_sha256) == ("unwomen-mx.xml", "ab" * 32)
    computed = store(
        mexico,
        reach,
        kind="target",
        provenance=Provenance.computed(computed_from="cohort 2022, CI-01 v1"),
    )
    assert computed.computed_from == "cohort 2022, CI-01 v1"


def test_storing_a_cell_again_replaces_it_and_counts_the_revision(mexico, reach):
    first = store(mexico, reach, "sex=F", "10")
    again = store(mexico, reach, "sex=F", "12", expected_revision=1)
    assert again.pk == first.pk and again.value == 12 and again.revision == 2
    assert values_of(owner=mexico).count() == 1


def test_a_value_changed_meanwhile_is_a_conflict_and_is_kept(mexico, reach):
    store(mexico, reach, "sex=F", "10")
    store(mexico, reach, "sex=F", "11", expected_revision=1)  # Lucía saved first
    with pytest.raises(Conflict, match="changed this value meanwhile"):
        store(mexico, reach, "sex=F", "12", expected_revision=1)  # Pablo saw revision 1
    with pytest.raises(Conflict):
        store(mexico, reach, "sex=M", "5", expected_revision=3)  # a cell that is empty
    assert values_of(owner=mexico).get().value == 11


def test_the_same_cell_for_another_owner_kind_period_or_version_is_another_row(
    mexico, kazakhstan, reach
):
    store(mexico, reach)
    store(kazakhstan, reach)
    store(mexico, reach, kind="target")
    store(mexico, reach, period=parse_period("2022-Q1"))
    assert IndicatorValue.objects.count() == 4
    assert values_of(owner=mexico, kind="actual", period=Y2022).count() == 1


def test_the_database_refuses_a_second_row_for_one_cell(mexico, reach):
    row = store(mexico, reach)
    with pytest.raises(IntegrityError), transaction.atomic():
        IndicatorValue.objects.create(
            owner_type=ContentType.objects.get_for_model(mexico),
            owner_id=mexico.pk,
            version=reach,
            kind="actual",
            period_start=row.period_start,
            period_end=row.period_end,
            key="",
            value=Decimal(2),
            source=ValueSource.ENTERED,
        )


@pytest.mark.parametrize(
    ("fields", "constraint"),
    [
        ({"source": ValueSource.IMPORTED}, "import_file"),
        ({"source": ValueSource.COMPUTED}, "computed_source"),
        ({"value": None}, "value_given"),
    ],
)
def test_the_database_refuses_a_value_without_its_provenance_or_content(
    mexico, reach, fields, constraint
):
    values = {"value": Decimal(1), "source": ValueSource.ENTERED, **fields}
    with pytest.raises(IntegrityError, match=constraint), transaction.atomic():
        IndicatorValue.objects.create(
            owner_type=ContentType.objects.get_for_model(mexico),
            owner_id=mexico.pk,
            version=reach,
            kind="actual",
            period_start=Y2022.start,
            period_end=Y2022.end,
            **values,
        )


@pytest.mark.parametrize(
    ("key", "value", "field", "message"),
    [
        ("colour=red", "1", "key", "not disaggregated by colour"),
        ("sex=_T", "1", "key", "_T is a total"),
        ("sex=X", "1", "key", "X is not a code of sex"),
        ("sex", "1", "key", "dimension=code"),
        ("", None, "value", "Give a number"),
        ("", "NaN", "value", "Give a number"),
    ],
)
def test_a_wrong_value_is_refused_naming_the_field(mexico, reach, key, value, field, message):
    with pytest.raises(ValidationFailed) as caught:
        store(mexico, reach, key, value)
    assert message in " ".join(caught.value.errors[field])
    assert not IndicatorValue.objects.exists()


def test_a_qualitative_value_is_a_text(mexico, story):
    row = store(mexico, story, value=None, text=" Women now lead the cooperative. ")
    assert row.text == "Women now lead the cooperative." and row.value is None
    with pytest.raises(ValidationFailed, match="text"):
        store(mexico, story, value="3")


def test_a_retired_code_is_no_longer_accepted(mexico, reach):
    from cometa.indicators.models import DimensionCode

    DimensionCode.objects.filter(dimension__code="sex", code="_O").update(is_active=False)
    with pytest.raises(ValidationFailed, match="_O is not a code of sex"):
        store(mexico, reach, "sex=_O")


def test_totals_that_do_not_add_up_are_found_with_the_reason_recorded(mexico, reach, lucia):
    for key, value in [
        ("", "100"),
        ("sex=F", "70"),
        ("sex=M", "25"),
        ("indigenous=IND_SELF", "60"),
        ("indigenous=IND_LANG", "50"),
    ]:
        store(mexico, reach, key, value)
    [checked] = total_findings(owner=mexico, version=reach, kind="actual", period=Y2022)
    assert (checked.finding.key, checked.finding.dimension) == ("", "sex")  # not indigenous
    assert checked.finding.difference == -5 and checked.reason == ""
    assert checked.finding.missing == ("_O", "_U")
    mismatch_reason_record(
        owner=mexico,
        version=reach,
        kind="actual",
        period=Y2022,
        key="",
        dimension="sex",
        reason="Five did not give their sex.",
        user=lucia,
    )
    [checked] = total_findings(owner=mexico, version=reach, kind="actual", period=Y2022)
    assert checked.reason == "Five did not give their sex."
    assert total_findings(owner=mexico, version=reach, kind="target", period=Y2022) == []


def test_a_reason_can_be_replaced_and_removed(mexico, reach):
    def record(reason: str):
        return mismatch_reason_record(
            owner=mexico,
            version=reach,
            kind="actual",
            period=Y2022,
            key="age=Y15T24",
            dimension="sex",
            reason=reason,
        )

    record("first")
    assert record("second").reason == "second"
    assert MismatchReason.objects.get().reason == "second"
    assert record("  ") is None
    assert not MismatchReason.objects.exists()


@pytest.mark.parametrize(
    ("key", "dimension", "message"),
    [
        ("", "indigenous", "not an exhaustive dimension"),
        ("", "disability", "not an exhaustive dimension"),
        ("sex=F", "sex", "already split by sex"),
    ],
)
def test_a_reason_must_be_about_a_real_split(mexico, reach, key, dimension, message):
    with pytest.raises(ValidationFailed, match=message):
        mismatch_reason_record(
            owner=mexico,
            version=reach,
            kind="actual",
            period=Y2022,
            key=key,
            dimension=dimension,
            reason="why",
        )


def test_shares_scales_and_texts_are_not_summed(mexico, story):
    store(mexico, story, value=None, text="A story")
    assert total_findings(owner=mexico, version=story, kind="actual", period=Y2022) == []
