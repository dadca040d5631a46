"""Framework files: the loader's errors (file, line, message) and the frameworks we ship."""

from __future__ import annotations

import json
import re
from importlib import resources
from pathlib import Path

import pytest
import yaml
from jsonschema import Draft202012Validator

from cometa.scorecards.frameworks.loading import (
    AllOf,
    AllRules,
    AnyOf,
    AtLeast,
    Band,
    Framework,
    FrameworkError,
    LevelBelowAnd,
    Provenance,
    builtin_frameworks,
    framework_problems,
    framework_schema,
    load_builtin,
    load_framework,
    load_framework_text,
    main,
)
from tests.seeds import SEEDS

VALID = """\
format: 1
identifier: demo
version: "1"
title: {en: Demo}
sources:
  seed-x: {title: A source}
levels:
  - {key: nothing, label: {en: Nothing}}
  - {key: low, label: {en: Low}}
  - {key: high, label: {en: High}}
dimensions:
  - {code: "1", title: {en: One}}
indicators:
  - code: "1.1"
    dimension: "1"
    title: {en: First}
    inputs:
      - {key: share, label: {en: Share}, kind: percent, min: 0, max: 100}
    levels:
      low:
        criteria:
          a: {text: {en: A}, provenance: {source: seed-x, where: here}}
          b: {text: {en: B}, provenance: {status: to-verify, note: check}}
        rule: {any_of: [a, b]}
        provenance: {source: seed-x, where: here}
      high:
        criteria:
          c: {text: {en: C}, provenance: {source: seed-x, where: there}}
        rule:
          all:
            - {level_below_and: [c]}
            - band: {input: share, lower: 50, lower_inclusive: true}
        provenance: {status: to-verify, note: check}
"""

LOW_RULE = "rule: {any_of: [a, b]}"
BAND = "band: {input: share, lower: 50, lower_inclusive: true}"


def edit(old: str, new: str, text: str = VALID) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def line_of(text: str, snippet: str, occurrence: int = 1) -> int:
    lines = [number for number, line in enumerate(text.splitlines(), 1) if snippet in line]
    return lines[occurrence - 1]


def load_error(tmp_path: Path, text: str) -> FrameworkError:
    path = tmp_path / "demo-1.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FrameworkError) as info:
        load_framework(path)
    error = info.value
    assert error.path == str(path)
    assert str(error) == f"{path}:{error.line}: {error.message}"
    return error


# --- A valid file --------------------------------------------------------------------------


def test_a_valid_file_loads_into_dataclasses(tmp_path: Path) -> None:
    path = tmp_path / "demo-1.yaml"
    path.write_text(VALID, encoding="utf-8")
    framework = load_framework(path)
    assert (framework.identifier, framework.version, framework.origin) == ("demo", "1", str(path))
    assert framework.level_keys == ("nothing", "low", "high")
    indicator = framework.indicator("1.1")
    assert indicator.level_keys == ("nothing", "low", "high")
    nothing, low, high = indicator.levels
    assert (nothing.rule, nothing.criteria) == (None, ())
    assert low.rule == AnyOf(("low.a", "low.b"))
    assert high.rule == AllRules((LevelBelowAnd(("high.c",)), Band("share", 50.0, True, None)))
    assert [c.id for c in indicator.criteria] == ["low.a", "low.b", "high.c"]
    assert indicator.criterion("low.a").provenance == Provenance("sourced", "seed-x", "here")
    assert indicator.criterion("low.b").provenance == Provenance("to-verify", note="check")
    assert indicator.input("share").max == 100.0
    assert framework_problems(VALID) == []


def test_bands_that_only_touch_at_an_excluded_edge_do_not_overlap() -> None:
    text = edit(LOW_RULE, "rule: {all: [{any_of: [a, b]}, " + _band(20, True, 50, False) + "]}")
    assert framework_problems(text) == []


def _band(lower: float, lower_inclusive: bool, upper: float, upper_inclusive: bool) -> str:
    flags = (str(lower_inclusive).lower(), str(upper_inclusive).lower())
    return (
        f"{{band: {{input: share, lower: {lower}, lower_inclusive: {flags[0]},"
        f" upper: {upper}, upper_inclusive: {flags[1]}}}}}"
    )


