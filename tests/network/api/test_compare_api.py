"""The comparison and reach API: the same stored values as the pages, no peer named or
listed (only quartiles of five or more shown values), a partner's staff reach only their
own centres, everyone inside reads the reach gaps, and only the backbone's coordinators
set and remove reference shares."""

from __future__ import annotations

import json

import pytest

from cometa.accounts.models import AuditEntry
from cometa.network.comparison.reach import GROUPS
from cometa.network.models import NetworkReference, Site
from cometa.network.selectors_compare import site_comparison
from tests.conftest import signed_in
from tests.network.compare_world import compared_network

pytestmark = pytest.mark.django_db


@pytest.fixture
def made():
    return compared_network()


def _base(made) -> str:  # type: ignore[no-untyped-def]
    return f"/api/v1/network/networks/{made['network'].pk}/"


def _post(client, made, body):  # type: ignore[no-untyped-def]
    url = f"{_base(made)}reach/references/"
    return client.post(url, json.dumps(body), content_type="application/json")


def test_a_centre_against_its_peers_as_the_pages_compute_it(made):
    site = made["site"]
    answer = signed_in(made["staff"]).get(f"{_base(made)}compare/{site.pk}/")
    assert answer.status_code == 200
    data = answer.json()
    found = site_comparison(made["coordinator"], made["run"], site).comparison
    assert data["run"]["id"] == made["run"].pk and data["site"]["name"] == site.name
    assert [row["code"] for row in data["indicators"]] == [row.code for row in found.rows]
    for row, expected in zip(data["indicators"], found.rows, strict=True):
        peers = expected.compared_with
        assert row["peers_shown"] == len(peers.shown)
        assert row["median"] == (None if peers.median is None else str(peers.median))
        if row["peers_shown"] < 5:
            assert row["minimum"] is None and row["standing"] == "unknown"
    assert data["successes"] == [row.code for row in found.successes]
    others = Site.objects.filter(network=made["network"]).exclude(pk=site.pk)
    text = json.dumps(data)
    assert not any(other.name in text for other in others)


def test_a_partner_reaches_only_its_own_centres(made):
    staff = signed_in(made["staff"])
    listed = staff.get(f"{_base(made)}compare/").json()
    own = set(Site.objects.filter(member=made["site"].member).values_list("pk", flat=True))
    assert {site["id"] for site in listed["sites"]} == own
    other = Site.objects.filter(network=made["network"]).exclude(member=made["site"].member)[0]
    assert staff.get(f"{_base(made)}compare/{other.pk}/").status_code == 404
    coordinator = signed_in(made["coordinator"])
    assert coordinator.get(f"{_base(made)}compare/{other.pk}/").status_code == 200
    outsider = signed_in(made["outsider"])
    assert outsider.get(f"{_base(made)}compare/").status_code == 404
    assert outsider.get(f"{_base(made)}reach/").status_code == 404


def test_reach_gaps_and_reference_shares(made):
    coordinator, staff = signed_in(made["coordinator"]), signed_in(made["staff"])
    body = {"group": "indigenous", "share": "12.5", "source": "INEGI 2020", "year": 2020}
    assert _post(staff, made, body).status_code == 403
    bad = _post(coordinator, made, {**body, "group": "violence"})
    assert bad.status_code == 400
    done = _post(coordinator, made, body)
    assert done.status_code == 200 and done.json()["share"] == "12.5"
    assert AuditEntry.objects.filter(action="network.reference.set").exists()
    data = staff.get(f"{_base(made)}reach/").json()
    groups = {group["key"]: group for group in data["groups"]}
    assert list(groups) == [group.key for group in GROUPS]
    assert not groups["violence"]["recorded"] and groups["violence"]["not_recorded"]
    indigenous = groups["indigenous"]
    assert indigenous["reference"]["share"] == "12.5"
    share = indigenous["share"]
    if share["value"] is not None:
        expected = round(float(share["value"]) - 12.5, 1)
        assert float(indigenous["gap"]) == pytest.approx(expected)
        assert indigenous["behind"] == (expected < 0)
    assert {o["code"] for o in indigenous["outcomes"]} == {"CI-05", "CI-04", "CI-07-FU6"}
    listed = staff.get(f"{_base(made)}reach/references/").json()
    assert [ref["group"] for ref in listed] == ["indigenous"]
    url = f"{_base(made)}reach/references/indigenous/"
    assert staff.delete(url).status_code == 403
    assert coordinator.delete(url).status_code == 204
    assert not NetworkReference.objects.exists()
