"""The assessment page as its users meet it, through real requests: one section at a time
with a progress summary on top, the reports and the framework linked where people look,
rating badges, a summary page before submitting, approving or publishing, a Submit button
that says why it is disabled, and form errors listed by field at the top."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from cometa.scorecards.assessments import services
from cometa.scorecards.assessments.quality import quality_findings
from cometa.scorecards.models import (
    Assessment,
    AssessmentKind,
    AssessmentStatus,
    IndicatorAssessment,
)
from tests.conftest import signed_in

SECTIONS = ("indicators", "review", "team", "actions", "evidence", "comments")


def _url(name, *args):
    return reverse(f"scorecards:{name}", args=args)


def _get(person, assessment, section: str = "") -> str:
    query = f"?section={section}" if section else ""
    response = signed_in(person).get(_url("assessment", assessment.pk) + query)
    assert response.status_code == 200
    return response.content.decode()


def _current_tab(page: str) -> list[str]:
    return re.findall(r'<a href="\?section=(\w+)" aria-current="page">', page)


def _reassess(person, assessment, code="1.1") -> None:
    """PI ``code`` reassessed without evidence: the checks warn (QA004)."""
    row = IndicatorAssessment.objects.get(assessment=assessment, code=code)
    services.indicator_update(
        actor=person,
        indicator=row,
        expected_version=row.version,
        values=services.IndicatorValues(
            reassessed=True,
            answers={"approaches.a": "met", "approaches.b": "met"},
            findings={"approaches.a": "Gender analysis in 8 of 17 sectors."},
        ),
    )


def _at(assessment, status: str, **fields) -> None:
    Assessment.objects.filter(pk=assessment.pk).update(status=status, **fields)


# --- sections and the summary -----------------------------------------------------------------


def _annual(world, swap) -> Assessment:
    return services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2023, kind=AssessmentKind.ANNUAL
        ),
    )


def test_the_page_opens_on_the_indicators_under_a_summary_of_where_it_stands(world, swap):
    assessment = _annual(world, swap)
    _reassess(world.bolat, assessment)
    page = _get(world.aisha, assessment)
    assert _current_tab(page) == ["indicators"]
    summary = page[page.index('class="progress-summary"') : page.index('class="tabs"')]
    assert "1 of at least 5" in summary and "4 more needed" in summary
    assert "1 of 15" in summary  # rated: the others carry no earlier rating
    warnings = sum(1 for item in quality_findings(assessment) if item.severity == "warning")
    assert f"1 to fix, {warnings} warnings" in summary and "0 items" in summary
    assert 'id="indicators"' in page
    assert 'id="team"' not in page and "Add a member" not in page  # in its own section


@pytest.mark.parametrize("section", SECTIONS)
def test_each_section_has_its_own_address_and_is_marked_current(world, assessment, section):
    page = _get(world.aisha, assessment, section)
    assert _current_tab(page) == [section]
    assert f'id="{section}"' in page
    others = [name for name in SECTIONS if name != section]
    assert not [name for name in others if f'<section id="{name}"' in page]


def test_an_unknown_section_shows_the_indicators(world, assessment):
    assert _current_tab(_get(world.aisha, assessment, "nonsense")) == ["indicators"]


def test_the_reports_and_the_framework_are_linked_from_the_page(world, assessment):
    page = _get(world.sara, assessment)  # a viewer reads the reports too
    for name in ("report", "report-pdf", "report-docx", "ratings-csv", "ratings-xlsx"):
        assert f'href="{_url(name, assessment.pk)}"' in page, name
    assert f'href="{_url("framework", assessment.framework_id)}"' in page


def test_the_published_assessment_points_to_its_report(world, assessment):
    _at(assessment, AssessmentStatus.PUBLISHED)
    page = _get(world.sara, assessment)
    link = f'<a href="{_url("report", assessment.pk)}">Read the published report</a>'
    assert link in page


def test_ratings_are_badges_with_their_words(world, assessment):
    _reassess(world.bolat, assessment)
    page = _get(world.aisha, assessment)
    assert '<span class="badge badge-approaches">Approaches minimum requirements</span>' in page


# --- the steps of the review ------------------------------------------------------------------


def test_a_reviewer_finds_approve_above_the_sections(world, assessment):
    _at(assessment, AssessmentStatus.UNDER_REVIEW, submitted_by=world.aisha)
    page = _get(world.rita, assessment)
    approve = page.index('name="step" value="approve"')
    assert approve < page.index('class="tabs"')
    assert "What you can do now" in page[:approve]
    # Returning asks for a comment: the summary links to its form in the review section.
    assert 'href="?section=review#step-return"' in page
    assert 'id="step-return"' in _get(world.rita, assessment, "review")


def test_submit_shows_what_will_happen_and_the_warnings_before_it_is_done(world, assessment):
    _reassess(world.bolat, assessment)
    client = signed_in(world.aisha)
    url = _url("assessment-step", assessment.pk)
    asked = client.post(url, {"step": "submit"})
    assert asked.status_code == 200
    page = asked.content.decode()
    assert "Nobody in the team can change it until a reviewer returns it" in page
    warnings = [item for item in quality_findings(assessment) if item.severity == "warning"]
    assert f"The checks found {len(warnings)} warnings." in page
    assert page.count("<code>QA004</code>") == len([w for w in warnings if w.code == "QA004"])
    assert '<input type="hidden" name="confirmed" value="yes">' in page
    assert "Yes, submit for review" in page
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.DRAFT  # nothing happened yet

    done = client.post(url, {"step": "submit", "confirmed": "yes"})
    assert done.status_code == 302 and done["Location"].endswith("?section=review#workflow")
    assessment.refresh_from_db()
    assert assessment.status == AssessmentStatus.SUBMITTED


@pytest.mark.parametrize("step", ["approve", "publish"])
def test_approving_and_publishing_ask_first(world, assessment, step):
    before = AssessmentStatus.UNDER_REVIEW if step == "approve" else AssessmentStatus.APPROVED
    _at(assessment, before, submitted_by=world.aisha)
    client = signed_in(world.rita)
    url = _url("assessment-step", assessment.pk)
    asked = client.post(url, {"step": step})
    assert asked.status_code == 200 and "What will happen" in asked.content.decode()
    assessment.refresh_from_db()
    assert assessment.status == before
    assert client.post(url, {"step": step, "confirmed": "yes"}).status_code == 302
    assessment.refresh_from_db()
    assert assessment.status != before


def test_a_step_not_open_to_the_person_is_refused_without_a_summary_page(world, assessment):
    response = signed_in(world.bolat).post(
        _url("assessment-step", assessment.pk), {"step": "submit"}
    )
    assert response.status_code == 403


def test_submit_is_disabled_with_the_reason_when_checks_block_it(world, swap):
    annual = _annual(world, swap)
    page = _get(world.aisha, annual)
    assert re.search(
        r'<button type="submit" class="button" disabled aria-describedby="submit-why">', page
    )
    assert '<p class="help" id="submit-why">1 check must be fixed before the assessment' in page
    assert "0 of at least 5" in page and "5 more needed" in page
    editor = _get(world.bolat, annual)
    assert "Only a coordinator of the country team can submit the assessment." in editor


# --- errors -----------------------------------------------------------------------------------


def test_a_form_with_errors_opens_its_section_and_the_summary_names_the_field(world, assessment):
    response = signed_in(world.bolat).post(_url("team-add", assessment.pk), {"name": "Only"})
    assert response.status_code == 400
    page = response.content.decode()
    assert _current_tab(page) == ["team"]
    top = page[: page.index('class="progress-summary"')]
    assert 'id="error-summary" tabindex="-1" autofocus' in top
    assert '<a href="#id_member_entity">UN entity: This field is required.</a>' in top


@pytest.mark.parametrize(
    ("form", "data", "section", "field"),
    [
        ("assessment-text", {"process_text": "x" * 10}, "team", None),
        (
            "action-add",
            {"indicator_code": "9.9", "text": "X", "status": "planned"},
            "actions",
            "id_action_indicator_code",
        ),
        (
            "evidence-link",
            {"url": "javascript:alert(1)", "category": "other"},
            "evidence",
            "id_link_url",
        ),
        ("comment-add", {"text": ""}, "comments", "id_comment_text"),
    ],
)
def test_every_form_of_the_page_lists_its_errors_at_the_top(
    world, assessment, form, data, section, field
):
    if field is None:  # the process is refused once submitted: a message with no field
        _at(assessment, AssessmentStatus.SUBMITTED)
    response = signed_in(world.aisha).post(_url(form, assessment.pk), data)
    assert response.status_code == 400
    page = response.content.decode()
    assert _current_tab(page) == [section]
    top = page[: page.index('class="progress-summary"')]
    assert "There is a problem" in top
    if field:
        assert f'<a href="#{field}">' in top


# --- the list and the global view ---------------------------------------------------------------


def test_the_list_shows_progress_ratings_and_the_report_at_a_glance(world, assessment):
    _reassess(world.bolat, assessment)
    client = signed_in(world.aisha)
    for headers in ({}, {"HX-Request": "true"}):  # the page, and the rows htmx asks for
        page = client.get(_url("assessments"), headers=headers).content.decode()
        assert (
            '<span class="badge badge-approaches">Approaches minimum requirements</span> '
            '<span class="badge-count">× 1</span>'
        ) in page
        assert "1 of 15 rated" in page and "14 not rated" in page
        assert f'href="{_url("report", assessment.pk)}"' in page
        assert f'href="{_url("framework", assessment.framework_id)}"' in page


def test_the_global_view_links_the_framework_and_the_reports(world, assessment):
    IndicatorAssessment.objects.filter(assessment=assessment).update(
        computed_level="meets", agreed_level="meets", rating_year=2022
    )
    _at(assessment, AssessmentStatus.APPROVED)
    page = signed_in(world.rita).get(_url("global")).content.decode()
    assert f'<a href="{_url("framework", assessment.framework_id)}">' in page
    assert f'href="{_url("assessments")}?status=approved"' in page
    assert f'href="{_url("assessments")}?status=published"' in page
