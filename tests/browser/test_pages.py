"""The foundation's pages in a real browser: signing in, the second factor, languages,
keyboard use, the organisation search with and without JavaScript, and membership."""

from __future__ import annotations

import re
from collections.abc import Callable

import pyotp
import pytest
from django.contrib.staticfiles import finders
from playwright.sync_api import expect

from cometa.accounts.models import Membership
from cometa.accounts.roles import Role
from tests.browser.conftest import (
    CHROMIUM,
    CHROMIUM_MISSING,
    STYLESHEET,
    SitePage,
    Ui,
    current_code,
    translated,
    wrong_code,
)
from tests.conftest import PASSWORD, World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]

WRONG_SIGN_IN = "The e-mail address or the password is not right."


def test_static_files_are_found_by_the_finders() -> None:
    """collectstatic and every server find cometa.css and app.js through the finders; the
    browser fixtures fall back to the folder itself so the other tests still run."""
    assert finders.find(STYLESHEET), (
        "src/cometa/static is in no installed app and not in STATICFILES_DIRS: pages get "
        "no stylesheet and no script (add STATICFILES_DIRS = [PACKAGE_DIR / 'static'])"
    )


def test_the_stylesheet_and_scripts_apply(ui: Ui, people: World) -> None:
    ui.goto(ui.url("accounts:login"))
    header = ui.page.locator(".site-header")
    expect(header).to_have_css("background-color", "rgb(29, 63, 143)")
    expect(ui.page.locator("html")).to_have_class(re.compile(r"\bjs\b"))  # app.js ran
    assert ui.page.evaluate("() => typeof window.htmx") == "object"
    ui.assert_no_console_errors()


# --- signing in -----------------------------------------------------------------------


def test_a_wrong_password_gets_the_generic_message(ui: Ui, people: World) -> None:
    ui.goto(ui.url("accounts:login"))
    for email in (people.sara.email, "nobody@example.org"):  # the same answer for both
        ui.page.fill("#id_email", email)
        ui.page.fill("#id_password", "not the password")
        ui.submit("Sign in")
        expect(ui.page.get_by_role("alert")).to_have_text(WRONG_SIGN_IN)
        assert ui.documents[ui.page.url] == 400
        expect(ui.page.locator("#id_password")).to_have_value("")
    assert ui.page.url == ui.url("accounts:login")
    ui.assert_no_console_errors()


def test_the_right_password_reaches_the_home_page(ui: Ui, people: World) -> None:
    ui.sign_in(people.sara)
    expect(ui.page.get_by_role("heading", level=1)).to_have_text("Welcome, Sara")
    expect(ui.page.get_by_role("navigation", name="Main")).to_be_visible()
    ui.assert_no_console_errors()


def _password_step(ui: Ui, email: str) -> None:
    ui.goto(ui.url("accounts:login"))
    ui.page.fill("#id_email", email)
    ui.page.fill("#id_password", PASSWORD)
    ui.submit("Sign in")
    assert ui.page.url == ui.url("accounts:second-factor")


def test_a_coordinator_must_give_the_right_second_factor(ui: Ui, people: World) -> None:
    aisha = people.aisha
    _password_step(ui, aisha.email)
    ui.page.fill("#id_code", wrong_code(aisha))
    ui.submit("Confirm")
    expect(ui.page.locator("#id_code_error")).to_have_text(
        "That code is not right. Check the clock of your device."
    )
    ui.goto(ui.url("web:home"))  # still held at the gate
    assert ui.page.url == ui.url("accounts:second-factor")
    ui.page.fill("#id_code", current_code(aisha))
    ui.submit("Confirm")
    assert ui.page.url == ui.url("web:home")
    expect(ui.page.get_by_role("heading", name="Coordination")).to_be_visible()
    ui.assert_no_console_errors()


def test_a_coordinator_enrols_a_second_factor(ui: Ui, people: World) -> None:
    oscar = people.oscar
    _password_step(ui, oscar.email)
    expect(ui.page.locator("figure.qr svg")).to_be_visible()
    secret = ui.page.locator("figure.qr code").inner_text().strip()
    oscar.refresh_from_db()
    assert secret == oscar.totp_secret and not oscar.has_second_factor
    ui.page.fill("#id_code", pyotp.TOTP(secret).now())
    ui.submit("Confirm")
    assert ui.page.url == ui.url("web:home")
    oscar.refresh_from_db()
    assert oscar.has_second_factor
    ui.assert_no_console_errors()


# --- every page: languages and a quiet console ------------------------------------------


def test_the_language_switcher_changes_every_page(
    ui: Ui, people: World, tour: list[SitePage]
) -> None:
    """Spanish, Russian and back on each page; one test per visitor, who signs in once."""
    first = tour[0]
    if first.person is not None:
        ui.sign_in(getattr(people, first.person), second_factor=first.second_factor)
    for page in tour:
        page.visit(ui, people)
        ui.expect_lang("en")
        address = ui.page.url
        for language in ("es", "ru", "en"):
            ui.switch_language(language)
            assert ui.page.url == address, f"{page.id} in {language}: {ui.page.url}"
            text = translated(page.text, language)
            if language == "en" or text != page.text:  # when the catalogue has it
                expect(ui.page.locator("main"), f"{page.id} in {language}").to_contain_text(text)
    ui.assert_no_console_errors()


# --- keyboard ---------------------------------------------------------------------------


