"""One function builds a report file: the page's download and the command give the same file."""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from openpyxl import load_workbook

from cometa.accounts.acting import SYSTEM
from cometa.scorecards.models import Assessment
from cometa.scorecards.report_import.importing import assessment_import
from cometa.scorecards.reporting.files import FORMATS, report_file


@pytest.fixture
def kazakhstan(world, swap, seed_text) -> Assessment:
    return assessment_import(
        actor=SYSTEM, organisation=world.unct, text=seed_text, source_name="kazakhstan-2022.txt"
    ).assessment


@pytest.mark.parametrize("lang", ["en", "ru"])
def test_the_page_and_the_command_give_the_same_ratings_file(
    world, kazakhstan, client_for, tmp_path, lang
):
    made = report_file(kazakhstan, "csv", lang)
    page = client_for(world.sara).get(f"/scorecards/{kazakhstan.pk}/ratings.csv?lang={lang}")
    output = tmp_path / "ratings.csv"
    call_command(
        "scorecard",
        "report",
        *("--assessment", str(kazakhstan.pk), "--format", "csv"),
        *("--output", str(output), "--lang", lang),
        stdout=io.StringIO(),
        stderr=io.StringIO(),
    )
    assert page.content == made.data == output.read_bytes()
    assert page["Content-Type"] == made.content_type
    assert made.filename in page["Content-Disposition"]


def test_the_workbook_sheet_is_named_in_the_report_s_language(kazakhstan):
    made = report_file(kazakhstan, "xlsx", "es")
    assert made.filename == "unct-kazakhstan-2022-ratings-es.xlsx"
    assert load_workbook(io.BytesIO(made.data)).sheetnames != ["Ratings"]


def test_an_unknown_format_or_language_is_refused(kazakhstan):
    with pytest.raises(ValueError, match="not 'odt'"):
        report_file(kazakhstan, "odt", "en")
    with pytest.raises(ValueError, match="not 'fr'"):
        report_file(kazakhstan, "pdf", "fr")
    assert set(FORMATS) == {"pdf", "docx", "csv", "xlsx"}
