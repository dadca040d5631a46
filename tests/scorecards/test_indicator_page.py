"""The indicator page as a team answers it, through real requests: the rating beside the
criteria in words, every error in the summary at the top naming its field, a lower rating
confirmed before it is saved, and evidence added from the indicator."""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from cometa.scorecards.models import Evidence, IndicatorAssessment
from tests.conftest import signed_in
from tests.pdf import make_pdf

PDF = make_pdf("A common country analysis")
CODE_OR_INTERVAL = re.compile(
    r"(Approaches|Meets|Exceeds|Missing) minimum requirements \([a-z]\)|[\[(]\d+, \d+[\])]|[≥≤]"
)


def _url(name, *args):
    return reverse(f"scorecards:{name}", args=args)


def _text(response) -> str:
    return response.content.decode()


def _row(assessment, code) -> IndicatorAssessment:
    return IndicatorAssessment.objects.get(assessment=assessment, code=code)


def _panel(page: str) -> str:
    """The rating panel beside the criteria."""
    found = re.search(r'<div class="answering-panel" id="rating"[^>]*>(.*?)</section>', page, re.S)
    assert found, "no rating panel beside the criteria"
    return found.group(1)


def _summary(page: str) -> str:
    found = re.search(r'<div class="form-errors error-summary".*?</div>', page, re.S)
    assert found, "no error summary"
    return found.group(0)


# --- the rating beside the criteria, in words ------------------------------------------------


def test_the_panel_sits_beside_the_criteria_and_names_what_is_missing_by_their_text(
    world, assessment
):
    client = signed_in(world.bolat)
    url = _url("indicator", assessment.pk, "1.1")
    body = {
        "version": 1,
        "reassessed": "on",
        "answer-approaches.a": "met",
        "answer-approaches.b": "met",
    }
    assert client.post(url, body).status_code == 302
    page = _text(client.get(url))
    criteria_at = page.index('class="answering-criteria"')
    assert criteria_at < page.index('id="rating"') < page.index("Agreed rating and justification")
    panel = _panel(page)
    assert "Missing for “Meets minimum requirements”" in panel
    assert '<a href="#criterion-meets-a">Gender analysis, root causes included' in panel
    assert 'id="criterion-meets-a"' in page  # where the link goes
    assert not CODE_OR_INTERVAL.search(panel), CODE_OR_INTERVAL.search(panel)


def test_the_live_panel_says_ranges_in_words_not_intervals(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator-preview", assessment.pk, "1.3"),
        {"input-pct_indicators": "25"},
        headers={"HX-Request": "true"},
    )
    panel = _text(response)
    assert "Approaches minimum requirements" in panel
    assert "must be at least 33\u00a0%" in panel
    assert not CODE_OR_INTERVAL.search(panel), CODE_OR_INTERVAL.search(panel)
    assert "Saved rating" in panel  # the preview says what it is compared with
    line = re.search(r'<p class="rating-line" id="rating-line" hx-swap-oob="true">(.*?)</p>', panel)
    assert line, "no line for narrow screens"
    assert "<strong>Approaches minimum requirements</strong>" in line.group(1)
    assert "what “Meets minimum requirements” needs" in line.group(1)


def test_rules_of_each_level_are_worded_with_the_criteria_s_own_text(world, assessment):
    page = _text(signed_in(world.bolat).get(_url("indicator", assessment.pk, "3.2")))
    assert "Reached with any one of: “Within the current Cooperation Framework cycle" in page
    page = _text(signed_in(world.bolat).get(_url("indicator", assessment.pk, "1.3")))
    assert "is at least 33\u00a0% and at most 50\u00a0%." in page
    for rule in re.findall(r"Reached with (.*?)\.</p>", page, re.S):
        assert not CODE_OR_INTERVAL.search(rule), rule


def test_a_refused_save_shows_the_rating_the_sent_answers_would_give(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator", assessment.pk, "1.1"),
        {
            "version": 1,
            "reassessed": "on",
            "answer-approaches.a": "met",
            "answer-approaches.b": "met",
            "agreed_level": "exceeds",
        },
    )
    assert response.status_code == 400
    panel = _panel(_text(response))
    assert "Rating preview (not saved)" in panel and "Approaches minimum requirements" in panel


