"""The report: every error listed up to the cap, repeated warnings counted, not repeated."""

from __future__ import annotations

from cometa.interchange.iati import report as module
from cometa.interchange.iati.report import Code, Report


def test_repeated_warnings_keep_a_few_examples_and_count_all():
    report = Report()
    for n in range(1, 101):
        report.warning(
            Code.NOT_HELD, "not held", f"/iati-activities/iati-activity[{n}]/sector[1]", n
        )
    report.warning(Code.NOT_HELD, "not held", "/iati-activities/iati-activity[1]/budget[1]", 2)
    assert report.ok
    assert len(report.warnings) == module.MAX_EXAMPLES + 1
    assert report.warning_count() == 101
    assert "warning: /iati-activities/iati-activity/sector: not held (100 times in all)" in (
        report.summary()
    )


def test_every_error_is_listed_up_to_the_cap_and_the_rest_counted(monkeypatch):
    monkeypatch.setattr(module, "MAX_ERRORS", 3)
    report = Report()
    for n in range(5):
        report.error(Code.NOT_NUMERIC, "not a number", f"/p[{n}]", n + 1)
    assert not report.ok
    assert [e.path for e in report.errors] == ["/p[0]", "/p[1]", "/p[2]"]
    assert report.summary()[-1] == "… and 2 more errors"


def test_a_problem_reads_with_its_rule_line_and_path():
    report = Report()
    report.error(Code.RULE, "The start date must be before the end", "/a/b", 7, "8.6.1")
    assert (
        str(report.errors[0])
        == "error [8.6.1]: line 7, /a/b: The start date must be before the end"
    )
