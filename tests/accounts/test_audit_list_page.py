"""The audit trail page reads as words: actions by name, the row as a link where the reader
may open it, changes as before and after, dates in the reader's format."""

from __future__ import annotations

import re

import pytest

from cometa.accounts import services as accounts_services
from cometa.core.registry import registry
from cometa.scorecards.assessments import services
from cometa.scorecards.frameworks.store import framework_sync_builtin, latest_published
from cometa.scorecards.models import AssessmentKind


@pytest.fixture
def assessment(world):
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


def _page(client, language="en") -> str:
    response = client.get("/audit/", HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 200
    return response.content.decode()


def test_actions_are_named_and_rows_linked(world, assessment, client_for):
    page = _page(client_for(world.ada))
    assert '<span title="assessment.create">Assessment started</span>' in page
    assert f'<a href="/scorecards/{assessment.pk}/">' in page
    assert f'<a href="/organisations/{world.unct.pk}/">' in page
    assert "<code>assessment.create</code>" not in page


def test_changes_read_as_before_and_after_without_python_dictionaries(world, client_for):
    before = world.unct.name
    accounts_services.organisation_update(
        actor=world.ada, organisation=world.unct, name="UNCT Qazaqstan"
    )
    page = _page(client_for(world.ada))
    table = page[page.index("<tbody>") : page.index("</tbody>")]
    assert "{" not in table
    assert (
        f'<dt>name</dt>\n    <dd><span class="before">{before}</span> → '
        '<span class="after">UNCT Qazaqstan</span></dd>'
    ) in table


def test_the_page_is_in_spanish_with_spanish_dates(world, assessment, client_for):
    page = _page(client_for(world.ada), "es")
    assert "Evaluación iniciada" in page
    assert re.search(r"<time datetime=\"[^\"]+\">\d{1,2} \w{3} \d{4}, \d\d:\d\d</time>", page)


def test_a_row_the_reader_may_not_open_is_not_linked(world, assessment):
    assert registry.object_link(world.oscar, "scorecards.assessment", str(assessment.pk)) is None
    assert registry.object_link(world.aisha, "scorecards.assessment", str(assessment.pk))
    assert registry.object_link(world.aisha, "scorecards.assessment", "9" * 30) is None
    assert registry.object_link(world.oscar, "accounts.organisation", str(world.unct.pk)) is None
