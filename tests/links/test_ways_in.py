"""The suggestions on the indicator page and in the API: shown beside the indicator with their
evidence to who may read the office, accepted or overridden from both."""

from __future__ import annotations

import json

from cometa.scorecards.models import SuggestionDecision
from tests.conftest import signed_in
from tests.links.conftest import attach_cf

API = "/api/v1/scorecards/assessments/"


def page_url(country, code: str = "1.3") -> str:
    return f"/scorecards/{country.assessment.pk}/indicators/{code}/"


def send(client, url: str, body: dict) -> object:
    return client.post(url, json.dumps(body), content_type="application/json")


def test_the_page_shows_the_suggestion_with_its_evidence(country) -> None:
    attach_cf(country, 78, 38)
    shown = signed_in(country.world.aisha).get(page_url(country)).content.decode()
    assert 'id="suggestions"' in shown
    assert "38 of 78 Cooperation Framework indicators" in shown
    assert "KAZ-CF-01 v1" in shown and "Accept the suggestion" in shown
    hidden = signed_in(country.world.bolat).get(page_url(country)).content.decode()
    assert 'id="suggestions"' not in hidden
    assert "UN Women Kazakhstan" not in hidden and "KAZ-CF-01" not in hidden


def test_the_page_accepts_and_overrides(country) -> None:
    attach_cf(country, 78, 38)
    client = signed_in(country.world.aisha)
    url = page_url(country) + "suggestion/"
    refused = client.post(url, {"source": "results", "decision": "override", "reason": ""})
    assert refused.status_code == 400
    page = refused.content.decode()
    assert "Say why the team does not take the suggestion." in page
    assert 'href="#id_suggestion_reason-results"' in page  # the summary links to the field
    assert 'aria-describedby="suggestion-error-results"' in page
    done = client.post(url, {"source": "results", "decision": "override", "reason": "Recounted."})
    assert done.status_code == 302 and done["Location"].endswith("#suggestions")
    stale = client.post(url, {"source": "results", "decision": "accept", "version": "9"})
    assert stale.status_code == 409
    accepted = client.post(url, {"source": "results", "decision": "accept", "version": "1"})
    assert accepted.status_code == 302
    assert list(SuggestionDecision.objects.values_list("decision", flat=True)) == [
        "accepted",
        "overridden",
    ]
    shown = client.get(page_url(country)).content.decode()
    assert "Recounted." in shown and "Accepted" in shown


def test_the_page_answers_404_for_a_suggestion_the_person_cannot_see(country) -> None:
    attach_cf(country, 3, 1)
    client = signed_in(country.world.bolat)
    url = page_url(country) + "suggestion/"
    answer = client.post(url, {"source": "results", "decision": "override", "reason": "x"})
    assert answer.status_code == 404
    assert not SuggestionDecision.objects.exists()


def test_the_api_lists_and_decides(country) -> None:
    attach_cf(country, 78, 38)
    client = signed_in(country.world.aisha)
    listed = client.get(f"{API}{country.assessment.pk}/suggestions/").json()
    assert [(item["indicator_code"], item["level"]) for item in listed] == [("1.3", "meets")]
    assert listed[0]["figures"]["counted"] == 78 and listed[0]["decision"] is None
    url = f"{API}{country.assessment.pk}/suggestions/1.3/"
    missing = send(client, url, {"source": "results", "decision": "accept"})
    assert missing.status_code == 400 and "version" in missing.json()["error"]["fields"]
    accepted = send(client, url, {"source": "results", "decision": "accept", "version": 1})
    assert accepted.status_code == 201, accepted.content
    assert accepted.json()["decision"] == "accepted"
    listed = client.get(f"{API}{country.assessment.pk}/suggestions/").json()
    assert listed[0]["decision"]["suggested_level"] == "meets"
    assert (
        signed_in(country.world.bolat).get(f"{API}{country.assessment.pk}/suggestions/").json()
        == []
    )
