"""The report pages and files: who gets them, in which form, under which name."""

from __future__ import annotations

import csv
import io

import pytest
from openpyxl import load_workbook

from cometa.accounts.acting import SYSTEM
from cometa.scorecards.models import Assessment
from cometa.scorecards.report_import.importing import assessment_import

FILES = {
    "report.pdf": ("application/pdf", "unct-kazakhstan-2022-scorecard.pdf"),
    "report.docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "unct-kazakhstan-2022-scorecard.docx",
    ),
    "ratings.csv": ("text/csv; charset=utf-8", "unct-kazakhstan-2022-ratings.csv"),
    "ratings.xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        "unct-kazakhstan-2022-ratings.xlsx",
    ),
}
ROUTES = ["report/", *FILES]


@pytest.fixture
def kazakhstan(world, swap, seed_text) -> Assessment:
    return assessment_import(
        actor=SYSTEM, organisation=world.unct, text=seed_text, source_name="kazakhstan-2022.txt"
    ).assessment


@pytest.mark.parametrize("route", list(FILES))
def test_a_member_downloads_each_file_as_an_attachment(world, kazakhstan, client_for, route):
    response = client_for(world.sara).get(f"/scorecards/{kazakhstan.pk}/{route}")
    content_type, filename = FILES[route]
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{filename}"'
    assert response["Cache-Control"] == "no-store"
    assert int(response["Content-Length"]) == len(response.content)
    if route == "report.pdf":
        assert response.content.startswith(b"%PDF-")
    if route == "ratings.csv":
        rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
        assert len(rows) == 16
    if route == "ratings.xlsx":
        sheet = load_workbook(io.BytesIO(response.content))["Ratings"]
        assert sheet.max_row == 16


def test_the_report_page_shows_the_report_the_chart_and_the_other_forms(
    world, kazakhstan, client_for
):
    response = client_for(world.bolat).get(f"/scorecards/{kazakhstan.pk}/report/")
    assert response.status_code == 200
    page = response.content.decode()
    assert '<article lang="en" class="report">' in page
    assert "UNCT-SWAP Gender Equality Scorecard: UNCT Kazakhstan, 2022" in page
    assert "<h2 id=" in page and "2.2 Communication &amp; Advocacy" in page
    assert '<a href="#section-1">1. Background</a>' in page
    for route in FILES:
        assert f"/scorecards/{kazakhstan.pk}/{route}?lang=en" in page
    svg = page[page.index("<svg") : page.index("</svg>")]
    assert 'role="img"' in svg and "Planning" in svg
    assert "style=" not in svg  # the Content-Security-Policy forbids inline styles
    assert 'width="540pt"' not in svg.split(">", 1)[0]  # the chart takes the page's width
    assert '<option value="ru" lang="ru">' in page


def test_the_language_is_chosen_with_lang(world, kazakhstan, client_for):
    client = client_for(world.aisha)
    page = client.get(f"/scorecards/{kazakhstan.pk}/report/?lang=ru").content.decode()
    assert '<article lang="ru" class="report">' in page
    assert "Планирование" in page
    assert '<option value="ru" lang="ru" selected>' in page
    response = client.get(f"/scorecards/{kazakhstan.pk}/ratings.csv?lang=es")
    assert response["Content-Disposition"] == (
        'attachment; filename="unct-kazakhstan-2022-ratings-es.csv"'
    )
    assert "Planificación" in response.content.decode("utf-8-sig")


@pytest.mark.parametrize("lang", ["fr", "EN", "ru-RU", "<script>"])
def test_an_unknown_language_falls_back_to_the_default(world, kazakhstan, client_for, lang):
    client = client_for(world.sara)
    page = client.get(f"/scorecards/{kazakhstan.pk}/report/", {"lang": lang})
    assert page.status_code == 200
    assert '<article lang="en" class="report">' in page.content.decode()
    assert "<script>" not in page.content.decode().split("<main", 1)[1]
    pdf = client.get(f"/scorecards/{kazakhstan.pk}/report.pdf", {"lang": lang})
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF-")


@pytest.mark.parametrize("route", ROUTES)
def test_outsiders_and_reviewers_of_a_draft_get_404(world, assessment, client_for, route):
    for person in (world.oscar, world.rita):
        response = client_for(person).get(f"/scorecards/{assessment.pk}/{route}?lang=fr")
        assert response.status_code == 404, person


@pytest.mark.parametrize("route", ROUTES)
def test_anonymous_visitors_are_sent_to_sign_in(assessment, client, route):
    response = client.get(f"/scorecards/{assessment.pk}/{route}")
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/")


def test_only_get_is_allowed(world, assessment, client_for):
    response = client_for(world.aisha).post(f"/scorecards/{assessment.pk}/report.pdf")
    assert response.status_code == 405


def test_a_team_name_without_latin_letters_still_gives_a_safe_file_name(
    world, assessment, client_for
):
    world.unct.name = "Страновая группа ООН"
    world.unct.save(update_fields=["name"])
    response = client_for(world.aisha).get(f"/scorecards/{assessment.pk}/ratings.csv")
    assert response["Content-Disposition"] == (
        f'attachment; filename="assessment-{assessment.pk}-2022-ratings.csv"'
    )
