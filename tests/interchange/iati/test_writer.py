"""Writing: import, export and import again gives the same data; every export passes the
official schema and the ruleset's result rules; the writer streams to a file."""

from __future__ import annotations

import dataclasses
import datetime
import io

from hypothesis import given, settings

from cometa.interchange.iati import read, validate, write
from cometa.interchange.iati.model import Dimension, Value
from cometa.interchange.iati.report import Code

from .strategies import activities

PROPERTY = settings(derandomize=True, max_examples=60, deadline=None, database=None)


def _export(items) -> tuple[bytes, list]:
    out = io.BytesIO()
    report = write(items, out)
    return out.getvalue(), report.errors


def test_the_full_fixture_round_trips_unchanged(full_file):
    first = read(full_file)
    exported, errors = _export(first.activities)
    assert errors == []
    again = read(exported)
    assert again.report.ok and again.report.warnings == []
    assert again.activities == first.activities


def test_the_export_keeps_every_target_actual_and_dimension(full_file):
    exported, _ = _export(read(full_file).activities)
    text = exported.decode()
    # counted in the fixture: 3 + 1 + 1 + 1 targets, 3 + 1 + 1 + 2 actuals, 10 dimensions
    assert text.count("<target") == 6
    assert text.count("<actual") == 7
    assert text.count("<dimension") == 10
    assert text.count('xml:lang="fr"') == 2
    assert 'cm:kind="plan"' in text and "<cm:source" in text  # extension content too


def test_an_export_from_another_publishers_file_round_trips_what_was_held(other_publisher_file):
    first = read(other_publisher_file)
    exported, errors = _export(first.activities)
    assert errors == []
    again = read(exported)
    assert again.activities == first.activities
    assert again.report.warnings == []  # only what was held was written


def test_the_export_is_checked_and_valid_by_the_separate_validator(full_file, tmp_path):
    path = tmp_path / "export.xml"
    report = write(read(full_file).activities, path, generated=datetime.datetime(2026, 1, 1))
    assert report.ok and report.activities == 2
    assert validate(path).ok
    assert b'generated-datetime="2026-01-01T00:00:00"' in path.read_bytes()[:200]


def test_an_export_the_ruleset_refuses_is_reported_with_rule_and_path(full_file):
    activity = read(full_file).activities[0]
    result = activity.results[0]
    indicator = result.indicators[0]
    period = indicator.periods[0]
    wrong = dataclasses.replace(
        period, actuals=(Value("12 women", dimensions=(Dimension("sex", "f"),)),)
    )
    broken = dataclasses.replace(
        activity,
        results=(
            dataclasses.replace(
                result,
                indicators=(
                    dataclasses.replace(
                        indicator,
                        periods=(wrong,),
                        references=result.references,  # also at result level: 8.11.1
                    ),
                ),
            ),
        ),
    )
    out = io.BytesIO()
    report = write([broken], out)
    assert [(p.rule, p.path) for p in report.errors] == [
        ("8.11.1", "/iati-activities/iati-activity[1]/result/indicator"),
    ]
    assert [(p.rule, p.path) for p in report.warnings] == [
        ("8.10.2", "/iati-activities/iati-activity[1]/result/indicator/period/actual"),
    ]


def test_an_export_the_schema_refuses_is_reported_with_its_path(full_file):
    activity = read(full_file).activities[0]
    indicator = activity.results[0].indicators[0]
    bad = dataclasses.replace(indicator.baselines[0], year=0)  # xsd:positiveInteger
    result = dataclasses.replace(
        activity.results[0], indicators=(dataclasses.replace(indicator, baselines=(bad,)),)
    )
    report = write([dataclasses.replace(activity, results=(result,))], io.BytesIO())
    assert [p.code for p in report.errors] == [Code.SCHEMA]
    assert report.errors[0].path == "/iati-activities/iati-activity[1]/result/indicator/baseline"


@PROPERTY
@given(activities)
def test_generated_activities_round_trip_and_pass_the_checks(activity):
    exported, errors = _export([activity])
    assert errors == []
    again = read(exported)
    assert again.report.ok, again.report.summary()
    assert again.activities == (activity,)
