"""The official schema, loaded offline, and the file validator."""

from __future__ import annotations

from cometa.interchange.iati import validate
from cometa.interchange.iati.report import Code

from .conftest import PERIOD, document, result


def test_the_fixture_files_pass_the_schema_and_the_rules(full_file, other_publisher_file):
    assert validate(full_file).ok
    report = validate(other_publisher_file)  # the publisher's own file: valid, lang rule met
    assert report.ok and report.activities == 1


def test_an_actual_before_a_target_is_a_schema_error_with_its_path():
    swapped = PERIOD.replace(
        '<target value="10"/><actual value="12"/>', '<actual value="12"/><target value="10"/>'
    )
    report = validate(document(result(swapped)))
    assert [p.code for p in report.errors] == [Code.SCHEMA]
    assert (
        report.errors[0].path == "/iati-activities/iati-activity[1]/result/indicator/period/target"
    )


def test_rule_failures_of_a_file_name_the_activity_by_its_position():
    second = document(result(PERIOD.replace("2022-12-31", "2021-12-31"))).decode()
    activity = second[second.index("<iati-activity ") : second.index("</iati-activities>")]
    both = (
        document(result()).decode().replace("</iati-activities>", activity + "</iati-activities>")
    )
    report = validate(both.encode())
    assert [(p.rule, p.path) for p in report.errors] == [
        ("8.6.1", "/iati-activities/iati-activity[2]/result/indicator/period"),
    ]
