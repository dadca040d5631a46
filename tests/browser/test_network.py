"""The network's pages in a real browser: usable on a 390 px phone (nothing wider than
the screen but the tables' own scroll boxes), and the worklist's forms at work."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cometa.network.models import ContactAttempt
from tests.browser.conftest import Ui
from tests.browser.network_pages import NETWORK_PAGES
from tests.conftest import World

pytestmark = pytest.mark.browser

PHONE_PAGES = [page for page in NETWORK_PAGES if page.id != "network-list"]


@pytest.mark.parametrize("phone_page", PHONE_PAGES, ids=[page.id for page in PHONE_PAGES])
def test_the_page_fits_a_phone(ui: Ui, people: World, phone_page) -> None:  # type: ignore[no-untyped-def]
    ui.page.set_viewport_size({"width": 390, "height": 844})
    try:
        phone_page.open(ui, people)
        width = ui.page.evaluate("() => document.documentElement.scrollWidth")
        assert width <= 390, f"{phone_page.id} is {width} px wide"
    finally:
        ui.page.set_viewport_size({"width": 1280, "height": 800})


def test_field_staff_record_an_attempt_from_the_worklist(ui: Ui, people: World) -> None:
    worklist = next(page for page in NETWORK_PAGES if page.id == "network-worklist")
    worklist.open(ui, people)  # which opens the folded forms
    card = ui.page.locator(".worklist > li").first
    card.get_by_label("Result").select_option("no_answer")
    card.get_by_role("button", name="Record the attempt").click()
    expect(ui.page.get_by_role("status")).to_contain_text("Recorded for")
    assert ContactAttempt.objects.filter(result="no_answer").count() == 1