# --- Errors: each names the line ---------------------------------------------------------

SEMANTIC_CASES = [
    pytest.param(
        edit(LOW_RULE, "rule: {any_of: [a, b, z]}"),
        "rule: {any_of: [a, b, z]}",
        "indicator 1.1, level 'low': rule refers to unknown criterion 'low.z'",
        id="unknown-criterion",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {any_of: [a, b, high.d]}"),
        "rule: {any_of: [a, b, high.d]}",
        "rule refers to unknown criterion 'high.d'",
        id="unknown-qualified-criterion",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {at_least: {n: 3, of: [a, b]}}"),
        "rule: {at_least: {n: 3, of: [a, b]}}",
        "indicator 1.1, level 'low': at_least n=3 is larger than the 2 criteria listed",
        id="at-least-too-large",
    ),
    pytest.param(
        edit(BAND, "band: {input: shares, lower: 50, lower_inclusive: true}"),
        "input: shares",
        "indicator 1.1, level 'high': band on unknown input 'shares' (inputs: share)",
        id="band-unknown-input",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {all: [{any_of: [a, b]}, " + _band(20, True, 50, True) + "]}"),
        BAND,
        "indicator 1.1: bands on input 'share' overlap between level 'low' [20, 50] and level"
        " 'high' [50, ∞): upper edge of 'low' (50, inclusive) vs lower edge of 'high'"
        " (50, inclusive)",
        id="bands-overlap-at-an-edge",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {all: [{any_of: [a, b]}, " + _band(20, True, 70, False) + "]}"),
        BAND,
        "overlap between level 'low' [20, 70) and level 'high' [50, ∞): upper edge of 'low'"
        " (70, exclusive) vs lower edge of 'high' (50, inclusive)",
        id="bands-overlap-on-a-range",
    ),
    pytest.param(
        edit(BAND, "band: {input: share, lower: 150, lower_inclusive: true}"),
        BAND.replace("50", "150"),
        "band lower edge 150 is above the maximum 100 of input 'share'",
        id="band-edge-above-max",
    ),
    pytest.param(
        edit(BAND, "band: {input: share, upper: -5, upper_inclusive: true}"),
        "upper: -5",
        "band upper edge -5 is below the minimum 0 of input 'share'",
        id="band-edge-below-min",
    ),
    pytest.param(
        edit(
            BAND,
            "band: {input: share, lower: 50, lower_inclusive: true, upper: 40,"
            " upper_inclusive: true}",
        ),
        "upper: 40",
        "indicator 1.1: band [50, 40] on 'share' is empty",
        id="band-empty",
    ),
    pytest.param(
        edit("  - {key: high,", "  - {key: low, label: {en: Again}}\n  - {key: high,"),
        "{key: low, label: {en: Again}}",
        "duplicate level key 'low'",
        id="duplicate-level",
    ),
    pytest.param(
        edit(
            '  - {code: "1", title: {en: One}}',
            '  - {code: "1", title: {en: One}}\n  - {code: "1", title: {en: Two}}',
        ),
        "{en: Two}",
        "duplicate dimension code '1'",
        id="duplicate-dimension",
    ),
    pytest.param(
        VALID + VALID[VALID.index('  - code: "1.1"') :],
        ('  - code: "1.1"', 2),
        "duplicate indicator code '1.1'",
        id="duplicate-indicator",
    ),
    pytest.param(
        edit(
            "{key: share, label: {en: Share}, kind: percent, min: 0, max: 100}",
            "{key: share, label: {en: Share}, kind: percent, min: 0, max: 100}\n"
            "      - {key: share, label: {en: Again}, kind: count, min: 0, max: 9}",
        ),
        "{en: Again}",
        "indicator 1.1: duplicate input key 'share'",
        id="duplicate-input",
    ),
    pytest.param(
        edit("kind: percent, min: 0, max: 100", "kind: percent, min: 100, max: 0"),
        "min: 100, max: 0",
        "input 'share': max 0 must be above min 100",
        id="input-range-reversed",
    ),
    pytest.param(
        edit('    dimension: "1"', '    dimension: "9"'),
        'dimension: "9"',
        "indicator 1.1: unknown dimension '9' (declared: 1)",
        id="unknown-dimension",
    ),
    pytest.param(
        edit(
            '  - {code: "1", title: {en: One}}',
            '  - {code: "1", title: {en: One}}\n  - {code: "2", title: {en: Two}}',
        ),
        "{en: Two}",
        "dimension '2' has no indicators",
        id="dimension-without-indicators",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {level_below_and: [a, b]}"),
        "rule: {level_below_and: [a, b]}",
        "indicator 1.1, level 'low': level_below_and cannot be used here: the level below"
        " ('nothing') is the lowest and has no rule",
        id="level-below-and-on-the-lowest",
    ),
    pytest.param(
        edit(
            "    levels:\n      low:",
            "    levels:\n      nothing:\n        rule: {all_of: [a]}\n"
            "        provenance: {status: to-verify, note: x}\n      low:",
        ),
        "      nothing:",
        "indicator 1.1: the lowest level 'nothing' takes no criteria and no rule",
        id="rule-on-the-lowest-level",
    ),
    pytest.param(
        edit(
            "    levels:\n      low:",
            "    levels:\n      middle:\n        rule: {all_of: [a]}\n"
            "        provenance: {status: to-verify, note: x}\n      low:",
        ),
        "      middle:",
        "indicator 1.1: unknown level 'middle' (levels: nothing, low, high)",
        id="unknown-level",
    ),
    pytest.param(
        edit(
            "  - {key: high, label: {en: High}}",
            "  - {key: high, label: {en: High}}\n  - {key: top, label: {en: Top}}",
        ),
        "    levels:",
        "indicator 1.1: no rule for level 'top'",
        id="level-without-rule",
    ),
    pytest.param(
        edit(
            "          b: {text: {en: B}, provenance: {status: to-verify, note: check}}",
            "          b: {text: {en: B}, provenance: {status: to-verify, note: check}}\n"
            "          d: {text: {en: D}, provenance: {status: to-verify, note: check}}",
        ),
        "          d: {text",
        "indicator 1.1: criterion 'low.d' is not used by any rule",
        id="unused-criterion",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {any_of: [a, b, a]}"),
        "rule: {any_of: [a, b, a]}",
        "indicator 1.1: criterion 'low.a' listed twice",
        id="criterion-listed-twice",
    ),
    pytest.param(
        edit(
            "provenance: {source: seed-x, where: there}",
            "provenance: {source: seed-y, where: there}",
        ),
        "seed-y",
        "provenance cites unknown source 'seed-y' (sources: seed-x)",
        id="unknown-source",
    ),
]


