"""The import onto the tables: all or nothing with line and path, dry runs, re-imports,
what is reported as not kept, and who may import."""

from __future__ import annotations

from decimal import Decimal

import pytest

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.indicators.models import IndicatorValue, ValueSource
from cometa.interchange.iati.report import Code
from cometa.results.iati.importing import iati_import
from cometa.results.models import IatiActivity, Outcome, Output, ResultIndicator
from tests.interchange.iati.conftest import document, result
from tests.results.conftest import Offices
from tests.results.iati.conftest import FULL, OTHER

pytestmark = pytest.mark.django_db

PERIOD = (
    '<period><period-start iso-date="{start}"/><period-end iso-date="{end}"/>'
    '<target value="{value}"/></period>'
)


def _state() -> tuple[int, ...]:
    return (
        Outcome.objects.count(),
        Output.objects.count(),
        ResultIndicator.objects.count(),
        IndicatorValue.objects.count(),
        IatiActivity.objects.count(),
        AuditEntry.objects.count(),
    )


def _bad(body: str, **kw: str) -> bytes:
    return document(result(body, **kw))


def _with_good_activity_first(bad: bytes) -> bytes:
    """A good activity, then the bad one: the good one must not be kept either."""
    good = document(result()).decode().split("<iati-activity", 1)[1].rsplit("</iati-activities>")[0]
    head, tail = bad.decode().split("<iati-activity", 1)
    return f"{head}<iati-activity{good}<iati-activity{tail}".encode()


@pytest.mark.parametrize(
    ("content", "code", "path_end"),
    [
        (b"<iati-activities version='2.03'><iati-activity>", Code.MALFORMED, "iati-activity[1]"),
        (document(result(), version="2.02"), Code.VERSION, "/@version"),
        (
            _bad(PERIOD.format(start="2022-01-01", end="2022-12-31", value="10"), measure="7"),
            Code.UNKNOWN_CODE,
            "indicator[1]/@measure",
        ),
        (
            _bad(PERIOD.format(start="2022-01-01", end="2022-12-31", value="ten")),
            Code.NOT_NUMERIC,
            "target[1]/@value",
        ),
        (
            _bad(PERIOD.format(start="2022-12-31", end="2022-01-01", value="10")),
            Code.DATE_ORDER,
            "period[1]",
        ),
        (
            _bad(PERIOD.format(start="2031-01-01", end="2031-12-31", value="10")),
            Code.REFUSED,
            "period[1]/target[1]",
        ),
    ],
    ids=["malformed", "version", "unknown-code", "not-numeric", "date-order", "outside-plan"],
)
def test_an_error_imports_nothing_and_says_where(
    offices: Offices, content: bytes, code: Code, path_end: str
) -> None:
    before = _state()
    done = iati_import(
        actor=SYSTEM,
        source=_with_good_activity_first(content) if code != Code.MALFORMED else content,
        file_name="bad.xml",
    )
    assert not done.ok and not done.written
    assert any(
        e.code == code and e.path.endswith(path_end) and e.line for e in done.report.errors
    ), done.report.summary()
    assert _state() == before


def test_a_dry_run_reports_the_same_and_writes_nothing(offices: Offices) -> None:
    before = _state()
    dry = iati_import(actor=SYSTEM, source=FULL, file_name="full.xml", dry_run=True)
    assert dry.ok and not dry.written
    assert _state() == before
    real = iati_import(actor=SYSTEM, source=FULL, file_name="full.xml")
    assert real.report.summary() == dry.report.summary()
    assert real.counts == dry.counts
    assert _state() != before


def test_importing_the_same_file_again_duplicates_nothing(offices: Offices) -> None:
    iati_import(actor=SYSTEM, source=FULL, file_name="full.xml")
    after_first = _state()[:5]
    again = iati_import(actor=SYSTEM, source=FULL, file_name="full.xml")
    assert again.written
    assert _state()[:5] == after_first
    assert again.counts["values written"] == 0 and again.counts["values unchanged"] == 9
    assert set(IndicatorValue.objects.values_list("revision", flat=True)) == {1}


def test_the_tables_hold_the_file(offices: Offices) -> None:
    iati_import(actor=SYSTEM, source=FULL, file_name="full.xml")
    outcome = Outcome.objects.get(plan=offices.plan, code="D_1.1")
    assert outcome.statement["es"].startswith("Las mujeres tienen")
    assert Output.objects.get(outcome=outcome).code == "D_1.1.1"
    organisational = Outcome.objects.get(plan=offices.plan, code="O_3")
    assert organisational.statement["en"] == "Management"  # the English narrative, not first
    trained = ResultIndicator.objects.get(version__indicator__code="XM-DAC-41146-MEX_D_1.1-1.1")
    assert trained.version.direction == "ascending"
    assert {d.code for d in trained.version.dimensions.all()} == {"sex"}
    cells = {(v.kind, str(v.period), v.key): v.value for v in trained.values.all()}
    assert cells[("target", "2022", "sex=M")] == Decimal(50)
    assert cells[("actual", "2022", "")] == Decimal(210)
    assert cells[("baseline", "2021", "sex=F")] == Decimal(120)
    row = trained.values.get(kind="baseline", key="sex=F")
    assert row.comment == "From the 2021 survey"
    assert (row.source, row.file_name) == (ValueSource.IMPORTED, "full.xml")
    assert len(row.file_sha256) == 64
    law = ResultIndicator.objects.get(version__indicator__code="XM-DAC-41146-MEX_D_1.1-1.2")
    assert law.version.measure == 5 and not law.values.exists()
    audit = AuditEntry.objects.filter(action="results.iati.import")
    assert audit.count() == 2


def test_what_is_not_cometa_data_is_reported_with_line_and_path(offices: Offices) -> None:
    done = iati_import(actor=SYSTEM, source=FULL, file_name="full.xml")
    notes = {(w.path, w.line): w.message for w in done.report.warnings}
    key = ("/iati-activities/iati-activity[1]/result[1]/indicator[1]/period[1]/target[2]", 69)
    assert "'age'='adult' is not on Cometa's code lists" in notes[key]
    assert all(w.line for w in done.report.warnings)
    donor = iati_import(actor=SYSTEM, source=OTHER, file_name="o.xml", office=offices.mexico)
    paths = [w.path for w in donor.report.warnings]
    assert "/iati-activities/iati-activity[1]/transaction[1]" in paths
    assert "/iati-activities/iati-activity[1]/sector[1]" in paths


def test_a_file_without_an_office_it_names_needs_one(offices: Offices) -> None:
    done = iati_import(actor=SYSTEM, source=OTHER, file_name="o.xml")
    (error,) = done.report.errors
    assert error.code == Code.REFUSED and error.path.endswith("iati-identifier[1]") and error.line
    given = iati_import(actor=SYSTEM, source=OTHER, file_name="o.xml", office=offices.mexico)
    assert given.written
    assert Outcome.objects.filter(plan=offices.plan, code="D_1").exists()


def test_only_the_offices_editors_import(offices: Offices) -> None:
    before = _state()
    for person in (offices.vic, offices.kai, offices.world.rita, offices.world.oscar):
        done = iati_import(actor=person, source=FULL, file_name="full.xml")
        assert [e.code for e in done.report.errors] == [Code.REFUSED, Code.REFUSED]
    assert _state() == before
    assert iati_import(actor=offices.elena, source=FULL, file_name="full.xml").written
