"""The data-entry grid in a real browser: a cell is checked as it is typed (htmx posts
it alone), then the grid is saved at once."""

from __future__ import annotations

from decimal import Decimal

import pytest
from playwright.sync_api import expect

from cometa.results.models import ResultIndicator
from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, Ui
from tests.browser.results_pages import RESULTS_PAGES
from tests.conftest import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]


def test_a_cell_is_checked_as_it_is_typed_then_saved(ui: Ui, people: World) -> None:
    grid = next(page for page in RESULTS_PAGES if page.id == "results-values")
    grid.open(ui, people)
    total = ui.page.locator("#id_c-0-target")
    total.fill("2,763")
    expect(ui.page.locator("#err-c-0-target")).to_contain_text(
        "Target, Total: write 2,763 without a thousands separator"
    )
    total.fill("2763")
    expect(ui.page.locator("#err-c-0-target")).to_have_text("")
    ui.submit("Save the values")
    expect(ui.page.get_by_role("status")).to_contain_text("The values were saved.")
    attached = ResultIndicator.objects.get()
    assert attached.values.get(kind="target", key="").value == Decimal(2763)
    ui.assert_no_console_errors()