@pytest.mark.parametrize(("text", "snippet", "message"), SEMANTIC_CASES)
def test_semantic_errors_name_the_line_and_the_problem(
    text: str, snippet: str | tuple[str, int], message: str
) -> None:
    matching = [p for p in framework_problems(text, name="demo.yaml") if message in p.message]
    assert len(matching) == 1, framework_problems(text)
    where, occurrence = snippet if isinstance(snippet, tuple) else (snippet, 1)
    assert matching[0].line == line_of(text, where, occurrence)


SCHEMA_CASES = [
    pytest.param(
        edit(
            "          b: {text: {en: B}, provenance: {status: to-verify, note: check}}",
            "          b: {text: {en: B}}",
        ),
        "          b: {text: {en: B}}",
        "indicators[0].levels.low.criteria.b: 'provenance' is a required property",
        id="criterion-without-provenance",
    ),
    pytest.param(
        edit(
            "        rule: {any_of: [a, b]}\n        provenance: {source: seed-x, where: here}\n",
            "        rule: {any_of: [a, b]}\n",
        ),
        "      low:",
        "indicators[0].levels.low: 'provenance' is a required property",
        id="rule-without-provenance",
    ),
    pytest.param(
        edit(
            "provenance: {source: seed-x, where: there}", "provenance: {status: verified, note: x}"
        ),
        "status: verified",
        "indicators[0].levels.high.criteria.c.provenance.status: 'to-verify' was expected",
        id="provenance-of-unknown-kind",
    ),
    pytest.param(
        edit("provenance: {source: seed-x, where: there}", "provenance: {source: seed-x}"),
        "provenance: {source: seed-x}",
        "indicators[0].levels.high.criteria.c.provenance: a provenance is either {source, where}"
        " (with an optional note) or {status: to-verify, note}; found ['source']",
        id="provenance-without-where",
    ),
    pytest.param(
        edit('version: "1"', "version: 1"),
        "version: 1",
        "version: 1 is not of type 'string'",
        id="version-not-quoted",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {some_of: [a, b]}"),
        "rule: {some_of: [a, b]}",
        "indicators[0].levels.low.rule: a rule has exactly one of: all_of, any_of, at_least,"
        " level_below_and, band, all; found ['some_of']",
        id="unknown-rule-kind",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {any_of: [a], all_of: [b]}"),
        "rule: {any_of: [a], all_of: [b]}",
        "found ['all_of', 'any_of']",
        id="two-rule-kinds",
    ),
    pytest.param(
        edit(LOW_RULE, "rule: {at_least: {n: 0, of: [a, b]}}"),
        "rule: {at_least: {n: 0, of: [a, b]}}",
        "indicators[0].levels.low.rule.at_least.n: 0 is less than the minimum of 1",
        id="at-least-zero",
    ),
    pytest.param(
        edit(BAND, "band: {input: share, lower: 50}"),
        "band: {input: share, lower: 50}",
        "'lower_inclusive' is a dependency of 'lower'",
        id="band-edge-without-inclusiveness",
    ),
    pytest.param(
        edit(BAND, "band: {input: share}"),
        "band: {input: share}",
        "indicators[0].levels.high.rule.all[1].band: a band needs a lower edge, an upper edge"
        " or both; found ['input']",
        id="band-without-edges",
    ),
    pytest.param(
        edit("title: {en: First}", "title: {fr: Premier}"),
        "title: {fr: Premier}",
        "indicators[0].title:",
        id="title-without-english",
    ),
]


