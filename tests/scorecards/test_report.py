"""The assessment report: built from the imported Kazakhstan 2022 report (the seed), then
rendered to PDF, Word, CSV and XLSX and read back as a reader's tools would."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess
from datetime import date

import pytest
from django.utils import translation
from django.utils.translation import gettext
from docx import Document as open_word
from openpyxl import load_workbook

from cometa.accounts.acting import SYSTEM
from cometa.reports.document import BulletList, Document, Figure, Heading, Paragraph, Table
from cometa.reports.renderers import render
from cometa.reports.renderers.tabular import to_csv, to_xlsx
from cometa.scorecards.assessments import services
from cometa.scorecards.models import Assessment, IndicatorAssessment
from cometa.scorecards.records import evidence
from cometa.scorecards.records import services as record_services
from cometa.scorecards.report_import.importing import assessment_import
from cometa.scorecards.reporting.report import build_report, ratings_chart, ratings_table
from tests.seeds import KAZAKHSTAN_2022_LEVELS as SEED_LEVELS
from tests.seeds import KAZAKHSTAN_2022_REASSESSED as REASSESSED

SECTIONS = [
    "Background",
    "The framework",
    "The process and the assessment team",
    "Ratings by indicator",
    "Ratings by dimension",
    "Findings for the reassessed indicators",
    "Action plan",
    "Supporting evidence",
]
RATING_HEADERS = ["Dimension", "Indicator", "Rating", "Reassessed", "Year of the rating"]


@pytest.fixture
def kazakhstan(world, swap, seed_text) -> Assessment:
    return assessment_import(
        actor=SYSTEM, organisation=world.unct, text=seed_text, source_name="kazakhstan-2022.txt"
    ).assessment


def _top_headings(document: Document) -> list[str]:
    return [heading.text for heading in document.headings() if heading.level == 1]


def _table(document: Document, headers: list[str]) -> Table:
    return next(b for b in document.blocks if isinstance(b, Table) and b.headers == headers)


def _text(document: Document) -> str:
    parts = [document.title, document.subtitle]
    parts += [f"{label}: {value}" for label, value in document.metadata]
    for block in document.blocks:
        if isinstance(block, Heading | Paragraph):
            parts.append(block.text)
        elif isinstance(block, BulletList):
            parts += block.items
        elif isinstance(block, Table):
            parts += [cell for row in [block.headers, *block.rows] for cell in row]
    return "\n".join(parts)


# --- the document ------------------------------------------------------------------------


def test_ratings_table_has_the_seeds_levels_and_five_reassessed(kazakhstan):
    headers, rows = ratings_table(kazakhstan)
    assert len(rows) == 15
    by_code = {row[headers.index("Indicator code")]: row for row in rows}
    assert {code: row[headers.index("Rating key")] for code, row in by_code.items()} == SEED_LEVELS
    reassessed = [
        code for code, row in by_code.items() if row[headers.index("Reassessed")] == "Yes"
    ]
    assert reassessed == REASSESSED
    assert {by_code[code][headers.index("Year of the rating")] for code in REASSESSED} == {"2022"}
    assert by_code["2.2"][headers.index("Rating")] == "Exceeds minimum requirements"
    assert by_code["2.2"][headers.index("Dimension")] == "Programming and M&E"


def test_the_report_has_its_sections_in_order_and_names_the_framework_version(kazakhstan):
    document = build_report(kazakhstan)
    assert _top_headings(document) == ["Contents"] + [
        f"{number}. {title}" for number, title in enumerate(SECTIONS, 1)
    ]
    contents = next(block for block in document.blocks if isinstance(block, BulletList))
    assert contents.items == _top_headings(document)[1:]
    metadata = dict(document.metadata)
    assert metadata["Team"] == "UNCT Kazakhstan"
    assert metadata["Year"] == "2022"
    assert metadata["Assessment"] == "Annual progress assessment"
    assert metadata["Framework"] == "UNCT-SWAP Gender Equality Scorecard, version 2018"
    assert metadata["Status"] == "Draft"
    assert metadata["Indicators reassessed"] == "5 of 15"
    assert "version 2018 of the framework" in _text(document)
    assert document.subtitle == "Annual progress report and action plan"


def test_the_report_holds_ratings_team_findings_actions_and_evidence(kazakhstan):
    document = build_report(kazakhstan)
    ratings = _table(document, RATING_HEADERS)
    assert len(ratings.rows) == 15
    assert ratings.rows[4] == [
        "Programming and M&E",
        "2.2 Communication & Advocacy",
        "Exceeds minimum requirements",
        "Yes",
        "2022",
    ]
    team = _table(document, ["Name", "Entity", "Title", "Coordinator"])
    assert len(team.rows) == 8 and team.rows[0][:2] == ["Gaukhar Nursha", "UNDP"]
    findings = [h.text for h in document.headings() if h.level == 3]
    assert [text.split()[0] for text in findings] == REASSESSED
    text = _text(document)
    # Imported ratings list the framework's criteria of the level reached (and, for
    # "exceeds", of the level below it), in the framework's words.
    assert "Meets minimum requirements (b): The UNCT jointly ran at least one advocacy" in text
    assert "Exceeds minimum requirements (d):" in text
    assert "In June 2022 the UNCT organized a two-day comprehensive training" in text
    actions = [b for b in document.blocks if isinstance(b, Table) and "Action point" in b.headers]
    assert sum(len(table.rows) for table in actions) == 15
    assert "Responsible" not in actions[0].headers  # nothing recorded: the column is left out
    assert "Year 4: In 2022 CCA has been updated in March and October 2022." in text
    headings = [h.text for h in document.headings() if h.level == 2]
    assert "Joint programme documents" in headings and "Government engagement" in headings
    assert "No evidence has been recorded for the indicators 1.1, 1.2, 1.3," in text


def test_russian_report_uses_russian_framework_texts_and_headings(kazakhstan):
    document = build_report(kazakhstan, lang="ru")
    assert document.lang == "ru"
    rows = _table(document, [_ru(header) for header in RATING_HEADERS]).rows
    assert rows[0][0] == "Планирование"
    assert rows[0][2] == "Приближается к минимальным требованиям"
    assert rows[4][3] == _ru("Yes")
    with translation.override("ru"):
        expected = [gettext("Contents")]
        expected += [f"{number}. {gettext(title)}" for number, title in enumerate(SECTIONS, 1)]
    assert _top_headings(document) == expected
    if _ru("Background") == "Background":
        pytest.skip("the Russian catalogue does not hold the report's headings yet")
    assert all(_cyrillic(heading) for heading in _top_headings(document))


def _ru(message: str) -> str:
    with translation.override("ru"):
        return gettext(message)


def _cyrillic(text: str) -> bool:
    return any("а" <= letter.lower() <= "я" for letter in text)


def test_unknown_languages_are_refused(kazakhstan):
    for function in (build_report, ratings_table, ratings_chart):
        with pytest.raises(ValueError, match="not 'fr'"):
            function(kazakhstan, lang="fr")


def test_the_report_reads_the_assessment_in_a_few_queries(
    kazakhstan, django_assert_max_num_queries
):
    kazakhstan = Assessment.objects.select_related("organisation", "framework", "cycle").get(
        pk=kazakhstan.pk
    )
    with django_assert_max_num_queries(5):
        build_report(kazakhstan)


# --- the chart ---------------------------------------------------------------------------


def test_the_chart_is_the_same_picture_in_every_build_and_carries_no_css(kazakhstan):
    first, second = ratings_chart(kazakhstan), ratings_chart(kazakhstan)
    assert first.png == second.png and first.svg == second.svg
    figures = [b for b in build_report(kazakhstan).blocks if isinstance(b, Figure)]
    assert len(figures) == 1 and figures[0].png == first.png and figures[0].svg == first.svg
    assert "Planning" in first.svg and "Exceeds minimum requirements" in first.svg
    assert "style=" not in first.svg and "<style" not in first.svg  # blocked by the CSP
    assert "Planning: Approaches minimum requirements 1" in figures[0].alt


# --- rendered files ----------------------------------------------------------------------


def test_the_pdf_text_has_the_team_the_ratings_and_an_action(kazakhstan, tmp_path):
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    path = tmp_path / "report.pdf"
    path.write_bytes(render(build_report(kazakhstan), "pdf"))
    result = subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, check=True, text=True
    )
    text = " ".join(result.stdout.split())
    assert "UNCT Kazakhstan" in text
    assert "version 2018" in text
    for label in ("Missing", "Approaches", "Meets", "Exceeds"):
        assert f"{label} minimum requirements" in text or label == "Missing"
    assert "Missing requirements" in text
    assert "2.2 Communication & Advocacy" in text
    assert "Develop a checklist" in text  # an action point
    assert "Page 1 of" in text


def test_the_word_file_has_real_headings_the_ratings_table_and_one_picture(kazakhstan):
    document = build_report(kazakhstan)
    word = open_word(io.BytesIO(render(document, "docx")))
    styled = {}
    for paragraph in word.paragraphs:
        if paragraph.style is not None:
            styled.setdefault(paragraph.style.name, []).append(paragraph.text)
    assert styled["Heading 1"] == _top_headings(document)
    assert "Dimension 2: Programming and M&E" in styled["Heading 2"]
    assert "2.2 Communication & Advocacy" in styled["Heading 3"]
    ratings = [t for t in word.tables if [c.text for c in t.rows[0].cells] == RATING_HEADERS]
    assert len(ratings) == 1 and len(ratings[0].rows) == 16
    assert [c.text for c in ratings[0].rows[5].cells][1:3] == [
        "2.2 Communication & Advocacy",
        "Exceeds minimum requirements",
    ]
    assert len(word.inline_shapes) == 1
    assert word.core_properties.title == document.title


def test_csv_and_xlsx_hold_15_rows_and_neutralise_formulas(kazakhstan):
    IndicatorAssessment.objects.filter(assessment=kazakhstan, code="2.2").update(
        justification='=HYPERLINK("https://example.org/x","click")'
    )
    headers, rows = ratings_table(kazakhstan)
    column = headers.index("Findings and justification")

    read = list(csv.reader(io.StringIO(to_csv(headers, rows).decode("utf-8-sig"))))
    assert read[0] == headers and len(read) == 16
    assert read[5][column] == '\'=HYPERLINK("https://example.org/x","click")'

    sheet = load_workbook(io.BytesIO(to_xlsx([("Ratings", headers, rows)]))).active
    assert sheet is not None and sheet.max_row == 16
    cell = sheet.cell(row=6, column=column + 1)
    assert cell.data_type == "s" and str(cell.value).startswith("'=")


# --- an assessment made in Cometa (answers, findings, agreed rating) -----------------------


def test_findings_show_the_criteria_met_and_the_agreed_rating(world, assessment):
    row = IndicatorAssessment.objects.get(assessment=assessment, code="1.1")
    services.indicator_update(
        actor=world.aisha,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True,
            answers={"approaches.a": "met", "approaches.b": "met", "meets.a": "not_met"},
            findings={"approaches.a": "Eight of 17 sectors analyse gender.", "meets.a": "Not all."},
            agreed_level="meets",
            difference_reason="The 2023 update closes the gap.",
            justification="=SUM(A1)\n\nSecond paragraph.",
        ),
    )
    record_services.action_save(
        actor=world.aisha,
        assessment=assessment,
        content=record_services.ActionContent(
            indicator_code="1.1",
            text="Update the analysis",
            responsible="UN Women",
            due_date=date(2023, 6, 30),
            progress={"2023": "Drafted."},
        ),
    )
    evidence.evidence_link(
        actor=world.aisha,
        assessment=assessment,
        url="https://example.org/cca",
        title="Common Country Analysis 2023",
        indicator_code="1.1",
    )
    document = build_report(assessment)
    text = _text(document)
    assert "Rating: Meets minimum requirements." in text
    assert "The answers to the criteria give “Approaches minimum requirements”" in text
    assert "The 2023 update closes the gap." in text
    met = _table(document, ["Criterion", "What the team found"])
    assert met.rows[0][1] == "Eight of 17 sectors analyse gender."
    assert met.rows[0][0].startswith("Approaches minimum requirements (a): ")
    assert "Not all." in text  # a finding on a criterion not met is shown too
    assert "=SUM(A1)" in text and "Second paragraph." in text
    actions = _table(
        document,
        ["Indicator", "Action point", "Responsible", "Due", "Status", "Progress by year"],
    )
    assert actions.rows[0][2:] == ["UN Women", "30 June 2023", "Planned", "2023: Drafted."]
    assert ["1.1", "Common Country Analysis 2023", "https://example.org/cca"] in _table(
        document, ["Indicator", "Document", "Link or file"]
    ).rows
    ratings = _table(document, RATING_HEADERS)
    assert ratings.rows[1][2] == "Not rated yet"  # the other 14 are still to be rated
    assert document.subtitle == "Comprehensive assessment report and action plan"