# --- errors: all in the summary, each naming its field -----------------------------------------


def test_an_out_of_range_number_is_in_the_summary_naming_its_field(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator", assessment.pk, "1.3"),
        {"version": 1, "reassessed": "on", "input-pct_indicators": "140"},
    )
    assert response.status_code == 400
    summary = _summary(_text(response))
    assert 'tabindex="-1"' in summary and "autofocus" in summary
    assert re.search(
        r'<a href="#id_input-pct_indicators">Share of Cooperation Framework outcome [^<]*\(%\): '
        r"at most 100\u00a0%</a>",
        summary,
    ), summary
    assert 'id="id_input-pct_indicators_error"' in _text(response)  # and beside the field


def test_every_error_of_the_form_is_in_the_summary(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator", assessment.pk, "1.3"),
        {
            "version": 1,
            "reassessed": "on",
            "input-pct_indicators": "-5",
            "answer-approaches.a": "perhaps",
            "agreed_level": "nonsense",
        },
    )
    assert response.status_code == 400
    summary = _summary(_text(response))
    assert "at least 0\u00a0%" in summary
    assert "Agreed rating: " in summary and 'href="#id_agreed_level"' in summary


def test_a_refusal_of_the_service_is_in_the_summary_naming_its_field(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator", assessment.pk, "2.1"),
        {"version": 1, "reassessed": "on", "agreed_level": "exceeds"},
    )
    assert response.status_code == 400
    summary = _summary(_text(response))
    assert (
        '<a href="#id_difference_reason">Why the agreed rating differs from the computed one: '
        "Say why the agreed rating differs from the computed one.</a>"
    ) in summary


# --- a lower rating is confirmed before it is saved ------------------------------------------


@pytest.fixture
def exceeds_2021(assessment):
    """PI 1.1 carries “Exceeds” from 2021."""
    IndicatorAssessment.objects.filter(assessment=assessment, code="1.1").update(
        computed_level="exceeds", agreed_level="exceeds", rating_year=2021
    )
    return _row(assessment, "1.1")


LOWER = {"version": 1, "reassessed": "on", "answer-approaches.a": "met"}


def test_a_drop_comes_back_with_a_summary_and_is_not_saved(world, assessment, exceeds_2021):
    response = signed_in(world.bolat).post(_url("indicator", assessment.pk, "1.1"), LOWER)
    assert response.status_code == 200
    page = _text(response)
    assert "The rating would go down" in page
    assert (
        "Saving lowers the rating of PI 1.1 from “Exceeds minimum requirements” (2021) to "
        "“Missing requirements”."
    ) in page
    assert re.search(
        r'<input type="checkbox" name="confirm_drop" value="missing"[^>]*required', page
    )
    kept = re.search(r'<input type="radio" name="answer-approaches.a" value="met"[^>]*>', page)
    assert kept and "checked" in kept.group(0)  # what was typed is kept
    row = _row(assessment, "1.1")
    assert (row.version, row.level, row.answers) == (1, "exceeds", {})


def test_a_confirmed_drop_is_saved(world, assessment, exceeds_2021):
    client = signed_in(world.bolat)
    url = _url("indicator", assessment.pk, "1.1")
    response = client.post(url, {**LOWER, "confirm_drop": "missing"})
    assert response.status_code == 302
    row = _row(assessment, "1.1")
    assert (row.version, row.level, row.rating_year) == (2, "missing", 2022)


def test_a_confirmation_for_another_level_asks_again(world, assessment, exceeds_2021):
    response = signed_in(world.bolat).post(
        _url("indicator", assessment.pk, "1.1"), {**LOWER, "confirm_drop": "approaches"}
    )
    assert response.status_code == 200 and "The rating would go down" in _text(response)
    assert _row(assessment, "1.1").version == 1


