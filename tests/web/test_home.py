"""The landing page shows each person what waits for them, and only what they may see."""

from __future__ import annotations

import pytest
from django.urls import reverse

from cometa.scorecards.assessments import services
from cometa.scorecards.assessments.workflow import transition
from cometa.scorecards.frameworks.store import framework_sync_builtin, latest_published
from cometa.scorecards.models import Assessment, AssessmentKind


@pytest.fixture
def assessment(world) -> Assessment:
    """A draft comprehensive assessment of the Kazakhstan team for 2022."""
    framework_sync_builtin()
    return services.assessment_create(
        actor=world.aisha,
        new=services.NewAssessment(
            organisation=world.unct,
            framework=latest_published("unct-swap"),
            year=2022,
            kind=AssessmentKind.COMPREHENSIVE,
        ),
    )


def _home(client_for, person) -> str:
    response = client_for(person).get(reverse("web:home"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_reviewer_finds_the_submitted_assessment_on_the_landing_page(
    world, assessment, client_for
):
    transition(actor=world.aisha, assessment=assessment, step_name="submit")
    page = _home(client_for, world.rita)
    link = reverse("scorecards:assessment", args=[assessment.pk])
    assert "Waiting for review" in page
    assert f'href="{link}"' in page and "UNCT Kazakhstan, 2022" in page
    assert "Submitted" in page


def test_the_team_finds_its_draft_and_an_outsider_finds_nothing(world, assessment, client_for):
    page = _home(client_for, world.aisha)
    assert "Assessments to finish" in page and "UNCT Kazakhstan, 2022" in page
    outsider = _home(client_for, world.oscar)
    assert "Assessments to finish" not in outsider and "UNCT Kazakhstan" not in outsider


def test_the_list_is_in_the_readers_language(world, assessment, client_for):
    client = client_for(world.aisha)
    response = client.get(reverse("web:home"), HTTP_ACCEPT_LANGUAGE="es")
    assert "Evaluaciones por terminar" in response.content.decode()


@pytest.mark.parametrize(
    ("who", "most"),
    [
        # session, person, memberships (navigation, second factor, cards), drafts to finish,
        # the networks the person reaches (the network module's navigation entry and cards)
        ("bolat", 5),
        # ... and the organisations inside the country team the coordinator belongs to
        ("aisha", 6),
        # session, person, memberships, assessments waiting for review (no editing role),
        # networks reached
        ("rita", 5),
    ],
)
def test_the_landing_page_reads_the_database_a_fixed_number_of_times(
    world, assessment, client_for, django_assert_max_num_queries, who, most
):
    """The query count is pinned: a person's memberships are read once per request and
    shared by the navigation, the second-factor gate and every module's cards."""
    client = client_for(getattr(world, who))
    client.get(reverse("web:home"))  # the session's first write happens once
    with django_assert_max_num_queries(most):
        response = client.get(reverse("web:home"))
    assert response.status_code == 200
