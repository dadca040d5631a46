"""The ruleset interpreter: the rules it takes from standard.json, each rule type on small
documents, and the standard's result rules on whole activities."""

from __future__ import annotations

import pytest
from lxml import etree

from cometa.interchange.iati import rules
from cometa.interchange.iati.report import Report

ACTIVITY = "/iati-activities/iati-activity"


def _doc(body: str, lang: str = ' xml:lang="en"') -> etree._Element:
    return etree.fromstring(
        f'<iati-activities version="2.03"><iati-activity{lang}>{body}</iati-activity>'
        "</iati-activities>"
    )


def _failures(
    ruleset: dict, body: str, lang: str = ' xml:lang="en"'
) -> list[tuple[str | None, str]]:
    report = Report()
    rules.apply(_doc(body, lang), report, 3, rules.select(ruleset))
    return [(p.rule, p.path) for p in report.errors + report.warnings]


def test_the_standard_rules_taken_are_those_about_results():
    ids = sorted(rule.id for rule in rules.standard())
    assert ids == sorted(
        ["4.1.1", "4.3.1", "4.4.1", "8.6.1", "8.11.1"]
        + [f"8.{n}.{m}" for n in (8, 9, 10) for m in (1, 2, 3)]
    )


@pytest.mark.parametrize(
    ("given", "snake"),
    [
        ("atLeastOne", "atleast_one"),
        ("atleast_one", "atleast_one"),
        ("dateOrder", "date_order"),
        ("noMoreThanOne", "no_more_than_one"),
        ("regexMatches", "regex_matches"),
        ("if_then", "if_then"),
    ],
)
def test_rule_types_are_read_in_either_spelling(given, snake):
    assert rules.snake(given) == snake


def _rule(kind: str, context: str = f"{ACTIVITY}/result", **case) -> dict:
    return {
        context: {
            kind: {"cases": [case | {"ruleInfo": {"id": "T", "severity": "error", "message": "m"}}]}
        }
    }


RESULT = "<result><title/></result><result><title><narrative>x</narrative></title></result>"
PERIOD = (
    '<result><indicator><period><period-start iso-date="{}"/><period-end iso-date="{}"/>'
    "</period></indicator></result>"
)

CASES = [
    # (rule type, case, body, failing paths)
    ("atLeastOne", {"paths": ["title/narrative"]}, RESULT, [f"{ACTIVITY}[3]/result[1]"]),
    (
        "atleast_one",
        {"paths": ["title/narrative", "nothing"]},
        RESULT.replace("<title/>", "<title><narrative/></title>"),
        [],
    ),
    (
        "no_more_than_one",
        {"paths": ["title", "../result"]},
        RESULT,
        [f"{ACTIVITY}[3]/result[1]", f"{ACTIVITY}[3]/result[2]"],
    ),
    (
        "atleast_one",
        {"condition": "title/narrative", "paths": ["nothing"]},
        RESULT,
        [f"{ACTIVITY}[3]/result[2]"],
    ),
    (
        "if_then",
        {"if": "title/narrative", "then": "title/narrative = 'y'"},
        RESULT,
        [f"{ACTIVITY}[3]/result[2]"],
    ),
    (
        "regex_matches",
        {"paths": ["title/narrative"], "regex": "^[a-w]+$"},
        RESULT,
        [f"{ACTIVITY}[3]/result[2]"],
    ),
    (
        "regex_no_matches",
        {"paths": ["title/narrative"], "regex": "x"},
        RESULT,
        [f"{ACTIVITY}[3]/result[2]"],
    ),
    (
        "no_spaces",
        {"paths": ["title/narrative"]},
        RESULT.replace(">x<", "> x<"),
        [f"{ACTIVITY}[3]/result[2]"],
    ),
]


@pytest.mark.parametrize(("kind", "case", "body", "paths"), CASES)
def test_each_rule_type_fails_exactly_where_it_should(kind, case, body, paths):
    assert [path for _, path in _failures(_rule(kind, **case), body)] == paths


@pytest.mark.parametrize(
    ("start", "end", "fails"),
    [
        ("2022-01-01", "2022-12-31", False),
        ("2022-01-01", "2022-01-01", False),
        ("2022-02-01", "2022-01-31", True),
        ("not a date", "2022-01-31", False),
    ],
)
def test_date_order_passes_equal_dates_and_ignores_what_is_not_a_date(start, end, fails):
    ruleset = _rule(
        "dateOrder",
        f"{ACTIVITY}/result/indicator/period",
        less="period-start/@iso-date",
        more="period-end/@iso-date",
    )
    assert bool(_failures(ruleset, PERIOD.format(start, end))) is fails


def test_one_or_all_lang_needs_the_activity_language_or_one_on_every_narrative():
    ruleset = _rule("oneOrAll", ACTIVITY, one="@xml:lang", all="lang")
    tagged = '<title><narrative xml:lang="es">t</narrative></title>'
    assert _failures(ruleset, "<title><narrative>t</narrative></title>") == []
    assert _failures(ruleset, tagged, lang="") == []
    assert _failures(ruleset, tagged + "<title><narrative>u</narrative></title>", lang="") == [
        ("T", f"{ACTIVITY}[3]")
    ]


def test_a_rule_type_the_interpreter_does_not_know_stops_the_loading():
    with pytest.raises(rules.UnknownRuleType):
        rules.select(_rule("strict_sum", paths=["x"], sum=100))
    with pytest.raises(rules.UnknownRuleType):
        rules.select(_rule("oneOrAll", one="@default-currency", all="currency"))


def test_rules_about_other_parts_of_an_activity_are_not_taken():
    assert rules.select(_rule("strict_sum", f"{ACTIVITY}/sector", paths=["x"], sum=100)) == []


def test_the_standard_rules_on_a_result_report_id_severity_and_path():
    body = (
        '<title><narrative>A</narrative></title><result type="1"><title><narrative/></title>'
        '<reference vocabulary="99" code="R"/>'
        '<indicator measure="1"><title><narrative>I</narrative></title>'
        '<reference vocabulary="9" code="5.5.2"/>'
        '<baseline year="2020"/>'
        '<period><period-start iso-date="2022-02-01"/><period-end iso-date="2022-01-01"/>'
        '<target value="ten"/><actual value="1"/></period></indicator>'
        '<indicator measure="5"><title><narrative>Q</narrative></title>'
        '<period><period-start iso-date="2022-01-01"/><period-end iso-date="2022-01-01"/>'
        '<actual value="3"/></period></indicator></result>'
    )
    report = Report()
    rules.apply(_doc(body), report, 2)
    base = f"{ACTIVITY}[2]/result/indicator"
    assert sorted((p.rule, p.severity.value, p.path) for p in report.errors + report.warnings) == [
        ("4.3.1", "error", f"{ACTIVITY}[2]/result/title"),
        ("8.10.3", "warning", f"{base}[2]/period/actual"),
        ("8.11.1", "error", f"{base}[1]"),
        ("8.6.1", "error", f"{base}[1]/period"),
        ("8.8.1", "error", f"{base}[1]/baseline"),
        ("8.9.2", "warning", f"{base}[1]/period/target"),
    ]