def test_a_rise_or_the_same_rating_saves_without_asking(world, assessment):
    client = signed_in(world.bolat)
    url = _url("indicator", assessment.pk, "1.1")
    assert client.post(url, LOWER).status_code == 302  # none before: not a drop
    body = {**LOWER, "version": 2, "answer-approaches.b": "met"}
    assert client.post(url, body).status_code == 302
    assert _row(assessment, "1.1").level == "approaches"


def test_a_lower_agreed_rating_is_a_drop_too(world, assessment, exceeds_2021):
    body = {"version": 1, "agreed_level": "meets"}  # not reassessed: the carried one agreed lower
    response = signed_in(world.bolat).post(_url("indicator", assessment.pk, "1.1"), body)
    assert response.status_code == 200 and "“Meets minimum requirements”" in _text(response)


# --- evidence from the indicator --------------------------------------------------------------


def test_the_page_offers_evidence_forms_started_with_the_indicator_and_its_category(
    world, assessment
):
    page = _text(signed_in(world.bolat).get(_url("indicator", assessment.pk, "3.1")))
    assert _url("indicator-evidence-link", assessment.pk, "3.1") in page
    link_form = page[page.index('id="link-h"') :]
    assert re.search(r'<option value="3.1" selected>', link_form)
    assert re.search(r'<option value="government" selected>', link_form)
    other = _text(signed_in(world.bolat).get(_url("indicator", assessment.pk, "1.1")))
    assert re.search(r'<option value="verification" selected>', other)


def test_a_viewer_sees_no_evidence_forms(world, assessment):
    page = _text(signed_in(world.sara).get(_url("indicator", assessment.pk, "3.1")))
    assert _url("indicator-evidence-link", assessment.pk, "3.1") not in page


def test_a_link_added_from_the_indicator_goes_back_to_it(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator-evidence-link", assessment.pk, "3.1"),
        {
            "url": "https://example.org/nap",
            "title": "National action plan",
            "indicator_code": "3.1",
            "category": "government",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == _url("indicator", assessment.pk, "3.1") + "#evidence"
    item = Evidence.objects.get()
    assert (item.indicator_code, item.category, item.url) == (
        "3.1",
        "government",
        "https://example.org/nap",
    )


def test_a_file_added_from_the_indicator_uses_the_evidence_service(world, assessment):
    response = signed_in(world.bolat).post(
        _url("indicator-evidence-upload", assessment.pk, "1.1"),
        {
            "file": SimpleUploadedFile("cca.pdf", PDF),
            "title": "Country analysis",
            "indicator_code": "1.1",
            "category": "verification",
        },
    )
    assert response.status_code == 302
    item = Evidence.objects.get()
    assert (item.indicator_code, item.content_type) == ("1.1", "application/pdf")


def test_a_refused_evidence_form_comes_back_on_the_indicator_page_with_its_errors(
    world, assessment
):
    response = signed_in(world.bolat).post(
        _url("indicator-evidence-link", assessment.pk, "3.1"),
        {"url": "", "title": "No link", "indicator_code": "3.1", "category": "government"},
    )
    assert response.status_code == 400
    page = _text(response)
    assert "<h1>PI 3.1" in page
    summary = _summary(page)
    assert '<a href="#id_link_url">Link: ' in summary
    assert '<details class="add-evidence" open>' in page
    assert not Evidence.objects.exists()


def test_a_viewer_may_not_add_evidence_from_the_indicator(world, assessment):
    response = signed_in(world.sara).post(
        _url("indicator-evidence-link", assessment.pk, "3.1"),
        {"url": "https://example.org/x", "title": "X", "category": "other"},
    )
    assert response.status_code == 403 and not Evidence.objects.exists()


def test_the_framework_page_words_its_rules_the_same_way(world, swap):
    page = _text(signed_in(world.sara).get(_url("framework", swap.pk)))
    assert "is at least 33\u00a0% and at most 50\u00a0%" in page  # PI 1.3, meets
    assert "is more than 50\u00a0%" in page  # PI 1.3, exceeds: 100 % goes without saying
    assert "any one of: “Within the current Cooperation Framework cycle" in page  # PI 3.2
    assert not re.search(r"[\[(]\d+, (\d+|∞)[\])]", page)
