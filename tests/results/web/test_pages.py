"""The plan and outcome pages: what they show, and the changes editors make there
(narrative with its locking, facts, partners, budget lines), each through its service."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django.urls import reverse

from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.indicators.periods import year
from cometa.indicators.texts import Text
from cometa.results.inputs import FactContent, NarrativeContent, ValueInput
from cometa.results.models import BudgetLine, Fact, Narrative, Partner
from cometa.results.services import framework, reporting, values
from tests.conftest import signed_in

pytestmark = pytest.mark.django_db


def _narrative(offices, text="2,763 women enrolled in 15 centres.", progress="on_track"):
    return reporting.narrative_save(
        actor=SYSTEM,
        outcome=offices.outcome,
        year=2022,
        content=NarrativeContent(Text(text), progress),
        expected_version=0,
    )


def _outcome_url(offices, year_=2022):
    return reverse("results:outcome", args=[offices.outcome.pk]) + f"?year={year_}"


def test_the_plan_page_shows_outcomes_outputs_indicators_partners_and_progress(offices):
    _narrative(offices)
    framework.partner_add(
        actor=SYSTEM, outcome=offices.outcome, name="INMUJERES", kind="government"
    )
    framework.joint_programme_save(
        actor=SYSTEM, plan=offices.plan, name="Spotlight Initiative",
        entities=["UNDP", "UNFPA"], outcome_ids=[offices.outcome.pk],
    )  # fmt: skip
    client = signed_in(offices.vic)
    listing = client.get(reverse("results:plans")).content.decode()
    assert reverse("results:plan", args=[offices.plan.pk]) in listing
    page = client.get(reverse("results:plan", args=[offices.plan.pk])).content.decode()
    assert "XM-DAC-41146-MEX_D_2.2" in page
    assert "decent work programmes" in page
    assert "D_2.2.1" in page and "Women gain skills." in page
    assert reverse("results:values", args=[offices.enrolled.pk]) in page
    assert "INMUJERES" in page
    assert "Spotlight Initiative" in page and "UNDP, UNFPA" in page
    assert "On track" in page  # the 2022 assessment in the progress table
    office = offices.plan.office.pk
    assert reverse("results:report", args=[office, 2022]) in page  # each year's report
    assert reverse("results:report", args=[office, offices.plan.end_year]) in page
    assert reverse("results:overview") in listing


def test_the_outcome_page_shows_values_by_year_and_checks_facts(offices):
    narrative = _narrative(offices)
    values.value_record(
        actor=SYSTEM, indicator=offices.enrolled,
        value=ValueInput("actual", year(2022), "", Decimal(2763)), expected_revision=0,
    )  # fmt: skip
    reporting.fact_add(
        actor=SYSTEM, narrative=narrative,
        content=FactContent(Decimal(2763), "women enrolled", indicator=offices.enrolled.pk),
    )  # fmt: skip
    reporting.fact_add(
        actor=SYSTEM, narrative=narrative,
        content=FactContent(Decimal(16), "centres", indicator=offices.enrolled.pk),
    )  # fmt: skip
    page = signed_in(offices.vic).get(_outcome_url(offices)).content.decode()
    assert "2763" in page  # the actual in the values table
    assert "Matches the value" in page
    assert "Differs: the value is 2763" in page
    assert "The narrative does not show this figure." in page  # 16 is not in the text
    assert "Save the narrative" not in page  # a viewer gets no forms


def test_an_editor_writes_the_narrative_and_it_is_audited(offices):
    client = signed_in(offices.elena)
    assert "Save the narrative" in client.get(_outcome_url(offices)).content.decode()
    url = reverse("results:narrative", args=[offices.outcome.pk, 2022])
    response = client.post(
        url, {"progress": "partly", "text_en": "Progress was made.", "version": 0}
    )
    assert response.status_code == 302
    narrative = Narrative.objects.get()
    assert (narrative.progress, narrative.text["en"]) == ("partly", "Progress was made.")
    assert AuditEntry.objects.filter(action="results.narrative.save").exists()


def test_a_narrative_changed_meanwhile_shows_their_version_and_a_reload(offices):
    _narrative(offices, "Their version of the year.", "off_track")
    client = signed_in(offices.elena)
    url = reverse("results:narrative", args=[offices.outcome.pk, 2022])
    response = client.post(url, {"progress": "partly", "text_en": "Mine.", "version": 0})
    assert response.status_code == 409
    page = response.content.decode()
    assert "Someone else changed this narrative" in page
    assert "Their version of the year." in page and "Off track" in page
    assert "Mine." in page  # what she typed stays in the form
    assert "reload the latest version" in page
    assert Narrative.objects.get().text["en"] == "Their version of the year."


def test_a_narrative_without_english_names_the_field(offices):
    client = signed_in(offices.elena)
    url = reverse("results:narrative", args=[offices.outcome.pk, 2022])
    response = client.post(url, {"progress": "partly", "text_es": "Solo español.", "version": 0})
    assert response.status_code == 400
    assert "Narrative in English: Give the text in English at least." in response.content.decode()
    assert not Narrative.objects.exists()


def test_facts_are_added_and_removed(offices):
    _narrative(offices)
    client = signed_in(offices.elena)
    url = reverse("results:fact-add", args=[offices.outcome.pk, 2022])
    missing = client.post(url, {"value": "15", "kind": "actual"})
    assert missing.status_code == 400
    assert "What it counts: This field is required." in missing.content.decode()
    bad_key = client.post(
        url,
        {"value": "15", "label": "centres", "kind": "actual",
         "indicator": offices.enrolled.pk, "key": "sex=F"},
    )  # fmt: skip
    assert bad_key.status_code == 400
    assert "Disaggregation: The indicator is not disaggregated by sex" in bad_key.content.decode()
    assert (
        client.post(url, {"value": "15", "label": "centres", "kind": "actual"}).status_code == 302
    )
    fact = Fact.objects.get()
    assert client.post(reverse("results:fact-remove", args=[fact.pk])).status_code == 302
    assert not Fact.objects.exists()
    assert AuditEntry.objects.filter(action="results.fact.remove").exists()


def test_partners_are_added_and_removed(offices):
    client = signed_in(offices.elena)
    url = reverse("results:partner-add", args=[offices.outcome.pk])
    assert client.post(url, {"name": "INMUJERES", "kind": "government"}).status_code == 302
    twice = client.post(url, {"name": "INMUJERES", "kind": "government"})
    assert twice.status_code == 400
    assert "already listed" in twice.content.decode()
    partner = Partner.objects.get()
    remove = reverse("results:partner-remove", args=[offices.outcome.pk, partner.pk])
    assert client.post(remove).status_code == 302
    assert not Partner.objects.exists()


def test_budget_lines_with_their_marker_and_the_totals_page(offices):
    client = signed_in(offices.elena)
    url = reverse("results:budget-save", args=[offices.output.pk])
    line = {"year": 2022, "amount": "750", "currency": "usd", "marker": 3}
    assert client.post(url, line).status_code == 302
    assert (
        client.post(url, {**line, "activity": "Radio", "amount": "250", "marker": 0}).status_code
        == 302
    )
    assert BudgetLine.objects.count() == 2
    bad = client.post(url, {**line, "currency": "U5D"})
    assert bad.status_code == 400
    assert "Currency:" in bad.content.decode()
    totals = reverse("results:budgets") + f"?office={offices.mexico.pk}&year=2022"
    page = signed_in(offices.world.rita).get(totals).content.decode()
    assert "1,000.00" in page and "750.00" in page
    assert "75.0 %" in page
    assert signed_in(offices.kai).get(totals).status_code == 404


@pytest.mark.parametrize(
    ("language", "words"),
    [("es", "Narrativa y progreso"), ("ru", "Описание и прогресс")],
)
def test_pages_render_in_spanish_and_russian(offices, language, words):
    _narrative(offices)
    client = signed_in(offices.elena)
    outcome = client.get(_outcome_url(offices), HTTP_ACCEPT_LANGUAGE=language)
    assert outcome.status_code == 200
    assert words in outcome.content.decode()
    for url in (
        reverse("results:plan", args=[offices.plan.pk]),
        reverse("results:values", args=[offices.enrolled.pk]) + "?period=2022",
        reverse("results:knowledge"),
        reverse("results:budgets"),
    ):
        response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
        assert response.status_code == 200, url
        assert f'lang="{language}"' in response.content.decode()
