"""The knowledge hub: who may search it, what it finds, and what it never shows."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cometa.accounts import services as accounts_services
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.accounts.roles import Role
from cometa.scorecards.assessments import services
from cometa.scorecards.models import AssessmentKind, Evidence
from cometa.scorecards.reporting import hub
from tests.conftest import make_person, signed_in

URL = "/scorecards/hub/"


@pytest.fixture
def shelf(world, swap):
    """Shared and unshared evidence of two teams."""
    kazakhstan, mexico = (
        services.assessment_create(
            actor=SYSTEM,
            new=services.NewAssessment(
                organisation=team, framework=swap, year=2022, kind=AssessmentKind.COMPREHENSIVE
            ),
        )
        for team in (world.unct, world.other_unct)
    )
    made = {
        "cca": Evidence(
            assessment=kazakhstan,
            indicator_code="1.1",
            title="Gender analysis in the Common Country Analysis",
            stored_name="a" * 32,
            original_name="cca.pdf",
            shared=True,
        ),
        "budget": Evidence(
            assessment=mexico,
            indicator_code="6.1",
            title="Gender budget tracking: a GOOD practice",
            url="https://example.org/budget",
            shared=True,
            is_good_practice=True,
        ),
        "named": Evidence(
            assessment=mexico,
            indicator_code="1.1",
            title="Survey of gender focal points",
            shared=True,
        ),
        "memo": Evidence(
            assessment=kazakhstan, indicator_code="4.1", title="Internal gender memo", shared=False
        ),
        "kept": Evidence(
            assessment=mexico,
            indicator_code="7.1",
            title="Gender results kept in the team",
            shared=False,
            is_good_practice=True,  # a good practice the team did not share
        ),
    }
    for evidence in made.values():
        evidence.save()
    return made


def titles(response) -> list[str]:
    return [item.evidence.title for item in response.context["items"]]


# --- who -------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["sara", "bolat", "aisha", "rita", "oscar", "ada"])
def test_members_of_country_teams_reviewers_and_administrators_may_search(shelf, world, name):
    assert signed_in(getattr(world, name)).get(URL).status_code == 200


def test_others_are_told_there_is_no_page(shelf, world):
    nobody = make_person("nobody@example.org", "Nobody")
    network = accounts_services.organisation_create(
        actor=SYSTEM, name="A network", kind=Kind.BACKBONE
    )
    partner = make_person("partner@example.org", "Partner")
    accounts_services.membership_add(
        actor=SYSTEM, organisation=network, person=partner, role=Role.COORDINATOR
    )
    assert signed_in(nobody).get(URL).status_code == 404
    assert signed_in(partner).get(URL).status_code == 404
    response = signed_in(None).get(URL)
    assert response.status_code == 302
    assert response.headers["Location"].startswith("/accounts/sign-in/")


def test_the_route_is_named():
    assert reverse("scorecards:hub") == URL


# --- what it shows ------------------------------------------------------------------------------


def test_unshared_evidence_never_appears(shelf, world):
    for name in ("sara", "aisha", "rita", "ada"):  # not even to its own team or an admin
        client = signed_in(getattr(world, name))
        for query in ({}, {"q": "gender"}, {"indicator": "1.1"}, {"good_practice": "on"}):
            response = client.get(URL, query)
            html = response.content.decode()
            assert "Internal gender memo" not in html
            assert "Gender results kept in the team" not in html
    response = signed_in(world.rita).get(URL)
    assert sorted(titles(response)) == sorted(
        shelf[key].title for key in ("cca", "budget", "named")
    )
    indicators = [code for code, _ in response.context["form"].fields["indicator"].choices]
    assert indicators == ["", "1.1", "6.1"]  # 4.1 and 7.1 only have unshared evidence
    assert set(hub.shared_evidence()) == {shelf["cca"], shelf["budget"], shelf["named"]}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"q": "GENDER"}, {"cca", "budget", "named"}),
        ({"q": "good practice"}, {"budget"}),
        ({"q": "nothing like this"}, set()),
        ({"indicator": "1.1"}, {"cca", "named"}),
        ({"indicator": "6.1"}, {"budget"}),
        ({"country": "KAZ"}, {"cca"}),
        ({"country": "MEX"}, {"budget", "named"}),
        ({"country": "MEX", "indicator": "1.1"}, {"named"}),
        ({"good_practice": "on"}, {"budget"}),
        ({"q": "analysis", "country": "KAZ", "indicator": "1.1"}, {"cca"}),
    ],
)
def test_search(shelf, world, query, expected):
    response = signed_in(world.oscar).get(URL, query)
    assert response.status_code == 200
    assert set(titles(response)) == {shelf[key].title for key in expected}


def test_a_search_the_form_refuses(shelf, world):
    response = signed_in(world.sara).get(URL, {"country": "ATLANTIS"})
    assert response.status_code == 400
    assert titles(response) == []
    assert response.context["form"].errors["country"]


def test_links_to_download_follow_or_to_the_title_only(shelf, world):
    response = signed_in(world.sara).get(URL)
    items = {item.evidence.title: item for item in response.context["items"]}
    cca = items[shelf["cca"].title]
    assert cca.href == reverse("scorecards:evidence-download", args=[shelf["cca"].pk])
    assert cca.is_file
    assert items[shelf["budget"].title].href == "https://example.org/budget"
    assert items[shelf["named"].title].href is None
    html = response.content.decode()
    assert f'<a href="{cca.href}">' in html
    assert 'href="https://example.org/budget" rel="noopener noreferrer nofollow"' in html


def test_without_a_download_route_the_title_shows_alone(shelf, monkeypatch):
    monkeypatch.setattr(hub, "DOWNLOAD_ROUTE", "scorecards:no-such-route")
    assert hub.download_url(shelf["cca"]) is None
    assert hub.download_url(shelf["budget"]) == "https://example.org/budget"


def test_a_link_that_is_not_web_is_not_linked(shelf):
    shelf["budget"].url = "javascript:alert(1)"
    assert hub.download_url(shelf["budget"]) is None


def test_pages(world, swap):
    assessment = services.assessment_create(
        actor=SYSTEM,
        new=services.NewAssessment(
            organisation=world.unct, framework=swap, year=2021, kind=AssessmentKind.COMPREHENSIVE
        ),
    )
    Evidence.objects.bulk_create(
        Evidence(assessment=assessment, title=f"Shared {n:02}", shared=True) for n in range(30)
    )
    client = signed_in(world.sara)
    first = client.get(URL)
    assert len(titles(first)) == 25
    assert first.context["page"].paginator.num_pages == 2
    second = client.get(URL, {"page": 2})
    assert len(titles(second)) == 5
    assert not set(titles(first)) & set(titles(second))


def test_the_search_form(shelf, world):
    page = signed_in(world.sara).get(URL, {"q": "cca"}).content.decode()
    html = page.split("<main", 1)[1]  # the header has the platform-wide search box
    assert html.count('type="search"') == 1 and 'type="text"' not in html
    assert 'value="cca"' in html
