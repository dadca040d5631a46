"""Good practices of the knowledge hub: who marks them, the audit trail, the hub's button
and the API field."""

from __future__ import annotations

import pytest

from cometa.accounts import audit
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.core.errors import NotPermitted
from cometa.scorecards.assessments import services
from cometa.scorecards.models import AssessmentKind, Evidence
from cometa.scorecards.records import evidence, good_practice
from tests.conftest import signed_in

HUB = "/scorecards/hub/"
API = "/api/v1/scorecards/hub/"


@pytest.fixture
def items(world, swap) -> dict[str, Evidence]:
    assessment = services.assessment_create(
        actor=SYSTEM,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2022, kind=AssessmentKind.COMPREHENSIVE
        ),
    )

    def link(title: str, *, shared: bool) -> Evidence:
        return evidence.evidence_link(
            actor=SYSTEM,
            assessment=assessment,
            url="https://example.org/practice",
            title=title,
            indicator_code="2.2",
            shared=shared,
        )

    return {
        "shared": link("Joint campaign with women's clubs", shared=True),
        "kept": link("Internal memo", shared=False),
    }


def _entries(item: Evidence) -> list[AuditEntry]:
    return list(
        AuditEntry.objects.filter(
            action="assessment.evidence.good_practice", object_id=str(item.pk)
        ).order_by("seq")
    )


# --- the service -----------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["rita", "ada"])
def test_reviewers_and_administrators_mark_and_unmark_with_an_audit_entry(world, items, name):
    actor, item = getattr(world, name), items["shared"]
    mark = good_practice.evidence_good_practice_set
    marked = mark(actor=actor, evidence=item, good_practice=True)
    assert marked.is_good_practice and Evidence.objects.get(pk=item.pk).is_good_practice
    mark(actor=actor, evidence=item, good_practice=False)
    assert not Evidence.objects.get(pk=item.pk).is_good_practice
    entries = _entries(item)
    assert [entry.changes for entry in entries] == [
        {"is_good_practice": [False, True]},
        {"is_good_practice": [True, False]},
    ]
    assert {entry.actor_id for entry in entries} == {actor.pk}
    assert entries[0].organisation_id == world.unct.pk
    assert audit.verify().problem is None


@pytest.mark.parametrize("name", ["sara", "bolat", "aisha", "oscar"])
def test_team_members_may_not_mark(world, items, name):
    with pytest.raises(NotPermitted):
        good_practice.evidence_good_practice_set(
            actor=getattr(world, name), evidence=items["shared"], good_practice=True
        )
    assert not Evidence.objects.get(pk=items["shared"].pk).is_good_practice
    assert not _entries(items["shared"])


def test_setting_the_mark_it_has_writes_nothing(world, items):
    item = items["shared"]
    good_practice.evidence_good_practice_set(actor=world.rita, evidence=item, good_practice=False)
    assert not _entries(item)


# --- the page --------------------------------------------------------------------------------


def test_the_hub_shows_the_button_to_reviewers_only(world, items):
    mark = f"/scorecards/hub/{items['shared'].pk}/good-practice/"
    assert mark in signed_in(world.rita).get(HUB).content.decode()
    assert mark not in signed_in(world.sara).get(HUB).content.decode()


def test_the_button_marks_and_goes_back_to_the_same_search(world, items):
    item = items["shared"]
    response = signed_in(world.rita).post(
        f"/scorecards/hub/{item.pk}/good-practice/",
        {"good_practice": "1", "query": "indicator=2.2&q=campaign"},
    )
    assert response.status_code == 302
    assert response["Location"] == HUB + "?indicator=2.2&q=campaign"
    assert Evidence.objects.get(pk=item.pk).is_good_practice
    page = signed_in(world.sara).get(HUB, {"good_practice": "on"})
    assert [row.evidence.pk for row in page.context["items"]] == [item.pk]
    signed_in(world.rita).post(f"/scorecards/hub/{item.pk}/good-practice/", {"good_practice": "0"})
    assert not Evidence.objects.get(pk=item.pk).is_good_practice


def test_unshared_evidence_is_not_reached_through_the_hub(world, items):
    response = signed_in(world.ada).post(
        f"/scorecards/hub/{items['kept'].pk}/good-practice/", {"good_practice": "1"}
    )
    assert response.status_code == 404
    assert not Evidence.objects.get(pk=items["kept"].pk).is_good_practice


# --- the API ---------------------------------------------------------------------------------


def test_the_api_lists_shared_evidence_with_its_mark(world, items):
    good_practice.evidence_good_practice_set(
        actor=SYSTEM, evidence=items["shared"], good_practice=True
    )
    response = signed_in(world.sara).get(API)
    assert response.status_code == 200
    (row,) = response.json()["results"]
    assert row["id"] == items["shared"].pk and row["is_good_practice"] is True
    assert row["team"] == world.unct.name and row["year"] == 2022
    only = signed_in(world.sara).get(API, {"good_practice": "false", "indicator": "9.9"})
    assert only.json()["results"] == []


def test_the_api_sets_the_mark_for_reviewers(world, items):
    url = f"{API}{items['shared'].pk}/"
    client = signed_in(world.rita)
    response = client.patch(url, {"is_good_practice": True}, content_type="application/json")
    assert response.status_code == 200 and response.json()["is_good_practice"] is True
    refused = signed_in(world.aisha).patch(
        url, {"is_good_practice": False}, content_type="application/json"
    )
    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "forbidden"
    assert Evidence.objects.get(pk=items["shared"].pk).is_good_practice
    invalid = client.patch(url, {"is_good_practice": "perhaps"}, content_type="application/json")
    assert invalid.status_code == 400
