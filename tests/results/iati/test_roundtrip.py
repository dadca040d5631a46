"""Import, export, import again: the same data, for a file using every result element and
attribute (repeated targets and actuals with dimensions, three languages and more,
extensions), and for a donor's file."""

from __future__ import annotations

import io
from decimal import Decimal
from pathlib import Path

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.indicators.models import IndicatorValue
from cometa.indicators.periods import year
from cometa.interchange.iati import read, validate
from cometa.results.iati.exporting import iati_export, plans_of
from cometa.results.iati.importing import iati_import
from cometa.results.inputs import ValueInput
from cometa.results.models import IatiActivity, Outcome, Output, Plan, ResultIndicator
from cometa.results.services import framework, values
from tests.results.conftest import Offices
from tests.results.iati.conftest import FULL, OTHER

pytestmark = pytest.mark.django_db


def _export(code: str) -> bytes:
    target = io.BytesIO()
    report = iati_export(actor=SYSTEM, plans=plans_of(code), target=target)
    assert report.ok, report.summary()
    return target.getvalue()


def _tables(identifiers: set[str]) -> list[object]:
    """Everything the import wrote, without ids and times."""
    return [
        sorted(Plan.objects.values_list("office_code", "start_year", "end_year", "publisher")),
        sorted(Outcome.objects.values_list("plan__office_code", "code", "kind", "statement")),
        sorted(Output.objects.values_list("outcome__code", "code", "statement")),
        sorted(ResultIndicator.objects.values_list("version__indicator__code", "version__number")),
        sorted(
            IndicatorValue.objects.values_list(
                "version__indicator__code",
                "kind",
                "period_start",
                "period_end",
                "key",
                "value",
                "text",
                "comment",
            )
        ),
        sorted(
            IatiActivity.objects.filter(identifier__in=identifiers).values_list(
                "identifier", "activity"
            )
        ),
    ]


def test_export_gives_back_every_result_element_and_attribute(offices: Offices) -> None:
    imported = iati_import(actor=SYSTEM, source=FULL, file_name="full.xml")
    assert imported.written, imported.report.summary()
    exported = read(_export("MEX"))
    original = {a.identifier: a for a in read(FULL).activities}
    again = {a.identifier: a for a in exported.activities}
    assert set(original) <= set(again)
    for identifier, activity in original.items():
        assert again[identifier] == activity  # results, header, extensions, languages


def test_import_export_import_gives_the_same_data(offices: Offices, tmp_path: Path) -> None:
    iati_import(actor=SYSTEM, source=FULL, file_name="full.xml")
    identifiers = {a.identifier for a in read(FULL).activities}
    first = _tables(identifiers)
    out = tmp_path / "export.xml"
    out.write_bytes(_export("MEX"))
    again = iati_import(actor=SYSTEM, source=out, file_name="full.xml")
    assert again.written, again.report.summary()
    assert again.counts["values written"] == 0
    assert _tables(identifiers) == first


def test_a_donor_file_round_trips_into_an_office(offices: Offices) -> None:
    imported = iati_import(actor=SYSTEM, source=OTHER, file_name="o.xml", office=offices.mexico)
    assert imported.written
    exported = {a.identifier: a for a in read(_export("MEX")).activities}
    (activity,) = read(OTHER).activities
    assert exported[activity.identifier] == activity


def test_what_cometa_added_is_exported_and_valid(offices: Offices) -> None:
    iati_import(actor=SYSTEM, source=FULL, file_name="full.xml")
    outcome = Outcome.objects.get(plan=offices.plan, code="D_1.1")
    added = framework.indicator_attach(actor=SYSTEM, to=outcome, version=offices.enrolled.version)
    values.value_record(
        actor=SYSTEM,
        indicator=added,
        value=ValueInput("actual", year(2023), "age=Y15T24", Decimal(12)),
        expected_revision=0,
    )
    trained = ResultIndicator.objects.get(version__indicator__code="XM-DAC-41146-MEX_D_1.1-1.1")
    values.value_record(
        actor=SYSTEM,
        indicator=trained,
        value=ValueInput("actual", year(2022), "", Decimal(215)),
        expected_revision=1,
    )
    xml = _export("MEX")
    assert validate(xml).ok
    activity = {a.identifier: a for a in read(xml).activities}["XM-DAC-41146-MEX_D_1.1"]
    first = activity.results[0]
    assert first.references and not first.indicators[-1].references  # rule 8.11.1
    assert first.indicators[-1].periods[0].actuals[0].value == "12"
    assert first.indicators[-1].periods[0].actuals[0].dimensions[0].name == "age"
    assert first.indicators[0].periods[0].actuals[0].value == "215"  # laid over the file's 210
    assert first.indicators[0].periods[0].actuals[1].value == "160.5"  # the file's text kept
