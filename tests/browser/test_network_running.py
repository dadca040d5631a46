"""The pages that run the network in a real browser: each fits a 390 px phone, and the
attendance sheet is taken with a tap and one button."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from cometa.network.models import Attendance
from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, Ui
from tests.browser.network_running_pages import RUNNING_PAGES
from tests.browser.test_layout import PHONE, TOUCH, measure
from tests.conftest import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]


@pytest.mark.parametrize("phone_page", RUNNING_PAGES, ids=[page.id for page in RUNNING_PAGES])
def test_the_page_fits_a_phone(ui: Ui, people: World, phone_page) -> None:  # type: ignore[no-untyped-def]
    """As ``test_layout``: nothing wider than the screen outside a scroll box, every
    scroll box reachable by keyboard and named, touch targets of at least 24 px."""
    ui.page.set_viewport_size({"width": PHONE, "height": 844})
    try:
        phone_page.open(ui, people)
        found = measure(ui)
    finally:
        ui.page.set_viewport_size({"width": 1280, "height": 800})
    assert found["scrollWidth"] <= found["innerWidth"], f"{phone_page.id} is too wide"
    assert not found["wide"], found["wide"][:8]
    assert not found["unreachable"], found["unreachable"]
    assert not found["small"], f"under {TOUCH} px: {found['small'][:8]}"


def test_attendance_is_taken_with_a_tap_and_one_button(ui: Ui, people: World) -> None:
    sheet = next(page for page in RUNNING_PAGES if page.id == "network-attendance")
    ui.page.set_viewport_size({"width": 390, "height": 844})
    try:
        sheet.open(ui, people)
        row = ui.page.locator(".tick-list label").first
        assert row.bounding_box()["height"] >= 44  # type: ignore[index]
        row.click()  # anywhere on the row: she was present, now unticked
        ui.page.get_by_role("button", name="Save attendance").click()
        expect(ui.page.get_by_role("status")).to_contain_text("Attendance saved")
        assert list(Attendance.objects.values_list("status", flat=True)) == ["absent"]
    finally:
        ui.page.set_viewport_size({"width": 1280, "height": 800})
