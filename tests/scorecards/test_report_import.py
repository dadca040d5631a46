"""Tests for the pure UNCT-SWAP annual progress report parser."""

from __future__ import annotations

from collections import Counter
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cometa.scorecards.report_import.parser import (
    INDICATOR_CODES,
    SOURCE_MEANS_OF_VERIFICATION,
    SOURCE_SUPPORTING_EVIDENCE,
    ImportedReport,
    ImportProblem,
    ReportImportError,
    parse_report,
)
from tests.seeds import SEED, SEEDS

DATA = Path(__file__).parent / "data"

needs_seed = pytest.mark.skipif(
    not SEED.exists(), reason=f"seed report {SEED} is absent (shared seeds not checked out)"
)

#: Table 1 of the Kazakhstan 2022 report, read by hand: code, level, reassessed.
SEED_RATINGS: list[tuple[str, str, bool]] = [
    ("1.1", "approaches", False),
    ("1.2", "exceeds", False),
    ("1.3", "meets", False),
    ("2.1", "meets", False),
    ("2.2", "exceeds", True),
    ("2.3", "approaches", False),
    ("3.1", "exceeds", False),
    ("3.2", "meets", True),
    ("4.1", "meets", False),
    ("4.2", "meets", False),
    ("4.3", "approaches", False),
    ("5.1", "missing", False),
    ("5.2", "approaches", True),
    ("6.1", "approaches", True),
    ("7.1", "approaches", True),
]

SEED_MEMBERS: list[tuple[str, str, str]] = [
    ("Gaukhar Nursha", "UNDP", "Gender Specialist"),
    ("Azamat Zhamandinov", "UNICEF", "Child Protection Officer"),
    ("Kamidola Aizhan", "FAO", "National Gender Expert"),
    ("Dinara Yerniyazova", "UNODC", "National Programme Officer"),
    ("Dina Amrisheva", "UN Women", "Programme Manager"),
    ("Dinara Shamenova", "UN Women", "Programme Associate"),
    (
        "Abylaikhan Dauletalin",
        "RCO",
        "Development Coordination Officer, Data Management & Results Monitoring/Reporting",
    ),
    ("Nina Henke", "UNAIDS", "Programme Analyst"),
]


@pytest.fixture(scope="module")
def seed_text() -> str:
    if not SEED.exists():
        pytest.skip(f"seed report {SEED} is absent (shared seeds not checked out)")
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def seed(seed_text: str) -> ImportedReport:
    return parse_report(seed_text, source_name=SEED.name)


