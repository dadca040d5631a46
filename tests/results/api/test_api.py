"""The results API end to end: building a framework, entering values and narratives with
the version seen (409 when someone changed them meanwhile), facts and their check, the
knowledge search and the budget totals."""

from __future__ import annotations

import json

from cometa.results.models import Narrative
from tests.conftest import signed_in

API = "/api/v1/results/"


def send(client, method: str, url: str, body: dict) -> object:
    return client.generic(method, url, json.dumps(body), content_type="application/json")


def test_an_editor_builds_and_reports_through_the_api(offices) -> None:
    client = signed_in(offices.elena)
    plan = client.get(f"{API}plans/{offices.plan.pk}/").json()
    assert plan["outcomes"][0]["identifier"] == "XM-DAC-41146-MEX_D_2.2"
    assert plan["outcomes"][0]["outputs"][0]["code"] == "D_2.2.1"
    created = send(
        client,
        "POST",
        f"{API}plans/{offices.plan.pk}/outcomes/",
        {"code": "D_1.1", "statement": {"en": "Planning with a gender perspective."}},
    )
    assert created.status_code == 201, created.content
    assert created.json()["identifier"] == "XM-DAC-41146-MEX_D_1.1"
    refused = send(
        client,
        "POST",
        f"{API}plans/{offices.plan.pk}/outcomes/",
        {"code": "X", "statement": {"en": "x"}},
    )
    assert refused.status_code == 400 and "code" in refused.json()["error"]["fields"]


def test_two_people_entering_the_same_value_get_a_409_and_lose_nothing(offices) -> None:
    url = f"{API}indicators/{offices.enrolled.pk}/values/"
    body = {"kind": "actual", "period": "2022", "key": "age=Y15T24", "expected_revision": 0}
    first = send(signed_in(offices.elena), "POST", url, {**body, "value": "400"})
    assert first.status_code == 201 and first.json()["revision"] == 1
    second = send(signed_in(offices.world.ada), "POST", url, {**body, "value": "410"})
    assert second.status_code == 409
    assert second.json()["error"]["code"] == "stale"
    [stored] = signed_in(offices.vic).get(url).json()["results"]
    assert (stored["value"], stored["key"], stored["source"]) == (
        "400.000000",
        "age=Y15T24",
        "entered",
    )


def test_narratives_are_locked_by_version(offices) -> None:
    url = f"{API}outcomes/{offices.outcome.pk}/narratives/2022/"
    elena, ada = signed_in(offices.elena), signed_in(offices.world.ada)
    body = {"text": {"en": "2,763 women enrolled."}, "progress": "on_track", "expected_version": 0}
    assert send(elena, "PUT", url, body).json()["version"] == 1
    assert (
        send(ada, "PUT", url, {**body, "progress": "partly", "expected_version": 1}).status_code
        == 200
    )
    stale = send(elena, "PUT", url, {**body, "progress": "off_track", "expected_version": 1})
    assert stale.status_code == 409 and stale.json()["error"]["code"] == "edit_conflict"
    assert Narrative.objects.get().progress == "partly"
    fact = send(
        elena,
        "POST",
        url + "facts/",
        {"value": "2763", "label": "women enrolled", "indicator": offices.enrolled.pk},
    )
    assert fact.status_code == 201, fact.content
    [check] = elena.get(url + "checks/").json()
    assert (check["fact"], check["status"]) == (fact.json()["id"], "no_value")


def test_knowledge_search_and_budget_totals(offices) -> None:
    client = signed_in(offices.elena)
    for title, kind in [("National Map of Care", "tool"), ("Migration study", "study")]:
        body = {
            "office": offices.mexico.pk,
            "title": title,
            "kind": kind,
            "year": 2022,
            "partners": ["COLMEX"],
        }
        assert send(client, "POST", f"{API}knowledge/", body).status_code == 201
    found = client.get(f"{API}knowledge/?q=care&year=2022").json()["results"]
    assert [row["title"] for row in found] == ["National Map of Care"]
    assert client.get(f"{API}knowledge/?kind=poem").status_code == 400
    line = send(
        client,
        "PUT",
        f"{API}outputs/{offices.output.pk}/budget/",
        {"year": 2022, "amount": "1000", "currency": "USD", "marker": 3},
    )
    assert line.status_code == 200, line.content
    totals = client.get(f"{API}budgets/?office={offices.mexico.pk}&year=2022").json()
    assert totals == [
        {"currency": "USD", "total": "1000.00", "marked": "1000.00", "share": "1.0000"}
    ]
    assert (
        signed_in(offices.kai)
        .get(f"{API}budgets/?office={offices.mexico.pk}&year=2022")
        .status_code
        == 404
    )


def test_the_progress_overview_for_headquarters(offices) -> None:
    url = f"{API}outcomes/{offices.outcome.pk}/narratives/2022/"
    body = {"text": {"en": "x"}, "progress": "on_track", "expected_version": 0}
    assert send(signed_in(offices.elena), "PUT", url, body).status_code == 200
    rows = signed_in(offices.world.rita).get(f"{API}progress/?year=2022").json()
    assert rows == [
        {
            "office_id": offices.mexico.pk,
            "office": "UN Women Mexico",
            "region": "LAC",
            "counts": {"on_track": 1, "partly": 0, "off_track": 0, "not_assessed": 0},
            "on_track_share": "1.0000",
        }
    ]
    assert signed_in(offices.kai).get(f"{API}progress/?year=2022").json() == []
    assert signed_in(offices.kai).get(f"{API}progress/").status_code == 400


def test_removing_a_partner_and_a_fact(offices) -> None:
    client = signed_in(offices.elena)
    partner = send(
        client,
        "POST",
        f"{API}outcomes/{offices.outcome.pk}/partners/",
        {"name": "INMUJERES", "kind": "government"},
    ).json()
    url = f"{API}outcomes/{offices.outcome.pk}/partners/{partner['id']}/"
    assert send(signed_in(offices.vic), "DELETE", url, {}).status_code == 403
    assert send(client, "DELETE", url, {}).status_code == 204
    assert send(client, "DELETE", url, {}).status_code == 404
    narrative = f"{API}outcomes/{offices.outcome.pk}/narratives/2022/"
    body = {"text": {"en": "x"}, "progress": "on_track", "expected_version": 0}
    send(client, "PUT", narrative, body)
    fact = send(client, "POST", narrative + "facts/", {"value": "15", "label": "centres"}).json()
    assert (
        send(signed_in(offices.kai), "DELETE", f"{API}facts/{fact['id']}/", {}).status_code == 404
    )
    assert send(client, "DELETE", f"{API}facts/{fact['id']}/", {}).status_code == 204
    assert client.get(narrative).json()["facts"] == []
