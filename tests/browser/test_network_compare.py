"""The comparison, reach and reference pages in a real browser: on a 390 px phone nothing
is wider than the screen outside a named scroll box reachable by keyboard, touch targets
are at least 24 px, and axe-core finds no serious or critical violation; the chart is
also there as a table."""

from __future__ import annotations

from typing import Any

import pytest

from cometa.indicators.codelist_store import codelists_sync
from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, Ui, enrol
from tests.browser.test_accessibility import FAIL_ON, axe_violations, report
from tests.browser.test_layout import PHONE, TOUCH, measure
from tests.network.compare_world import compared_network

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]


def _paths(made: dict[str, Any]) -> list[str]:
    network, site = made["network"].pk, made["site"].pk
    return [f"/network/{network}/compare/", f"/network/{network}/compare/{site}/",
            f"/network/{network}/reach/", f"/network/{network}/reach/references/"]  # fmt: skip


def test_the_pages_fit_a_phone_and_pass_axe(ui: Ui, transactional_db: None) -> None:
    codelists_sync()  # the live server's database is emptied between tests, migrations' rows too
    made = compared_network()
    ui.sign_in_directly(enrol(made["coordinator"]))  # coordinators give a second factor
    ui.page.set_viewport_size({"width": PHONE, "height": 844})
    try:
        for path in _paths(made):
            ui.goto(path)
            assert ui.page.url == ui.base_url + path, ui.page.url
            found = measure(ui)
            assert found["scrollWidth"] <= found["innerWidth"], f"{path} is too wide"
            assert not found["wide"], (path, found["wide"][:8])
            assert not found["unreachable"], (path, found["unreachable"])
            assert not found["small"], f"{path}: under {TOUCH} px: {found['small'][:8]}"
            serious = [v for v in axe_violations(ui) if v["impact"] in FAIL_ON]
            assert not serious, f"axe-core on {path}:\n{report(serious)}"
        ui.goto(_paths(made)[1])
        assert ui.page.locator("figure svg").count() == 1
        assert ui.page.locator("table").count() >= 2  # the chart's values, and the context
    finally:
        ui.page.set_viewport_size({"width": 1280, "height": 800})
    ui.assert_no_console_errors()