@pytest.mark.parametrize(("text", "snippet", "message"), SCHEMA_CASES)
def test_schema_errors_name_the_line_and_the_place(
    tmp_path: Path, text: str, snippet: str, message: str
) -> None:
    error = load_error(tmp_path, text)
    assert message in error.message
    assert error.line == line_of(text, snippet)


def test_bad_yaml_syntax_names_the_line(tmp_path: Path) -> None:
    text = edit("    title: {en: First}\n", "    title: {en: First\n")
    error = load_error(tmp_path, text)
    assert error.message.startswith("YAML syntax error: ")
    assert error.line == line_of(text, "    inputs:")  # where the parser noticed


def test_bad_indentation_names_the_line(tmp_path: Path) -> None:
    text = edit('    dimension: "1"\n', '    dimension: "1"\n   oops: 1\n')
    error = load_error(tmp_path, text)
    assert error.message.startswith("YAML syntax error")
    assert error.line == line_of(text, "oops")


def test_a_duplicate_mapping_key_names_the_second_line(tmp_path: Path) -> None:
    text = edit("          b: {text: {en: B}", "          a: {text: {en: B}")
    error = load_error(tmp_path, text)
    assert error.message == "duplicate key 'a'"
    assert error.line == line_of(text, "a: {text", 2)


def test_a_key_that_is_not_text_is_refused(tmp_path: Path) -> None:
    text = edit("          b: {text: {en: B}", "          1: {text: {en: B}")
    error = load_error(tmp_path, text)
    assert error.message == "key 1 must be text: quote it"
    assert error.line == line_of(text, "1: {text")


def test_an_empty_file_is_refused(tmp_path: Path) -> None:
    error = load_error(tmp_path, "# nothing here\n")
    assert (error.line, error.message) == (1, "the file is empty")


def test_framework_problems_lists_every_problem_in_line_order() -> None:
    text = edit(LOW_RULE, "rule: {any_of: [a, z]}")
    text = edit(
        "provenance: {source: seed-x, where: there}",
        "provenance: {source: seed-y, where: there}",
        text,
    )
    problems = framework_problems(text, name="x.yaml")
    assert [p.line for p in problems] == sorted(p.line for p in problems)
    assert len(problems) == 3  # unknown criterion z, b no longer used, unknown source
    assert all(str(p).startswith("x.yaml:") for p in problems)


