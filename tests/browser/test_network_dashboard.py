"""The dashboard of common indicators in a real browser: at a phone's width nothing is wider
than the screen outside a named, focusable scroll box and touch targets are big enough,
axe-core finds no serious violation (charts, tables and forms are named), and a
coordinator's "Recompute" lands on the job's page. A small generated network with one
stored run and two years of trends; bounded to a few pages."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest
from django.urls import reverse

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.roles import Role
from cometa.indicators.codelist_store import codelists_sync
from cometa.indicators.periods import custom, year
from cometa.network.generator.run import generate
from cometa.network.models import IndicatorRun, Member
from cometa.network.services.indicator_runs import indicators_run
from cometa.network.services.indicators import recompute
from tests.browser.conftest import CHROMIUM, CHROMIUM_MISSING, Ui
from tests.browser.test_accessibility import FAIL_ON, axe_violations, report
from tests.browser.test_layout import PHONE, TOUCH, measure
from tests.conftest import World, make_person

pytestmark = [
    pytest.mark.browser,
    pytest.mark.xdist_group("browser"),
    pytest.mark.skipif(not CHROMIUM.exists(), reason=CHROMIUM_MISSING),
]


@pytest.fixture
def measured(people: World) -> dict[str, Any]:
    codelists_sync()  # the live server's database is emptied between tests, migrations' rows too
    network = generate(women=150, seed=11, name="Browser dashboard").network
    recompute(actor=SYSTEM, network=network)
    for each in (2023, 2024):
        indicators_run(actor=SYSTEM, network=network, period=year(each),
                       scope=IndicatorRun.Scope.HEADLINE)  # fmt: skip
    indicators_run(actor=SYSTEM, network=network, period=custom(date(2020, 1, 1),
                                                                date(2027, 12, 31)))  # fmt: skip
    member = Member.objects.filter(network=network).exclude(organisation=network.backbone)[0]
    partner = make_person("partner-staff@example.org", "Partner staff")
    accounts.membership_add(
        actor=SYSTEM, organisation=member.organisation, person=partner, role=Role.VIEWER
    )
    return {"network": network, "partner": partner, "backbone": people.ada}


def _phone_check(ui: Ui, path: str) -> None:
    ui.page.set_viewport_size({"width": PHONE, "height": 844})
    try:
        ui.goto(path)
        found = measure(ui)
        violations = axe_violations(ui)
    finally:
        ui.page.set_viewport_size({"width": 1280, "height": 800})
    assert not found["wide"], found["wide"][:8]
    assert found["scrollWidth"] <= found["innerWidth"], f"{path} is too wide"
    assert not found["unreachable"], found["unreachable"]
    assert not found["small"], f"under {TOUCH} px: {found['small'][:8]}"
    serious = [violation for violation in violations if violation["impact"] in FAIL_ON]
    assert not serious, f"axe-core on {path}:\n{report(serious)}"
    ui.assert_no_console_errors()


def test_the_backbone_dashboard_and_drill_down_fit_a_phone(ui: Ui, measured) -> None:  # type: ignore[no-untyped-def]
    network = measured["network"]
    ui.sign_in_directly(measured["backbone"])
    _phone_check(ui, reverse("network:indicators", args=[network.pk]))
    assert ui.page.locator("figure.chart svg[role=img]").count() >= 1
    assert ui.page.locator("table caption").count() >= 9  # the headline and each trend
    _phone_check(
        ui, reverse("network:indicator", args=[network.pk, "CI-05"]) + "?by=site&dimension=age"
    )
    assert ui.page.locator("th[scope=row]").count() >= 2


def test_a_partner_dashboard_fits_a_phone_and_says_whose_rows(ui: Ui, measured) -> None:  # type: ignore[no-untyped-def]
    ui.sign_in_directly(measured["partner"])
    _phone_check(ui, reverse("network:indicators", args=[measured["network"].pk]))
    note = ui.page.get_by_role("note")
    assert "Other partners' rows are not shown to you" in note.inner_text()
    assert ui.page.get_by_role("button", name="Recompute").count() == 0


def test_recompute_goes_to_the_job_page(ui: Ui, measured) -> None:  # type: ignore[no-untyped-def]
    network = measured["network"]
    ui.sign_in_directly(measured["backbone"])
    ui.goto(reverse("network:indicators", args=[network.pk]))
    ui.page.fill("#recompute-period", "2024")
    ui.submit("Recompute")
    assert "/jobs/" in ui.page.url, ui.page.url
    ui.assert_no_console_errors()
