"""The report's reads: who may read it (404 otherwise), a fixed number of queries however
much the plan holds, and outcomes without a narrative counted as not assessed."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import Organisation
from cometa.indicators.definition_store import version_get
from cometa.indicators.periods import year
from cometa.indicators.texts import Text
from cometa.results.inputs import FactContent, NarrativeContent, ValueInput
from cometa.results.models import Outcome
from cometa.results.report import selectors
from cometa.results.services import framework, reporting, values
from tests.conftest import make_person


def _queries(reader, office: Organisation) -> int:
    with CaptureQueriesContext(connection) as captured:
        selectors.report_data(reader, office.pk, 2022)
    return len(captured.captured_queries)


def _grow(office: Organisation, number: int) -> None:
    """Adds an outcome with an output, an indicator on each, values, a narrative, a fact."""
    plan = office.result_plans.get()
    outcome = framework.outcome_create(
        actor=SYSTEM, plan=plan, code=f"D_9.{number}", statement_text=Text("More.")
    )
    output = framework.output_create(
        actor=SYSTEM, outcome=outcome, code=f"D_9.{number}.1", statement_text=Text("Output.")
    )
    version = version_get(code="MEX-SCE-ENROLLED")
    for place in (outcome, output):
        attached = framework.indicator_attach(actor=SYSTEM, to=place, version=version)
        for kind in ("target", "actual"):
            values.value_record(
                actor=SYSTEM,
                indicator=attached,
                value=ValueInput(kind, year(2022), "age=Y15T24", Decimal(number)),
                expected_revision=0,
            )
    narrative = reporting.narrative_save(
        actor=SYSTEM,
        outcome=outcome,
        year=2022,
        content=NarrativeContent(Text("More women.")),
        expected_version=0,
    )
    reporting.fact_add(
        actor=SYSTEM,
        narrative=narrative,
        content=FactContent(Decimal(number), "women", indicator=attached.pk, key="age=Y15T24"),
    )
    framework.partner_add(actor=SYSTEM, outcome=outcome, name="ILO", kind="un_entity")


def test_the_report_reads_in_a_fixed_number_of_queries(mexico, reader) -> None:
    before = _queries(reader, mexico)
    for number in (1, 2, 3):
        _grow(mexico, number)
    data = selectors.report_data(reader, mexico.pk, 2022)
    assert len(data.outcomes) == 14
    grown = next(o for o in data.outcomes if o.code == "D_9.3")
    assert len(grown.indicators) == 2 and grown.facts[0].key == "age=Y15T24"
    assert _queries(reader, mexico) == before <= 12


def test_an_office_the_person_does_not_read_is_not_found(mexico) -> None:
    stranger = make_person("stranger@example.org", "Stranger")
    with pytest.raises(Http404):
        selectors.report_data(stranger, mexico.pk, 2022)


def test_a_year_no_plan_covers_is_not_found(mexico, reader) -> None:
    with pytest.raises(Http404):
        selectors.report_data(reader, mexico.pk, 2030)
    with pytest.raises(Http404):
        selectors.report_data(reader, "not-a-number", 2022)


def test_an_outcome_without_a_narrative_is_not_assessed(mexico, reader) -> None:
    Outcome.objects.get(plan__office=mexico, code="O_4").narratives.all().delete()
    data = selectors.report_data(reader, mexico.pk, 2022)
    last = next(o for o in data.outcomes if o.code == "O_4")
    assert (last.progress, last.narrative, last.facts) == ("not_assessed", None, ())


def test_progress_by_year_counts_outcomes_without_a_narrative(mexico, reader) -> None:
    rows = selectors.progress_years(reader, [2022, 2023])
    mexico_2022 = next(r for r in rows if r.office == "UN Women Mexico" and r.year == 2022)
    assert sum(mexico_2022.counts.values()) == 11
    assert mexico_2022.counts["partly"] >= 1
    mexico_2023 = next(r for r in rows if r.office == "UN Women Mexico" and r.year == 2023)
    assert mexico_2023.counts == {"on_track": 0, "partly": 0, "off_track": 0, "not_assessed": 11}
    assert selectors.latest_year(reader) == 2022


def test_progress_by_year_shows_only_offices_the_person_reads(mexico) -> None:
    stranger = make_person("stranger@example.org", "Stranger")
    assert selectors.progress_years(stranger, [2022]) == []
    assert selectors.latest_year(stranger) is None
