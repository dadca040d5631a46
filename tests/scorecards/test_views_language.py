"""Framework texts in the reader's language on the pages and in the report files, and the
visible fallback to English where a framework version lacks a translation."""

from __future__ import annotations

import io
import re

import pytest
from django.urls import reverse
from docx import Document as WordDocument

from cometa.accounts.acting import SYSTEM
from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.admin import framework_edit_wording
from cometa.scorecards.frameworks.loading import load_builtin
from cometa.scorecards.frameworks.store import framework_version_publish
from cometa.scorecards.models import AssessmentKind
from cometa.scorecards.report_import.importing import assessment_import

SWAP = load_builtin("unct-swap", "2018")
CRITERION = SWAP.indicator("1.1").criterion("approaches.a").text
MEETS = SWAP.indicator("2.2").criterion("meets.b").text


def _url(name, *args):
    return reverse(f"scorecards:{name}", args=args)


def _page(client, url, language):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize("language", ["es", "ru"])
def test_the_indicator_page_shows_criteria_in_the_readers_language(
    world, assessment, client_for, language
):
    page = _page(client_for(world.aisha), _url("indicator", assessment.pk, "1.1"), language)
    assert CRITERION.get(language) in page
    assert CRITERION.en not in page
    assert "(in English)" not in page and 'class="in-english"' not in page


@pytest.mark.parametrize("language", ["es", "ru"])
def test_the_assessment_page_names_the_framework_in_the_readers_language(
    world, assessment, client_for, language
):
    page = _page(client_for(world.aisha), _url("assessment", assessment.pk), language)
    assert SWAP.title.get(language) in page
    assert SWAP.title.en not in page


def test_the_framework_page_is_in_spanish_and_says_the_translation_is_ours(world, swap, client_for):
    page = _page(client_for(world.sara), _url("framework", swap.pk), "es")
    assert CRITERION.es in page and SWAP.description.es in page
    assert "traducción propia de Cometa" in page
    details = page[page.index("<details") : page.index("</details>")]
    assert "SHA-256" in details and "seeds/001_" in details


@pytest.fixture
def kazakhstan(world, swap, seed_text):
    return assessment_import(
        actor=SYSTEM, organisation=world.unct, text=seed_text, source_name="kazakhstan-2022.txt"
    ).assessment


def test_the_report_page_and_word_file_show_the_criteria_in_spanish(world, kazakhstan, client_for):
    client = client_for(world.aisha)
    page = _page(client, _url("report", kazakhstan.pk) + "?lang=es", "es")
    assert MEETS.es in page and MEETS.en not in page
    word = client.get(_url("report-docx", kazakhstan.pk) + "?lang=es")
    text = "\n".join(p.text for p in WordDocument(io.BytesIO(word.content)).paragraphs)
    cells = [
        cell.text
        for table in WordDocument(io.BytesIO(word.content)).tables
        for row in table.rows
        for cell in row.cells
    ]
    assert any(MEETS.es in item for item in [text, *cells])
    assert SWAP.title.es in text


@pytest.fixture
def untranslated(world, swap):
    """A published version whose criterion 1.1 approaches.a has no Spanish text."""
    draft = framework_edit_wording(
        actor=SYSTEM, base=swap, version="2018.1", texts={"1.1|approaches.a|es": ""}
    )
    return framework_version_publish(actor=SYSTEM, version=draft)


def test_a_missing_translation_is_shown_in_english_and_marked(world, untranslated, client_for):
    assessment = services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct,
            framework=untranslated,
            year=2022,
            kind=AssessmentKind.COMPREHENSIVE,
        ),
    )
    client = client_for(world.aisha)
    for url in (_url("indicator", assessment.pk, "1.1"), _url("framework", untranslated.pk)):
        page = _page(client, url, "es")
        marked = re.escape(f'<span lang="en">{CRITERION.en}</span>')
        assert re.search(marked + r' <span class="in-english">\(en inglés\)</span>', page), url