def _data(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def _errors(name: str) -> list[ImportProblem]:
    with pytest.raises(ReportImportError) as caught:
        parse_report(_data(name), source_name=name)
    return caught.value.errors


# --- the seed report -------------------------------------------------------------------


def test_seed_header_facts(seed: ImportedReport) -> None:
    assert (seed.country, seed.year, seed.framework) == ("Kazakhstan", 2022, "unct-swap")


def test_seed_ratings_match_table_1(seed: ImportedReport) -> None:
    got = [(rating.code, rating.level, rating.reassessed) for rating in seed.ratings]
    assert got == SEED_RATINGS


def test_seed_reassessed_set(seed: ImportedReport) -> None:
    reassessed = {rating.code for rating in seed.ratings if rating.reassessed}
    assert reassessed == {"2.2", "3.2", "5.2", "6.1", "7.1"}


def test_seed_rating_lines_point_at_table_rows(seed: ImportedReport, seed_text: str) -> None:
    lines = seed_text.split("\n")
    for rating in seed.ratings:
        assert lines[rating.line - 1].startswith(f"PI {rating.code} ")


def test_seed_members(seed: ImportedReport) -> None:
    got = [(member.name, member.entity, member.title) for member in seed.members]
    assert got == SEED_MEMBERS
    assert [member.line for member in seed.members] == list(range(133, 141))
    assert not any(member.coordinator for member in seed.members)


def test_seed_findings_cover_every_reassessed_indicator(seed: ImportedReport) -> None:
    findings = {finding.code: finding for finding in seed.findings}
    levels = {rating.code: rating.level for rating in seed.ratings}
    for code in ("2.2", "3.2", "5.2", "6.1", "7.1"):
        assert findings[code].text, code
        assert findings[code].criteria, code
        assert findings[code].level == levels[code]
    assert "5.1" not in findings  # its section has neither criteria nor text
    assert "Spotlight Digital Challenge" in findings["2.2"].text
    assert findings["2.2"].criteria.startswith("Meets minimum requirements AND (d)")
    assert findings["5.2"].criteria == (
        "(a) At least one substantive inter-agency capacity development activity "
        "for UN personnel has been carried out during the past year."
    )
    assert findings["6.1"].text.endswith("UNSDCF Financial framework and joint work plans.")


def test_seed_findings_exclude_headings_and_questions(seed: ImportedReport) -> None:
    for finding in seed.findings:
        assert "Did you reassess" not in finding.text
        assert "MINIMUM REQUIREMENTS" not in finding.text
        assert not finding.text.startswith("Findings and Explanation")


def test_seed_means_of_verification(seed: ImportedReport) -> None:
    mov = [item for item in seed.evidence if item.source == SOURCE_MEANS_OF_VERIFICATION]
    assert Counter(item.code for item in mov) == {"2.2": 10, "3.2": 5, "5.2": 2, "6.1": 5, "7.1": 5}
    texts = [item.text for item in mov]
    assert texts[0] == "UNCG Annual Work Plan 2022"
    assert "Minutes of meeting_VNR" in texts
    assert (
        "President's decree on the approval of the updated Concept on Gender and Family Policy "
        "in Kazakhstan until 2030 https://adilet.zan.kz/rus/docs/U2200000853"
    ) in texts
    assert "Dimension Area 6: Financial Resources" not in texts
    assert all(item.category == "" for item in mov)


def test_seed_supporting_evidence(seed: ImportedReport) -> None:
    supporting = [item for item in seed.evidence if item.source == SOURCE_SUPPORTING_EVIDENCE]
    assert Counter(item.code for item in supporting) == {
        "2.1": 3,
        "2.2": 3,
        "3.1": 5,
        "3.2": 5,
        "4.1": 2,
        "5.2": 4,
        "6.1": 3,
        "7.1": 4,
    }
    assert {item.category for item in supporting if item.code == "3.1"} == {"Government engagement"}
    assert ("Capacity development", "Brown Bag Event Agenda & LoP BL 20 Oct") in {
        (item.category, item.text) for item in supporting
    }
    assert not any("No documents uploaded" in item.text for item in supporting)


def test_seed_evidence_is_in_document_order(seed: ImportedReport) -> None:
    lines = [item.line for item in seed.evidence]
    assert lines == sorted(lines)
    assert len(lines) == 27 + 29


def test_seed_action_counts_by_indicator(seed: ImportedReport) -> None:
    assert Counter(action.code for action in seed.actions) == dict.fromkeys(INDICATOR_CODES, 1)


def test_seed_action_columns(seed: ImportedReport) -> None:
    actions = {action.code: action for action in seed.actions}
    assert actions["1.1"].by_year[3] == "CCA has been updated in October 2021"
    assert actions["1.2"].action.endswith("either sex-disaggregated or gender-sensitive.")
    assert (
        actions["2.1"]
        .by_year[4]
        .endswith("rehabilitation and reintegration of returnees from conflict zones and other.")
    )
    assert actions["3.1"].action.endswith("whole UNDAF cycle till evaluation.")
    assert 1 not in actions["3.1"].by_year  # "N/A"
    assert sorted(actions["4.1"].by_year) == [1, 3, 4]  # year 2 is "NA"
    assert actions["1.3"].action == ""  # "N/A"
    assert actions["5.1"].action.startswith("Consider a possibility of revising GTG ToR")
    assert actions["5.2"].action.endswith("and country's gender context.")
    assert actions["5.2"].by_year[4] == (
        "Gender Marker for UNCT and UN personnel in Kazakhstan is planned for 2023."
    )
    assert all(action.responsible == "" for action in seed.actions)


def test_seed_process_and_context(seed: ImportedReport) -> None:
    assert seed.process_text.startswith("In November 2022, the UN Women Country Office")
    assert "Members of the IAT" not in seed.process_text
    assert seed.context_text == ""  # the report says "NA"


# --- determinism ------------------------------------------------------------------------


def test_parse_is_deterministic(seed_text: str) -> None:
    first = parse_report(seed_text)
    second = parse_report(seed_text)
    assert first == second
    assert hash(first) == hash(second)


def test_an_edit_is_seen_as_a_change(seed_text: str, seed: ImportedReport) -> None:
    changed = parse_report(seed_text.replace("8. Nina Henke,", "8. Nina Henkel,"))
    assert changed != seed
    members = tuple(
        replace(member, name="Nina Henkel") if member.name == "Nina Henke" else member
        for member in seed.members
    )
    assert changed == replace(seed, members=members)


# --- a hand-written variant with other quirks ---------------------------------------------


def test_variant_report_is_read() -> None:
    report = parse_report(_data("variant_ok.txt"))
    assert (report.country, report.year) == ("Bosnia and Herzegovina", 2021)
    levels = {rating.code: rating.level for rating in report.ratings}
    assert levels["1.1"] == "approaches"  # "Approaches minimum requirements"
    assert levels["2.2"] == "exceeds"  # "<b>EXCEEDS</b>", reversed column order
    assert levels["2.3"] == "approaches"  # "Approaching"
    assert levels["5.1"] == "missing"  # "Missing requirements"
    assert {rating.code for rating in report.ratings if rating.reassessed} == {"2.2", "5.1"}
    assert [(m.name, m.entity, m.title, m.coordinator) for m in report.members] == [
        ("Ana Horvat", "UNFPA", "Gender Focal Point", True),
        ("Emir Begic", "UNDP", "Programme Analyst", False),
    ]
    assert report.process_text == "The IAT met three times."
    assert report.context_text == "Elections were held in October."


def test_variant_findings_evidence_and_actions() -> None:
    report = parse_report(_data("variant_ok.txt"))
    (finding,) = report.findings
    assert (finding.code, finding.level, finding.line) == ("2.2", "exceeds", 42)
    assert finding.text == "A joint campaign on unpaid care ran in March."
    assert [(e.code, e.text, e.category) for e in report.evidence] == [
        ("2.2", "UNCG work plan 2021", ""),
        ("2.2", "Campaign page https://example.org/care", ""),
        ("2.2", "UNCG work plan 2021", "Communication/Advocacy"),
    ]
    assert [(a.code, a.action, a.by_year, a.responsible) for a in report.actions] == [
        ("2.2", "Run one joint campaign. a year.", {2021: "Campaign held. In March."}, "UNCG"),
        ("5.1", "Revise GTG ToR.", {2020: "Drafted."}, "RCO"),
    ]


# --- broken reports -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("missing_table.txt", [(3, "no ratings table found")]),
        ("bad_level.txt", [(11, "2.3: rating 'GOOD' is not a level")]),
        (
            "unknown_code.txt",
            [(5, "14 of 15 indicators; missing 7.1"), (20, "unknown indicator code 8.1")],
        ),
        (
            "duplicate.txt",
            [
                (5, "14 of 15 indicators; missing 2.3"),
                (11, "duplicate rating for 2.2 (first given on line 10)"),
            ],
        ),
    ],
)
def test_broken_report_errors(name: str, expected: list[tuple[int, str]]) -> None:
    errors = _errors(name)
    assert [error.line for error in errors] == [line for line, _ in expected]
    for error, (_, fragment) in zip(errors, expected, strict=True):
        assert fragment in error.message


