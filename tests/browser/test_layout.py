"""Every scorecards and results page and the audit trail on a phone (390 px) and a laptop
(1,280 px): nothing wider than the screen except inside a scroll box that the keyboard reaches and a
screen reader names, touch targets at least 24 px on the phone, charts as wide as the
screen allows. A full-page screenshot of each is kept in pytest's temporary folder
(``--basetemp`` to choose it; never committed) to look at."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, SitePage, Ui, all_pages
from tests.browser.results_pages import RESULTS_PAGES
from tests.browser.scorecards_pages import SCORECARDS_PAGES
from tests.conftest import World

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]

PHONE, LAPTOP = 390, 1280
TOUCH = 24  # px, WCAG 2.2 target size (minimum)
SMALLEST_TEXT = 9  # px: a chart's smallest label, as drawn on the screen
LAID_OUT = {page.id for page in [*SCORECARDS_PAGES, *RESULTS_PAGES]} | {"audit-trail"}

#: What sticks out past the right edge of the screen, outside any scroll box; the scroll
#: boxes that scroll and which of them a keyboard cannot reach or has no name; controls
#: smaller than TOUCH (inline links in running text excepted, as WCAG allows).
MEASURE = """(touch) => {
  const width = document.documentElement.clientWidth;
  const scrolls = (element) => ["auto", "scroll", "hidden", "clip"].includes(
    getComputedStyle(element).overflowX);
  // A box clips what it contains, except what is positioned against a box outside it.
  const inScrollBox = (element) => {
    const position = getComputedStyle(element).position;
    if (position === "fixed") return false;
    let up = element.parentElement;
    if (position === "absolute") {
      while (up && up !== document.body && getComputedStyle(up).position === "static") {
        if (scrolls(up)) return false;  // it escapes this one
        up = up.parentElement;
      }
    }
    for (; up && up !== document.body; up = up.parentElement) {
      if (scrolls(up)) return true;
    }
    return false;
  };
  const name = (element) => element.tagName.toLowerCase()
    + (element.id ? "#" + element.id : "")
    + (element.classList.length ? "." + [...element.classList].join(".") : "")
    + " " + JSON.stringify((element.textContent || "").trim().slice(0, 40));
  const wide = [], unreachable = [], small = [];
  for (const element of document.body.querySelectorAll("*")) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) continue;
    if (box.right > width + 0.5 && !inScrollBox(element)) {
      wide.push(`${name(element)} ends at ${Math.round(box.right)}`);
    }
    if (scrolls(element) && element.scrollWidth > element.clientWidth + 1
        && element.tagName !== "HTML" && !element.closest(".visually-hidden")) {
      const labelled = element.getAttribute("aria-label")
        || element.getAttribute("aria-labelledby");
      if (element.tabIndex < 0 || !labelled) unreachable.push(name(element));
    }
  }
  const controls = "button, select, textarea, summary, a.button, .nav a, .tools a, "
    + "input:not([type=hidden])";
  for (const element of document.body.querySelectorAll(controls)) {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || element.closest(".visually-hidden, .skip-link")) continue;
    if (box.height < touch - 0.5 || box.width < touch - 0.5) {
      small.push(`${name(element)} is ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
  }
  const charts = [];  // the smallest text of each chart, in pixels as drawn
  for (const chart of document.querySelectorAll("svg[viewBox]")) {
    const sizes = [...chart.querySelectorAll("text[font-size]")].map(
      (text) => parseFloat(text.getAttribute("font-size")));
    if (!sizes.length) continue;
    const scale = chart.getBoundingClientRect().width / chart.viewBox.baseVal.width;
    charts.push(Math.round(Math.min(...sizes) * scale * 10) / 10);
  }
  return {
    scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth,
    wide, unreachable, small, charts,
  };
}"""


def measure(ui: Ui) -> dict[str, Any]:
    found: dict[str, Any] = ui.page.evaluate(MEASURE, TOUCH)
    return found


def _pages() -> list[SitePage]:
    return [page for page in all_pages() if page.id in LAID_OUT]


@pytest.mark.parametrize("laid_out", _pages(), ids=[page.id for page in _pages()])
def test_the_page_fits_a_phone_and_a_laptop(
    ui: Ui, people: World, laid_out: SitePage, tmp_path_factory: pytest.TempPathFactory
) -> None:
    shots = _shots(tmp_path_factory)
    problems = []
    for width in (PHONE, LAPTOP):
        ui.page.set_viewport_size({"width": width, "height": 844 if width == PHONE else 900})
        if width == PHONE:
            laid_out.open(ui, people)
        found = measure(ui)
        ui.page.screenshot(path=shots / f"{laid_out.id}-{width}.png", full_page=True)
        where = f"{laid_out.id} at {width} px"
        if found["scrollWidth"] > found["innerWidth"]:
            problems.append(f"{where}: the page is {found['scrollWidth']} px wide")
        problems += [f"{where}: {item} (outside a scroll box)" for item in found["wide"][:8]]
        problems += [
            f"{where}: {item} scrolls but the keyboard cannot reach it or it has no name"
            for item in found["unreachable"]
        ]
        if width == PHONE:
            problems += [f"{where}: {item}, under {TOUCH} px" for item in found["small"][:8]]
            problems += [
                f"{where}: a chart's smallest text is {chart} px, under {SMALLEST_TEXT}"
                for chart in found["charts"]
                if chart < SMALLEST_TEXT
            ]
    ui.page.set_viewport_size({"width": LAPTOP, "height": 900})
    assert not problems, "\n".join(problems)
    ui.assert_no_console_errors()


def _shots(factory: pytest.TempPathFactory) -> Path:
    folder = factory.getbasetemp() / "layout-shots"
    folder.mkdir(exist_ok=True)
    return folder
