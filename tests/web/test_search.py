"""One search box over every module: each module searches only what the person may see."""

from __future__ import annotations

from django.urls import reverse

from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.store import framework_sync_builtin, latest_published
from cometa.scorecards.models import AssessmentKind


def _search(client, query: str) -> str:
    response = client.get(reverse("web:search"), {"q": query})
    assert response.status_code == 200
    return response.content.decode().split("<main", 1)[1]


def test_finds_organisations_and_assessments_the_person_may_see(world, client_for):
    framework_sync_builtin()
    services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct,
            framework=latest_published("unct-swap"),
            year=2022,
            kind=AssessmentKind.COMPREHENSIVE,
        ),
    )
    page = _search(client_for(world.aisha), "kazakhstan")
    assert "UNCT Kazakhstan, 2022" in page and "UNDP Kazakhstan" in page
    assert "Assessment" in page and "Organisation" in page
    by_year = _search(client_for(world.aisha), "2022")
    assert "UNCT Kazakhstan, 2022" in by_year


def test_an_outsider_finds_nothing_of_another_team(world, client_for):
    page = _search(client_for(world.oscar), "kazakhstan")
    assert "“kazakhstan”" in page  # the query is echoed
    assert reverse("accounts:organisation", args=[world.unct.pk]) not in page
    assert "0 results" in page


def test_an_empty_query_searches_nothing_and_a_long_one_is_cut(world, client_for):
    client = client_for(world.aisha)
    assert "results for" not in _search(client, "   ")
    page = _search(client, "x" * 500)
    assert "x" * 100 in page and "x" * 101 not in page


def test_search_needs_a_signed_in_person(client):
    response = client.get(reverse("web:search"), {"q": "a"})
    assert response.status_code == 302