def test_all_problems_are_collected() -> None:
    expected = [
        (1, "cannot find the country and year"),
        (5, "ratings table has 13 of 15 indicators; missing 4.1, 4.3"),
        (7, "1.2: rating 'SUPERB' is not a level"),
        (9, "2.1: Reassessed must be Yes or No, got 'Maybe'"),
        (14, "unknown indicator code 9.9"),
        (16, "duplicate rating for 2.2 (first given on line 10)"),
        (28, "3.2: section says 'exceeds' but the ratings table (line 13) says 'meets'"),
        (36, "3.2: section says reassessed=No but the ratings table (line 13) says Yes"),
    ]
    errors = _errors("many_problems.txt")
    assert [error.line for error in errors] == [line for line, _ in expected]
    for error, (_, fragment) in zip(errors, expected, strict=True):
        assert fragment in error.message


def test_error_string_lists_every_problem() -> None:
    with pytest.raises(ReportImportError) as caught:
        parse_report(_data("duplicate.txt"), source_name="duplicate.txt")
    text = str(caught.value)
    assert text.splitlines() == [
        "duplicate.txt: cannot import report (2 problems)",
        "line 5: ratings table has 14 of 15 indicators; missing 2.3",
        "line 11: duplicate rating for 2.2 (first given on line 10)",
    ]
    assert isinstance(caught.value, ValueError)


def test_empty_text_is_an_import_error() -> None:
    with pytest.raises(ReportImportError) as caught:
        parse_report("")
    assert [error.line for error in caught.value.errors] == [1, 1]


@pytest.mark.parametrize("name", ["000_190c5a9aeccc934f.txt", "002_2d3293da03902224.txt"])
def test_other_documents_are_rejected(name: str) -> None:
    path = (SEEDS or SEED.parent) / name
    if not path.exists():
        pytest.skip(f"seed document {path} is absent")
    with pytest.raises(ReportImportError):
        parse_report(path.read_text(encoding="utf-8"))


# --- robustness -----------------------------------------------------------------------------

_EDITS = st.lists(
    st.tuples(
        st.sampled_from(["delete", "garbage", "duplicate", "truncate"]),
        st.integers(min_value=0, max_value=10_000),
        st.text(max_size=60),
    ),
    max_size=25,
)


def _mutate(lines: list[str], edits: list[tuple[str, int, str]]) -> str:
    lines = list(lines)
    for kind, position, garbage in edits:
        if not lines:
            break
        index = position % len(lines)
        if kind == "delete":
            del lines[index]
        elif kind == "garbage":
            lines.insert(index, garbage)
        elif kind == "duplicate":
            lines.insert(index, lines[index])
        else:
            lines[index] = lines[index][: len(garbage)] + garbage
    return "\n".join(lines)


@needs_seed
@settings(
    derandomize=True,
    max_examples=100,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
@given(edits=_EDITS)
def test_mangled_seed_only_raises_import_error(edits: list[tuple[str, int, str]]) -> None:
    text = _mutate(SEED.read_text(encoding="utf-8").split("\n"), edits)
    try:
        report = parse_report(text)
    except ReportImportError as error:
        assert error.errors
        assert all(problem.line >= 1 for problem in error.errors)
    else:
        assert len(report.ratings) == len(INDICATOR_CODES)
        assert parse_report(text) == report


@settings(derandomize=True, max_examples=100, deadline=None)
@given(text=st.text(max_size=400))
def test_arbitrary_text_only_raises_import_error(text: str) -> None:
    with pytest.raises(ReportImportError):
        parse_report(text)
