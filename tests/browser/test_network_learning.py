"""The learning pages in a real browser: no serious accessibility violation (axe-core,
folded forms opened) and each fits a 390 px phone."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, SitePage, Ui
from tests.browser.network_learning_pages import LEARNING_PAGES
from tests.browser.test_accessibility import FAIL_ON, axe_violations, report
from tests.browser.test_layout import PHONE, TOUCH, measure
from tests.conftest import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]
IDS = [page.id for page in LEARNING_PAGES]


@pytest.mark.parametrize("learning_page", LEARNING_PAGES, ids=IDS)
def test_no_serious_accessibility_violation(ui: Ui, people: World, learning_page: SitePage) -> None:
    learning_page.open(ui, people)
    serious = [v for v in axe_violations(ui) if v["impact"] in FAIL_ON]
    assert not serious, f"axe-core on {ui.page.url}:\n{report(serious)}"
    ui.assert_no_console_errors()


@pytest.mark.parametrize("learning_page", LEARNING_PAGES, ids=IDS)
def test_the_page_fits_a_phone(ui: Ui, people: World, learning_page: SitePage) -> None:
    ui.page.set_viewport_size({"width": PHONE, "height": 844})
    try:
        learning_page.open(ui, people)
        found = measure(ui)
        shots = os.environ.get("COMETA_BROWSER_SHOTS")
        if shots:
            Path(shots).mkdir(parents=True, exist_ok=True)
            ui.page.screenshot(path=Path(shots) / f"{learning_page.id}-phone.png", full_page=True)
    finally:
        ui.page.set_viewport_size({"width": 1280, "height": 800})
    assert found["scrollWidth"] <= found["innerWidth"], f"{learning_page.id} is too wide"
    assert not found["wide"], found["wide"][:8]
    assert not found["unreachable"], found["unreachable"]
    assert not found["small"], f"under {TOUCH} px: {found['small'][:8]}"
