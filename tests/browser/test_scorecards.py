"""Scorecards in a real browser: rating an indicator with the live preview, two tabs saving
the same indicator, and the report with its chart and files."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import Locator, Page, expect

from cometa.scorecards.frameworks.store import framework_of
from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, Ui
from tests.browser.scorecards_pages import Scorecards, indicator_row, scorecards
from tests.conftest import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]

CODE = "3.2"  # unrated in the draft; one criterion met approaches, two meet, three exceed
TITLE = "PI 3.2 Engagement with GEWE CSO"
PDF = "application/pdf"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def made(people: World) -> Scorecards:
    return scorecards(people)


def criterion(page: Page, made: Scorecards, letter: str) -> Locator:
    """The group of radio buttons of criterion ``letter`` of PI 3.2, found by its legend."""
    definition = framework_of(made.swap).indicator(CODE)
    found = next(item for item in definition.criteria if item.letter == letter)
    return page.get_by_role("group", name=f"({letter}) {found.text.en}", exact=True)


def answer(page: Page, made: Scorecards, letter: str, choice: str) -> Locator:
    return criterion(page, made, letter).get_by_label(choice, exact=True)


# --- the live preview, then saving ----------------------------------------------------------


def test_the_preview_follows_the_answers_without_a_reload_and_saving_keeps_the_rating(
    ui: Ui, people: World, made: Scorecards
) -> None:
    draft = made.draft
    definition = framework_of(made.swap).indicator(CODE)
    text = {item.letter: item.text.en for item in definition.criteria}
    ui.sign_in_directly(people.bolat)
    url = ui.url("scorecards:indicator", draft.pk, CODE)
    ui.goto(url)
    rating = ui.page.get_by_role("region", name="Rating", exact=True)
    expect(rating).to_contain_text("Not computed")
    preview = ui.page.get_by_role("region", name="Rating preview (not saved)")
    expect(preview).to_have_count(0)
    ui.page.evaluate("() => { window.cometaSamePage = true; }")

    steps = [  # (criterion met, the level it gives, what the next level still needs)
        ("a", "Approaches minimum requirements", ["1 more of these:", text["b"], text["c"]]),
        ("b", "Meets minimum requirements", [text["c"]]),
    ]
    for letter, level, missing in steps:  # ticking an answer is enough: no button to press
        with ui.page.expect_response(
            lambda response: (
                response.url.endswith(f"/indicators/{CODE}/preview/")
                and "hx-request" in response.request.headers
            )
        ) as sent:
            answer(ui.page, made, letter, "Met").check()
        assert sent.value.status == 200
        expect(preview.get_by_role("definition").first).to_have_text(level)
        for words in missing:  # in the criteria's own words, beside them
            expect(preview.get_by_role("list").first).to_contain_text(words)
        expect(preview).to_be_in_viewport()
        _beside(ui.page, preview, criterion(ui.page, made, letter))
    expect(preview.get_by_role("link", name=text["c"]).first).to_have_attribute(
        "href", "#criterion-meets-c"
    )
    expect(preview).to_contain_text("Saved rating")
    expect(preview).not_to_contain_text("Meets minimum requirements (")
    with ui.page.expect_response(lambda response: response.url.endswith("/preview/")):
        ui.page.get_by_role("button", name="Recompute without saving").click()  # same answer
    expect(preview.get_by_role("definition").first).to_have_text(steps[-1][1])
    assert ui.page.url == url
    assert ui.page.evaluate("() => window.cometaSamePage") is True, "the page was reloaded"
    assert indicator_row(draft, CODE).version == 1, "the preview saved"

    ui.submit("Save")
    expect(ui.page.get_by_role("status")).to_contain_text(f"PI {CODE} was saved.")
    expect(rating.get_by_role("definition").first).to_have_text("Meets minimum requirements")
    expect(rating).to_contain_text("Criteria that counted:")
    expect(answer(ui.page, made, "b", "Met")).to_be_checked()

    ui.page.get_by_role("link", name="All indicators").click()
    expect(ui.page).to_have_url(re.compile(rf"/scorecards/{draft.pk}/#indicators$"))
    row = ui.page.get_by_role("row").filter(has=ui.page.get_by_role("link", name=TITLE))
    expect(row.get_by_role("cell")).to_have_text(["Meets minimum requirements", "Yes", "2022"])
    saved = indicator_row(draft, CODE)
    assert (saved.computed_level, saved.agreed_level, saved.version) == ("meets", "meets", 2)
    assert (saved.answers["meets.a"], saved.answers["meets.b"]) == ("met", "met")
    ui.assert_no_console_errors()


def _beside(page: Page, panel: Locator, criterion: Locator) -> None:
    """The panel is to the right of the criterion, on the same screen (at 1,280 px)."""
    width = page.viewport_size["width"] if page.viewport_size else 0
    panel_box, criterion_box = panel.bounding_box(), criterion.bounding_box()
    assert panel_box and criterion_box
    if width >= 1000:
        assert panel_box["x"] >= criterion_box["x"] + criterion_box["width"], (panel_box, width)


def test_on_a_phone_a_line_under_the_answers_follows_them(
    ui: Ui, people: World, made: Scorecards
) -> None:
    ui.sign_in_directly(people.bolat)
    ui.page.set_viewport_size({"width": 390, "height": 844})
    try:
        ui.goto(ui.url("scorecards:indicator", made.draft.pk, CODE))
        line = ui.page.locator("#rating-line")
        expect(line).to_be_hidden()  # nothing rated yet
        with ui.page.expect_response(lambda response: response.url.endswith("/preview/")):
            answer(ui.page, made, "b", "Met").check()
        expect(line).to_contain_text("With these answers: Approaches minimum requirements")
        expect(line).to_be_in_viewport()
        panel = ui.page.get_by_role("region", name="Rating preview (not saved)")
        expect(panel).not_to_be_in_viewport()  # the panel itself is after the criteria
        line.get_by_role("link", name="what “Meets minimum requirements” needs").click()
        expect(panel).to_be_in_viewport()
        width = ui.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, width
    finally:
        ui.page.set_viewport_size({"width": 1280, "height": 900})
    ui.assert_no_console_errors()


# --- errors: the summary takes the focus, each message names its field ----------------------


def test_a_refused_save_moves_the_focus_to_the_summary_which_names_each_field(
    ui: Ui, people: World, made: Scorecards
) -> None:
    draft = made.draft
    ui.sign_in_directly(people.bolat)
    ui.goto(ui.url("scorecards:indicator", draft.pk, "1.3"))
    field = ui.page.get_by_label(re.compile(r"^Share of Cooperation Framework outcome"))
    field.fill("140")
    ui.page.get_by_label("Agreed rating", exact=True).select_option("exceeds")
    ui.submit("Save")
    assert ui.documents[ui.page.url] == 400
    summary = ui.page.locator("#error-summary")
    expect(summary).to_be_focused()
    expect(summary).to_be_in_viewport()
    link = summary.get_by_role("link")
    expect(link).to_have_text(re.compile(r"^Share of Cooperation .*\(%\): at most 100\u00a0%$"))
    link.click()
    expect(ui.page).to_have_url(re.compile(r"#id_input-pct_indicators$"))
    expect(field).to_be_focused()
    expect(field).to_have_value("140")  # what was typed is kept

    field.fill("40")  # the number fixed, the service finds the next problem
    ui.submit("Save")
    expect(summary).to_be_focused()
    expect(summary.get_by_role("link")).to_have_text(
        "Why the agreed rating differs from the computed one: "
        "Say why the agreed rating differs from the computed one."
    )
    assert indicator_row(draft, "1.3").version == 1
    ui.assert_no_console_errors()


# --- a lower rating, confirmed ----------------------------------------------------------------


def test_lowering_a_rating_asks_first_and_saves_once_confirmed(
    ui: Ui, people: World, made: Scorecards
) -> None:
    draft = made.draft  # PI 1.1 is rated “Approaches” there
    ui.sign_in_directly(people.bolat)
    ui.goto(ui.url("scorecards:indicator", draft.pk, "1.1"))
    ui.page.locator("#criterion-approaches-a").get_by_label("Not met", exact=True).check()
    ui.submit("Save")
    step = ui.page.get_by_role("region", name="The rating would go down")
    expect(step).to_be_focused()
    expect(step).to_contain_text(
        "Saving lowers the rating of PI 1.1 from “Approaches minimum requirements” (2022) "
        "to “Missing requirements”."
    )
    assert indicator_row(draft, "1.1").level == "approaches"
    step.get_by_label("Yes, lower the rating to “Missing requirements”").check()
    step.get_by_role("button", name="Save the lower rating").click()
    expect(ui.page.get_by_role("status")).to_contain_text("PI 1.1 was saved.")
    assert indicator_row(draft, "1.1").level == "missing"
    ui.assert_no_console_errors()


# --- evidence from the indicator --------------------------------------------------------------


def test_evidence_is_added_from_the_indicator_being_answered(
    ui: Ui, people: World, made: Scorecards
) -> None:
    draft = made.draft
    ui.sign_in_directly(people.bolat)
    ui.goto(ui.url("scorecards:indicator", draft.pk, "3.1"))
    ui.page.get_by_text("Add evidence for PI 3.1").click()
    form = ui.page.locator("form", has=ui.page.get_by_role("button", name="Add the link"))
    expect(form.get_by_label("Indicator")).to_have_value("3.1")
    expect(form.get_by_label("Category")).to_have_value("government")
    form.get_by_label("Link").fill("https://example.org/nap-1325")
    form.get_by_label("Title").fill("National action plan 1325")
    form.get_by_role("button", name="Add the link").click()
    expect(ui.page.get_by_role("status")).to_contain_text("The link was added to the evidence.")
    expect(ui.page).to_have_url(re.compile(r"/indicators/3.1/#evidence$"))
    table = ui.page.get_by_role("region", name="Evidence for this indicator")
    expect(table).to_contain_text("National action plan 1325")
    ui.assert_no_console_errors()


# --- two tabs, one indicator ----------------------------------------------------------------


def test_the_later_of_two_tabs_is_refused_keeps_what_was_typed_and_offers_a_reload(
    ui: Ui, people: World, made: Scorecards
) -> None:
    draft = made.draft
    ui.sign_in_directly(people.bolat)
    url = ui.url("scorecards:indicator", draft.pk, CODE)
    ui.goto(url)
    later = Ui(ui.page.context.new_page(), ui.base_url)  # the same person, a second tab
    try:
        later.goto(url)

        answer(ui.page, made, "a", "Met").check()
        ui.submit("Save")
        expect(ui.page.get_by_role("status")).to_contain_text(f"PI {CODE} was saved.")

        answer(later.page, made, "a", "Not met").check()
        finding = later.page.get_by_label("Findings for Meets minimum requirements (a)")
        finding.fill("Typed in the second tab")
        later.submit("Save")
        alert = later.page.get_by_role("alert")
        expect(alert).to_contain_text(
            f"PI {CODE} was changed by Bolat after you opened it. Reload to see their "
            "version; your changes were not saved."
        )
        assert later.documents[later.page.url] == 409
        expect(finding).to_have_value("Typed in the second tab")
        expect(answer(later.page, made, "a", "Not met")).to_be_checked()

        alert.get_by_role("link", name="reload the latest version").click()
        expect(later.page).to_have_url(url)
        expect(later.page.get_by_role("alert")).to_have_count(0)
        expect(answer(later.page, made, "a", "Met")).to_be_checked()
        expect(finding).to_have_value("")
        rating = later.page.get_by_role("region", name="Rating", exact=True)
        expect(rating.get_by_role("definition").first).to_have_text(
            "Approaches minimum requirements"
        )
        row = indicator_row(draft, CODE)
        assert (row.answers["meets.a"], row.findings, row.version) == ("met", {}, 2)
        later.assert_no_console_errors()
    finally:
        later.detach()
        later.page.close()
    ui.assert_no_console_errors()


# --- the report -------------------------------------------------------------------------


def test_the_report_shows_its_chart_and_its_files_are_a_pdf_and_a_word_document(
    ui: Ui, people: World, made: Scorecards
) -> None:
    draft = made.draft
    ui.sign_in_directly(people.sara)  # a viewer may read the report
    ui.goto(ui.url("scorecards:report", draft.pk))
    figure = ui.page.get_by_role(
        "figure", name="Indicators at each level, by dimension: UNCT Kazakhstan, 2022"
    )
    chart = figure.get_by_role("img", name="Ratings by dimension, 2022")
    expect(chart).to_be_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 400 and box["height"] > 150, box
    # What the chart shows, in words, for those who do not see it.
    expect(figure).to_contain_text(
        "Ratings by dimension. Planning: Approaches minimum requirements 1, Meets minimum "
        "requirements 1, Not rated yet 1;"
    )

    pdf_link = ui.page.get_by_role("link", name="PDF document")
    with (
        ui.page.expect_response(lambda response: "/report.pdf" in response.url) as answered,
        ui.page.expect_download() as downloaded,
    ):
        pdf_link.click()
    assert answered.value.status == 200
    assert answered.value.headers["content-type"] == PDF
    assert downloaded.value.suggested_filename == "unct-kazakhstan-2022-scorecard.pdf"
    assert Path(downloaded.value.path()).read_bytes().startswith(b"%PDF-")

    # The report in Spanish: the page and its files follow the chosen language.
    ui.page.get_by_label("Language of the report").select_option("es")
    expect(ui.page).to_have_url(re.compile(r"/report/\?lang=es$"))
    expect(ui.page.locator("article.report")).to_have_attribute("lang", "es")
    expect(pdf_link).to_have_attribute("href", re.compile(r"\?lang=es$"))
    href = ui.page.get_by_role("link", name="Word document (.docx)").get_attribute("href")
    assert href is not None and href.endswith("?lang=es"), href
    response = ui.page.request.get(ui.base_url + href)  # with the tab's session
    assert response.status == 200, f"{href} answered {response.status}"
    assert response.headers["content-type"] == DOCX
    assert response.headers["content-disposition"] == (
        'attachment; filename="unct-kazakhstan-2022-scorecard-es.docx"'
    )
    assert response.body().startswith(b"PK\x03\x04")  # a zip, as .docx files are
    ui.assert_no_console_errors()