def test_the_skip_link_comes_first_and_moves_focus_to_main(ui: Ui, people: World) -> None:
    ui.sign_in(people.sara)
    ui.goto(ui.url("accounts:organisations"))
    ui.page.keyboard.press("Tab")
    skip = ui.page.locator(".skip-link")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box is not None and box["x"] >= 0 and box["y"] >= 0, "focused but off screen"
    ui.page.keyboard.press("Enter")
    expect(ui.page.locator("main")).to_be_focused()
    ui.page.keyboard.press("Tab")
    expect(ui.page.locator("#org-search")).to_be_focused()
    ui.assert_no_console_errors()


# --- the organisation search ------------------------------------------------------------


def test_the_organisation_search_filters_as_you_type(ui: Ui, people: World) -> None:
    ui.sign_in(people.rita)  # a reviewer sees all four organisations
    ui.goto(ui.url("accounts:organisations"))
    rows = ui.page.locator("#organisation-rows tbody tr")
    expect(rows).to_have_count(4)
    ui.page.evaluate("() => { window.cometaSamePage = true; }")
    with ui.page.expect_response(
        lambda response: "q=Mex" in response.url and "hx-request" in response.request.headers
    ):
        ui.page.locator("#org-search").press_sequentially("Mex", delay=40)
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("UNCT Mexico")
    expect(ui.page).to_have_url(re.compile(r"/organisations/\?q=Mex$"))  # hx-push-url
    assert ui.page.evaluate("() => window.cometaSamePage") is True, "the page was reloaded"
    ui.page.locator("#org-search").fill("")
    expect(rows).to_have_count(4)
    ui.assert_no_console_errors()


def test_the_organisation_search_works_without_javascript(
    ui_factory: Callable[..., Ui], people: World
) -> None:
    ui = ui_factory(java_script_enabled=False)
    ui.sign_in(people.rita)
    ui.goto(ui.url("accounts:organisations"))
    ui.page.fill("#org-search", "kaz")
    ui.submit("Search")
    expect(ui.page).to_have_url(re.compile(r"/organisations/\?q=kaz$"))
    rows = ui.page.locator("#organisation-rows tbody tr")
    expect(rows).to_have_count(2)
    expect(rows.nth(0)).to_contain_text("UNCT Kazakhstan")
    expect(rows.nth(1)).to_contain_text("UNDP Kazakhstan")
    # The language form has its own button when no script submits it.
    ui.page.select_option("#language-select", "es")
    ui.submit("Change")
    ui.expect_lang("es")
    expect(ui.page).to_have_url(re.compile(r"/organisations/\?q=kaz$"))


# --- membership -------------------------------------------------------------------------


def test_a_coordinator_adds_a_member_and_changes_a_role(ui: Ui, people: World) -> None:
    ui.sign_in(people.aisha)
    ui.goto(ui.url("accounts:organisation", people.unct.pk))
    ui.page.fill("#id_email", "nina@example.org")
    ui.page.select_option("#id_role", Role.EDITOR)
    ui.page.fill("#id_title", "Gender focal point")
    ui.submit("Add")
    messages = ui.page.get_by_role("status")
    expect(messages).to_contain_text("The member was added.")
    row = ui.page.get_by_role("row").filter(has_text="Nina")
    expect(row.get_by_role("cell").nth(1)).to_have_text("Gender focal point")
    expect(row.get_by_role("cell").nth(2)).to_have_text("Editor")

    role = ui.page.get_by_label("Role of Nina")
    expect(role).to_have_value(Role.EDITOR)
    role.select_option(Role.VIEWER)
    row.get_by_role("button", name="Set role").click()
    expect(messages).to_contain_text("The role was changed.")
    expect(row.get_by_role("cell").nth(2)).to_have_text("Viewer")
    expect(ui.page.get_by_label("Role of Nina")).to_have_value(Role.VIEWER)
    membership = Membership.objects.get(organisation=people.unct, person__email="nina@example.org")
    assert membership.role == Role.VIEWER

    # Removing asks first (app.js); declining keeps the member.
    ui.page.once("dialog", lambda dialog: dialog.dismiss())
    row.get_by_role("button", name="Remove").click()
    expect(row).to_have_count(1)
    ui.page.once("dialog", lambda dialog: dialog.accept())
    row.get_by_role("button", name="Remove").click()
    expect(messages).to_contain_text("The member was removed.")
    expect(row).to_have_count(0)
    ui.assert_no_console_errors()


# --- the audit trail ----------------------------------------------------------------------


def test_the_audit_trail_fits_a_1280_pixel_screen(ui: Ui, people: World) -> None:
    from django.db import transaction

    from cometa.accounts import audit, services
    from cometa.scorecards.frameworks.store import framework_sync_builtin

    framework_sync_builtin()  # entries whose changes are SHA-256 digests: 64 unbroken letters
    long_name = "UNCT Kazakhstan " + "and its partners in the region " * 5  # 171: names hold 200
    services.organisation_update(actor=people.ada, organisation=people.unct, name=long_name)
    with transaction.atomic():  # a link to evidence: one word of 240 characters
        audit.record(
            actor=people.ada,
            action="assessment.evidence.add",
            target=people.unct,
            changes={"url": [None, "https://example.org/" + "report" * 40]},
        )
    ui.sign_in(people.ada)
    ui.goto(ui.url("accounts:audit"))
    expect(ui.page.get_by_role("cell", name="Organisation changed").first).to_be_visible()
    width = ui.page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 1280, f"the audit trail is {width} px wide"
    ui.assert_no_console_errors()
