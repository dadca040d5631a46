"""axe-core on every page a person can reach: no serious or critical violation.

Set COMETA_BROWSER_SHOTS to a folder to keep a full-page screenshot of each page checked.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import axe_playwright_python
import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, SitePage, Ui
from tests.conftest import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]

AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text()
FAIL_ON = {"serious", "critical"}


def axe_violations(ui: Ui) -> list[dict[str, Any]]:
    """Runs axe-core in the page. page.evaluate goes through the DevTools protocol, so the
    page's Content-Security-Policy needs no bypass."""
    ui.page.evaluate(AXE_JS)
    results = ui.page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    return list(results["violations"])


def report(violations: list[dict[str, Any]]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"  - {' '.join(map(str, node['target']))}")
    return "\n".join(lines)


def test_page_has_no_serious_accessibility_violation(
    ui: Ui, people: World, site_page: SitePage
) -> None:
    site_page.open(ui, people)
    violations = axe_violations(ui)
    shots = os.environ.get("COMETA_BROWSER_SHOTS")
    if shots:
        Path(shots).mkdir(parents=True, exist_ok=True)
        ui.page.screenshot(path=Path(shots) / f"{site_page.id}.png", full_page=True)
    serious = [violation for violation in violations if violation["impact"] in FAIL_ON]
    assert not serious, f"axe-core on {ui.page.url}:\n{report(serious)}"
    ui.assert_no_console_errors()
