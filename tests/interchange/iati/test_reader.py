"""Reading iati-activities files: everything under result held, errors with line and path,
nothing returned when there is an error, what is not held reported."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from cometa.interchange.iati import check, read, read_activities
from cometa.interchange.iati.model import Dimension, Extensions, Location, Narrative
from cometa.interchange.iati.report import Code, Report

from .conftest import HEADER, PERIOD, document, result


def test_the_full_fixture_is_read_with_every_part_of_its_results(full_file):
    reading = read(full_file)
    assert reading.report.ok, reading.report.summary()
    assert reading.report.warnings == []
    first, second = reading.activities
    assert first.identifier == "XM-DAC-41146-MEX_D_1.1"
    assert second.lang == "es"
    outcome = first.results[0]
    assert outcome.type == "2" and outcome.aggregation_status is True
    assert [n.lang for n in outcome.title.narratives] == [None, "es", "fr"]
    assert (
        outcome.title.in_language("fr")
        == "Les femmes ont les compétences pour créer des entreprises"
    )
    assert outcome.title.in_language("en", default=first.lang).startswith("Women have")
    link = outcome.document_links[0]
    assert [c.code for c in link.categories] == ["A01", "A07"]
    assert [c.code for c in link.languages] == ["en", "es"]
    assert link.document_date == datetime.date(2022, 2, 15)
    assert link.ext.attributes == (("{https://cometa.example.org/ns}kind", "plan"),)
    reference = outcome.references[0]
    assert (reference.vocabulary, reference.code, reference.uri) == (
        "99",
        "MEX_D_1.1",
        "https://example.org/results-codes",
    )
    indicator = outcome.indicators[0]
    assert (indicator.measure, indicator.ascending, indicator.aggregation_status) == (
        "1",
        True,
        False,
    )
    baseline = indicator.baselines[0]
    assert (baseline.year, baseline.iso_date, baseline.amount) == (
        2021,
        datetime.date(2021, 12, 31),
        Decimal(120),
    )
    assert baseline.locations == (Location("MX-CMX"),)
    assert baseline.comment is not None and len(baseline.comment.narratives) == 2
    assert len(baseline.document_links) == 1


def test_repeated_targets_and_actuals_keep_their_dimensions_in_order(full_file):
    period = read(full_file).activities[0].results[0].indicators[0].periods[0]
    assert [t.value for t in period.targets] == ["200", "150", "50"]
    assert [a.value for a in period.actuals] == ["210", "160.5", "49.5"]
    women = period.actuals[1]
    assert women.dimensions == (Dimension("sex", "female"), Dimension("age", "adult"))
    assert women.comment is not None
    assert women.comment.narratives[1] == Narrative("Femmes adultes", "fr")
    assert women.document_links[0].document_date == datetime.date(2023, 3, 1)
    assert women.ext == Extensions(
        (),
        (
            '<cm:source xmlns:cm="https://cometa.example.org/ns">'
            "learning centres register</cm:source>",
        ),
    )
    assert [loc.ref for loc in period.targets[1].locations] == ["MX-CMX", "MX-OAX"]
    assert period.targets[0].dimensions == ()  # the total


def test_a_qualitative_indicator_keeps_its_comments_and_no_value(full_file):
    indicator = read(full_file).activities[0].results[0].indicators[1]
    assert indicator.measure == "5"
    actual = indicator.periods[0].actuals[0]
    assert actual.value is None and actual.amount is None
    assert actual.comment is not None
    assert actual.comment.in_language("es") == "Borrador enviado al congreso"


def _only(source: bytes) -> tuple[Report, list]:
    report = Report()
    return report, list(read_activities(source, report))


BAD = [
    # (what, file, code, path, line)
    (
        "unknown result type",
        document(result(result_type="7")),
        Code.UNKNOWN_CODE,
        "/iati-activities/iati-activity[1]/result[1]/@type",
        9,
    ),
    (
        "unknown measure",
        document(result(measure="9")),
        Code.UNKNOWN_CODE,
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]/@measure",
        9,
    ),
    (
        "non-numeric actual",
        document(result(PERIOD.replace('value="12"', 'value="12 women"'))),
        Code.NOT_NUMERIC,
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]/period[1]/actual[1]/@value",
        10,
    ),
    (
        "non-numeric baseline",
        document(result('<baseline year="2021" value="1,000"/>')),
        Code.NOT_NUMERIC,
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]/baseline[1]/@value",
        9,
    ),
    (
        "quantitative target without a value",
        document(result(PERIOD.replace('value="10"', ""))),
        Code.MISSING,
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]/period[1]/target[1]",
        10,
    ),
    (
        "period ends before it starts",
        document(result(PERIOD.replace("2022-12-31", "2021-12-31"))),
        Code.DATE_ORDER,
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]/period[1]",
        9,
    ),
    (
        "not a date",
        document(result(PERIOD.replace("2022-12-31", "2022-13-31"))),
        Code.NOT_A_DATE,
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]/period[1]/period-end[1]/@iso-date",
        9,
    ),
    (
        "baseline year not a year",
        document(result('<baseline year="2021.0" value="1"/>')),
        Code.NOT_INTEGER,
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]/baseline[1]/@year",
        9,
    ),
    (
        "boolean that is not one",
        document(result().replace('type="2"', 'type="2" aggregation-status="yes"')),
        Code.NOT_BOOLEAN,
        "/iati-activities/iati-activity[1]/result[1]/@aggregation-status",
        9,
    ),
    (
        "unknown language",
        document(result().replace("<narrative>R<", '<narrative xml:lang="xx">R<')),
        Code.UNKNOWN_CODE,
        "/iati-activities/iati-activity[1]/result[1]/title[1]/narrative[1]/@xml:lang",
        9,
    ),
    (
        "unknown document category",
        document(
            result().replace(
                "</title><indicator",
                '</title><document-link url="https://x.org" format="application/pdf">'
                '<title><narrative>D</narrative></title><category code="Z99"/></document-link>'
                "<indicator",
            )
        ),
        Code.UNKNOWN_CODE,
        "/iati-activities/iati-activity[1]/result[1]/document-link[1]/category[1]/@code",
        9,
    ),
    (
        "result without indicator",
        document('<result type="2"><title><narrative>R</narrative></title></result>'),
        Code.MISSING,
        "/iati-activities/iati-activity[1]/result[1]",
        9,
    ),
    (
        "indicator without title",
        document(result().replace("<title><narrative>I</narrative></title>", "")),
        Code.MISSING,
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]",
        9,
    ),
    (
        "wrong version",
        document(result(), version="2.02"),
        Code.VERSION,
        "/iati-activities/@version",
        1,
    ),
    (
        "malformed",
        document(result()).replace(b"</result>", b"</reslt>"),
        Code.MALFORMED,
        "/",  # libxml2 stopped before the activity's start reached Python
        10,
    ),
    ("not iati", b"<iati-organisations version='2.03'/>", Code.NOT_IATI, "/", None),
]


@pytest.mark.parametrize(("what", "source", "code", "path", "line"), BAD, ids=[b[0] for b in BAD])
def test_each_problem_is_an_error_with_its_line_and_path(what, source, code, path, line):
    reading = read(source)
    assert reading.activities == ()
    assert [(e.code, e.path, e.line) for e in reading.report.errors] == [(code, path, line)]


def test_a_good_file_of_the_same_shape_has_no_error():
    reading = read(document(result()))
    assert reading.report.ok and len(reading.activities) == 1


def test_every_error_is_listed_not_only_the_first():
    indicator = PERIOD.replace('value="10"', 'value="ten"').replace('value="12"', 'value="x"')
    source = document(result(indicator) + result(measure="0"))
    report = check(source)
    assert [e.code for e in report.errors] == [
        Code.NOT_NUMERIC,
        Code.NOT_NUMERIC,
        Code.UNKNOWN_CODE,
    ]
    assert (
        report.errors[2].path == "/iati-activities/iati-activity[1]/result[2]/indicator[1]/@measure"
    )


def test_the_stream_yields_activities_but_the_report_says_not_to_import_them():
    bad_second = document(result()).replace(
        b"</iati-activities>", b"<iati-activity><iati-identifier>x</iati-identifier>"
    )
    report, activities = _only(bad_second)
    assert len(activities) == 1  # the first was read before the broken end
    assert not report.ok and report.errors[0].code == Code.MALFORMED
    assert report.errors[0].path == "/iati-activities/iati-activity[2]"
    assert report.errors[0].line == 13  # where the file ends too early


def test_a_file_from_another_publisher_imports_what_it_has_and_reports_the_rest(
    other_publisher_file,
):
    reading = read(other_publisher_file)
    assert reading.report.ok
    (activity,) = reading.activities
    period = activity.results[0].indicators[0].periods[0]
    assert [a.value for a in period.actuals] == ["17", "11"]
    assert activity.results[0].ext.attributes == (
        ("{http://akvo.org/iati-activities}result-id", "8812"),
    )
    assert activity.ext.elements == (
        '<akvo:project-status xmlns:akvo="http://akvo.org/iati-activities">active</akvo:project-status>',
    )
    not_held = {(w.path, w.line) for w in reading.report.warnings if w.code == Code.NOT_HELD}
    assert ("/iati-activities/iati-activity[1]/sector[1]", 20) in not_held
    assert ("/iati-activities/iati-activity[1]/transaction[2]", 25) in not_held
    assert ("/iati-activities/iati-activity[1]/@budget-not-provided", 7) in not_held
    assert ("/iati-activities/@linked-data-default", 6) in not_held
    assert len(not_held) == 13


def test_what_the_schema_does_not_allow_under_a_result_is_reported_not_dropped():
    source = document(
        result(
            PERIOD.replace('<target value="10"/>', '<target value="10" unit="people"/>')
        ).replace(
            "<title><narrative>R", "<title><narrative>R</narrative><note>n</note><narrative>S"
        )
    )
    reading = read(source)
    assert reading.report.ok
    paths = [w.path for w in reading.report.warnings]
    assert paths == [
        "/iati-activities/iati-activity[1]/result[1]/title[1]/note[1]",
        "/iati-activities/iati-activity[1]/result[1]/indicator[1]/period[1]/target[1]/@unit",
    ]


def test_a_time_zone_on_a_date_is_reported_and_the_date_kept():
    reading = read(document(result(PERIOD.replace('"2022-01-01"/>', '"2022-01-01Z"/>', 1))))
    assert reading.activities[0].results[0].indicators[0].periods[0].start == datetime.date(
        2022, 1, 1
    )
    assert [w.code for w in reading.report.warnings] == [Code.NOT_HELD]


def test_a_withdrawn_code_is_a_warning():
    header = HEADER.replace('type="40"', 'type="40"', 1)
    link = (
        '<document-link url="https://x.org" format="application/font-sfnt">'
        '<title><narrative>D</narrative></title><category code="A01"/></document-link>'
    )
    reading = read(
        document(result().replace("</title><indicator", f"</title>{link}<indicator"), header=header)
    )
    assert reading.report.ok
    assert [w.code for w in reading.report.warnings] == [Code.WITHDRAWN_CODE]


def test_content_between_and_after_activities_is_reported():
    source = document(result()).replace(
        b"</iati-activity>\n</iati-activities>",
        b'</iati-activity>\n<x:note xmlns:x="urn:x">n</x:note>\n<summary/>\n</iati-activities>',
    )
    reading = read(source)
    assert reading.report.ok and len(reading.activities) == 1
    assert [(w.code, w.line) for w in reading.report.warnings] == [
        (Code.NOT_HELD, 12),
        (Code.NOT_HELD, 13),
    ]
    assert [w.path for w in reading.report.warnings] == [
        "/iati-activities/x:note[1]",
        "/iati-activities/summary[1]",
    ]