def test_load_framework_text_raises_the_first_problem() -> None:
    with pytest.raises(FrameworkError, match=r"^inline:\d+: .*unknown criterion 'low\.z'"):
        load_framework_text(edit(LOW_RULE, "rule: {any_of: [a, b, z]}"), name="inline")


def test_the_command_checks_files(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good, bad = tmp_path / "good.yaml", tmp_path / "bad.yaml"
    good.write_text(VALID, encoding="utf-8")
    bad.write_text(edit(LOW_RULE, "rule: {any_of: [a, z]}"), encoding="utf-8")
    assert main([str(good)]) == 0
    assert main([str(good), str(bad)]) == 1
    out = capsys.readouterr().out
    assert f"{good}: ok" in out
    assert re.search(rf"{re.escape(str(bad))}:\d+: .*unknown criterion 'low.z'", out)


# --- The shipped frameworks ---------------------------------------------------------------

UNCT_DIMENSIONS = {
    "1": "Planning",
    "2": "Programming and M&E",
    "3": "Partnerships",
    "4": "Leadership and Organizational Culture",
    "5": "Gender Architecture and Capacities",
    "6": "Financial Resources",
    "7": "Results",
}
UNCT_INDICATORS = {
    "1.1": ("1", "Common Country Analysis"),
    "1.2": ("1", "Cooperation Framework Outcomes"),
    "1.3": ("1", "Cooperation Framework Indicators"),
    "2.1": ("2", "Joint Programmes"),
    "2.2": ("2", "Communication & Advocacy"),
    "2.3": ("2", "Cooperation Framework M & E"),
    "3.1": ("3", "Engagement with Government"),
    "3.2": ("3", "Engagement with GEWE CSO"),
    "4.1": ("4", "Leadership for Gender Equality"),
    "4.2": ("4", "Organizational Culture"),
    "4.3": ("4", "Gender Parity"),
    "5.1": ("5", "Gender Coordination Mechanism"),
    "5.2": ("5", "Gender Mainstreaming Capacities"),
    "6.1": ("6", "Resource Allocation & Tracking"),
    "7.1": ("7", "GEWE Results"),
}
COLLECTIVE_CONDITIONS = [
    "Common agenda",
    "Continuous communication",
    "Shared measurement",
    "Backbone function",
    "Mutually reinforcing activities",
    "Equity and community lens",
    "Organizational trust",
    "Capacity building and funding",
    "Training",
    "Systems change",
]

SHIPPED = builtin_frameworks()
shipped = pytest.mark.parametrize("framework", SHIPPED, ids=[f.identifier for f in SHIPPED])


def test_both_frameworks_are_shipped() -> None:
    assert [(f.identifier, f.version) for f in SHIPPED] == [
        ("collective-impact", "2024"),
        ("unct-swap", "2018"),
    ]
    assert load_builtin("unct-swap") is load_builtin("unct-swap", "2018")


def test_an_unknown_framework_is_a_lookup_error() -> None:
    with pytest.raises(LookupError, match="no shipped framework unct-swap 2030"):
        load_builtin("unct-swap", "2030")


@shipped
def test_shipped_files_are_named_after_identifier_and_version(framework: Framework) -> None:
    assert framework.origin == f"frameworks/data/{framework.identifier}-{framework.version}.yaml"


@shipped
def test_shipped_files_validate_against_the_published_schema_alone(framework: Framework) -> None:
    folder = resources.files("cometa.scorecards.frameworks").joinpath("data")
    data = yaml.safe_load(folder.joinpath(Path(framework.origin).name).read_text(encoding="utf-8"))
    errors = list(Draft202012Validator(framework_schema()).iter_errors(data))
    assert errors == []


def test_the_published_schema_is_a_valid_json_schema() -> None:
    folder = resources.files("cometa.scorecards.frameworks").joinpath("data")
    schema = json.loads(folder.joinpath("schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    assert framework_schema() == schema


@shipped
def test_titles_and_labels_are_written_in_english_spanish_and_russian(framework: Framework) -> None:
    texts = [framework.title] + [level.label for level in framework.levels]
    texts += [dimension.title for dimension in framework.dimensions]
    texts += [indicator.title for indicator in framework.indicators]
    texts += [spec.label for indicator in framework.indicators for spec in indicator.inputs]
    for text in texts:
        assert text.en and text.es and text.ru, text


@shipped
def test_every_criterion_and_rule_says_where_it_comes_from(framework: Framework) -> None:
    sources = {source.id for source in framework.sources}
    provenances: list[Provenance | None] = [
        c.provenance for i in framework.indicators for c in i.criteria
    ]
    provenances += [lvl.provenance for i in framework.indicators for lvl in i.levels[1:]]
    for provenance in provenances:
        assert provenance is not None
        if provenance.to_verify:
            assert provenance.note
        else:
            assert provenance.source in sources and provenance.where


def test_unct_swap_has_the_seven_dimensions_and_fifteen_indicators_of_the_seed() -> None:
    framework = load_builtin("unct-swap")
    assert framework.level_keys == ("missing", "approaches", "meets", "exceeds")
    assert {d.code: d.title.en for d in framework.dimensions} == UNCT_DIMENSIONS
    found = {i.code: (i.dimension, i.title.en) for i in framework.indicators}
    assert found == UNCT_INDICATORS
    assert list(found) == list(UNCT_INDICATORS)


def test_unct_swap_rules_stated_in_the_seed_are_encoded_and_sourced() -> None:
    framework = load_builtin("unct-swap")

    def level(code: str, key: str) -> tuple[object, Provenance | None]:
        item = framework.indicator(code).levels[framework.level_keys.index(key)]
        return item.rule, item.provenance

    stated = {
        ("1.1", "approaches"): AllOf(("approaches.a", "approaches.b")),
        ("1.2", "exceeds"): AllOf(("meets.a", "meets.b")),
        ("1.3", "meets"): Band("pct_indicators", 33.0, True, 50.0, True),
        ("2.1", "meets"): AllOf(("meets.a", "meets.b")),
        ("2.2", "exceeds"): LevelBelowAnd(("exceeds.d",)),
        ("2.3", "approaches"): AnyOf(("approaches.a", "approaches.b")),
        ("3.1", "exceeds"): AllOf(("exceeds.a", "exceeds.b", "exceeds.c")),
        ("3.2", "meets"): AtLeast(2, ("meets.a", "meets.b", "meets.c")),
        ("4.1", "meets"): AtLeast(3, ("meets.a", "meets.b", "meets.c", "meets.d")),
        ("4.2", "meets"): Band("pct_positive", 65.0, True, 80.0, False),
        ("5.2", "approaches"): AllOf(("approaches.a",)),
        ("6.1", "approaches"): AllOf(("approaches.a",)),
        ("7.1", "approaches"): AllOf(("approaches.a",)),
    }
    for (code, key), rule in stated.items():
        found, provenance = level(code, key)
        assert found == rule, (code, key)
        assert provenance is not None and provenance.source == "seed-001", (code, key)
    parity = level("4.3", "meets")[0]
    assert isinstance(parity, AllRules)
    assert Band("pct_women", 47.0, True, 53.0, True) in parity.rules
    for key in ("approaches", "exceeds"):  # provisional bands of 1.3
        provenance = level("1.3", key)[1]
        assert provenance is not None and provenance.to_verify


def test_collective_impact_has_the_ten_conditions_of_the_seed() -> None:
    framework = load_builtin("collective-impact")
    assert framework.level_keys == ("absent", "emerging", "established", "embedded")
    assert sorted(i.title.en for i in framework.indicators) == sorted(COLLECTIVE_CONDITIONS)


# --- Our own words ------------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def _runs(words: list[str], size: int) -> set[tuple[str, ...]]:
    return {tuple(words[i : i + size]) for i in range(len(words) - size + 1)}


@shipped
def test_criteria_are_not_copied_from_the_seed_reports(framework: Framework) -> None:
    if SEEDS is None:
        pytest.skip("the seed reports are not on this machine")
    seed_runs: set[tuple[str, ...]] = set()
    for path in SEEDS.glob("*.txt"):
        seed_runs |= _runs(_words(path.read_text(encoding="utf-8")), 8)
    for indicator in framework.indicators:
        for criterion in indicator.criteria:
            shared = _runs(_words(criterion.text.en), 8) & seed_runs
            assert not shared, (indicator.code, criterion.id, shared)
