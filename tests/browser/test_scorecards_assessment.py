"""The assessment page in a real browser: its sections are links marked current that work
without JavaScript, Submit goes through a summary page, and a form sent with errors moves
the focus to the list of problems at the top, whose links lead to the fields."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from playwright.sync_api import expect

from cometa.scorecards.models import AssessmentStatus
from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, Ui
from tests.browser.scorecards_pages import Scorecards, scorecards
from tests.conftest import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]


@pytest.fixture
def made(people: World) -> Scorecards:
    return scorecards(people)


def test_the_sections_are_links_marked_current_and_work_without_javascript(
    ui_factory: Callable[..., Ui], people: World, made: Scorecards
) -> None:
    ui = ui_factory(java_script_enabled=False)
    ui.sign_in_directly(people.aisha)
    url = ui.url("scorecards:assessment", made.draft.pk)
    ui.goto(url)
    parts = ui.page.get_by_role("navigation", name="Parts of the assessment")
    expect(parts.get_by_role("link", name="Indicators")).to_have_attribute("aria-current", "page")
    expect(ui.page.get_by_role("region", name="Inter-agency assessment team")).to_have_count(0)
    # The summary on top: what a reader looks for first, before any section.
    summary = ui.page.get_by_role("region", name="Where the assessment stands")
    expect(summary).to_contain_text("Indicators rated")
    expect(summary.get_by_role("link", name="PDF")).to_be_visible()

    parts.get_by_role("link", name="Team and process").click()
    expect(ui.page).to_have_url(re.compile(r"\?section=team$"))
    expect(parts.get_by_role("link", name="Team and process")).to_have_attribute(
        "aria-current", "page"
    )
    expect(parts.locator("[aria-current]")).to_have_count(1)
    team = ui.page.get_by_role("region", name="Inter-agency assessment team")
    expect(team).to_contain_text("Gaukhar Nursha")
    ui.assert_no_console_errors()


def test_an_old_link_to_a_part_of_the_page_opens_its_section(
    ui: Ui, people: World, made: Scorecards
) -> None:
    ui.sign_in_directly(people.bolat)
    ui.goto(ui.url("scorecards:assessment", made.draft.pk) + "#evidence")
    expect(ui.page).to_have_url(re.compile(r"\?section=evidence#evidence$"))
    expect(ui.page.get_by_role("region", name="Evidence")).to_be_visible()
    ui.assert_no_console_errors()


def test_submitting_shows_a_summary_first_and_only_its_button_submits(
    ui: Ui, people: World, made: Scorecards
) -> None:
    draft = made.draft
    ui.sign_in_directly(people.aisha)
    ui.goto(ui.url("scorecards:assessment", draft.pk))
    ui.submit("Submit for review…")
    expect(ui.page.get_by_role("heading", level=1)).to_have_text(
        "Submit for review: UNCT Kazakhstan 2022?"
    )
    expect(ui.page.get_by_role("table", name="Warnings of the quality checks")).to_be_visible()
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.DRAFT

    ui.page.get_by_role("link", name="Cancel, go back").click()
    expect(ui.page).to_have_url(re.compile(r"\?section=review$"))
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.DRAFT

    ui.submit("Submit for review…")
    ui.submit("Yes, submit for review")
    expect(ui.page.get_by_role("status")).to_contain_text(
        "The assessment was submitted for review."
    )
    draft.refresh_from_db()
    assert draft.status == AssessmentStatus.SUBMITTED
    ui.assert_no_console_errors()


def test_a_blocked_submit_is_disabled_and_says_why(ui: Ui, people: World, made: Scorecards) -> None:
    ui.sign_in_directly(people.aisha)
    ui.goto(ui.url("scorecards:assessment", made.annual.pk))
    button = ui.page.get_by_role("button", name="Submit for review")
    expect(button).to_be_disabled()
    expect(button).to_have_accessible_description(
        re.compile(r"^1 check must be fixed before the assessment can be submitted\.")
    )
    ui.assert_no_console_errors()


def test_a_form_error_moves_the_focus_to_the_summary_whose_link_leads_to_the_field(
    ui: Ui, people: World, made: Scorecards
) -> None:
    ui.sign_in_directly(people.bolat)
    ui.goto(ui.url("scorecards:assessment", made.draft.pk) + "?section=evidence")
    # The browser lets this address through (it is a URL); the server refuses its scheme.
    ui.page.locator("#id_link_url").fill("javascript:alert(1)")
    ui.page.locator("#id_link_title").fill("Campaign page")
    ui.submit("Add the link")
    problems = ui.page.locator("#error-summary")
    expect(problems).to_be_focused()
    link = problems.get_by_role("link", name=re.compile(r"^Link: "))
    link.click()
    expect(ui.page.locator("#id_link_url")).to_be_focused()
    expect(ui.page.locator("#id_link_title")).to_have_value("Campaign page")
    ui.assert_no_console_errors()


def test_a_reviewer_finds_approve_without_scrolling(
    ui: Ui, people: World, made: Scorecards
) -> None:
    submitted = made.submitted
    type(submitted).objects.filter(pk=submitted.pk).update(status=AssessmentStatus.UNDER_REVIEW)
    ui.sign_in_directly(people.rita)
    ui.goto(ui.url("scorecards:assessment", submitted.pk))
    approve = ui.page.get_by_role("button", name="Approve…")
    expect(approve).to_be_in_viewport()  # 1,280 × 900, the page as it opens
    approve.click()
    ui.page.wait_for_load_state()
    expect(ui.page.get_by_role("button", name="Yes, approve")).to_be_visible()
    ui.assert_no_console_errors()
