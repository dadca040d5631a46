"""Suggested ratings from the results of the same country, read as one person may read
them, and the team's decision on them (accepted or overridden, both audited)."""

from __future__ import annotations

import pytest
from django.http import Http404

from cometa.accounts import services as accounts
from cometa.accounts.acting import SYSTEM
from cometa.accounts.models import AuditEntry
from cometa.accounts.models.organisations import OrganisationKind as Kind
from cometa.core.errors import Conflict, NotPermitted, ValidationFailed
from cometa.results.inputs import PlanContent
from cometa.results.services import framework
from cometa.scorecards.assessments import suggested, suggestion_services
from cometa.scorecards.models import AssessmentStatus, IndicatorAssessment, SuggestionDecision
from cometa.scorecards.web import pages
from cometa.scorecards.web.suggestion_panel import suggestion_panel
from tests.links.conftest import attach_cf, budget, narrate


def by_code(person, country) -> dict[str, suggested.RatedSuggestion]:
    found = suggested.suggestions_for(person, country.assessment)
    return {item.suggestion.indicator_code: item for item in found}


def row(country, code: str) -> IndicatorAssessment:
    found = country.assessment.indicators.get(code=code)
    found.assessment = country.assessment
    return found


def test_the_kazakhstan_count_38_of_78_suggests_meets(country) -> None:
    attach_cf(country, 78, 38)
    item = by_code(country.world.aisha, country)["1.3"]
    assert item.level == "meets"
    assert item.suggestion.figures == {
        "year": 2022,
        "counted": 78,
        "gender_sensitive": 38,
        "percent": 48.72,
    }
    assert "38 of 78" in item.suggestion.summary
    assert len(item.suggestion.evidence) == 78
    assert item.suggestion.evidence[0].label == "UN Women Kazakhstan"
    assert item.suggestion.rows == (country.office.pk,)


def test_budget_and_outcomes_give_pi_61_and_71(country) -> None:
    budget(country, 300, 3)
    budget(country, 100, 0, activity="Equipment")
    narrate(country, country.outcome, "on_track")
    found = by_code(country.world.aisha, country)
    assert found["6.1"].suggestion.answers == {"meets.b": "met"}
    assert found["6.1"].suggestion.figures["currencies"]["USD"]["share"] == "0.75"
    assert found["7.1"].level == "meets"
    assert found["7.1"].suggestion.figures == {"year": 2022, "on_track": 1, "assessed": 1}


def test_no_data_no_suggestion(country) -> None:
    assert suggested.suggestions_for(country.world.aisha, country.assessment) == []
    narrate(country, country.outcome, "not_assessed")
    assert suggested.suggestions_for(country.world.aisha, country.assessment) == []


def test_a_plan_not_covering_the_year_is_not_read(country) -> None:
    country.plan.__class__.objects.filter(pk=country.plan.pk).update(start_year=2023)
    attach_cf(country, 3, 1)
    assert suggested.suggestions_for(country.world.aisha, country.assessment) == []


def test_another_countrys_offices_are_not_read(country) -> None:
    mexico = accounts.organisation_create(
        actor=SYSTEM,
        name="UN Women Mexico",
        kind=Kind.UN_WOMEN_OFFICE,
        parent=country.world.other_unct,
    )
    framework.plan_create(actor=SYSTEM, office=mexico, content=PlanContent("SN", 2022, 2025, "MEX"))
    attach_cf(country, 2, 1)
    item = by_code(country.world.ada, country)["1.3"]  # the administrator reads every office
    assert item.suggestion.rows == (country.office.pk,)


def test_who_cannot_read_the_office_sees_nothing_from_it(country) -> None:
    """Bolat edits the assessment for UNDP but may not read UN Women's results: no
    suggestion, no figures, no evidence, and nothing to accept."""
    attach_cf(country, 78, 38)
    narrate(country, country.outcome, "on_track")
    bolat = country.world.bolat
    assert suggested.suggestions_for(bolat, country.assessment) == []
    with pytest.raises(Http404):
        suggestion_services.suggestion_accept(
            actor=bolat, indicator=row(country, "1.3"), source="results", expected_version=1
        )
    with pytest.raises(Http404):
        suggestion_services.suggestion_override(
            actor=bolat, indicator=row(country, "1.3"), source="results", reason="No."
        )
    # Aisha accepts; what Bolat then sees of the decision carries no figures.
    suggestion_services.suggestion_accept(
        actor=country.world.aisha,
        indicator=row(country, "1.3"),
        source="results",
        expected_version=1,
    )
    page = pages.indicator_page(bolat, row(country, "1.3"), "en")
    panel = suggestion_panel(bolat, page, may_edit=True, labels=page.level_labels)
    assert panel.items == []
    assert [shown.summary for shown in panel.decisions] == [""]
    page = pages.indicator_page(country.world.aisha, row(country, "1.3"), "en")
    panel = suggestion_panel(country.world.aisha, page, may_edit=True, labels=page.level_labels)
    assert "38 of 78" in panel.decisions[0].summary


def test_accepting_applies_the_suggestion_and_is_audited(country) -> None:
    attach_cf(country, 78, 38)
    decision = suggestion_services.suggestion_accept(
        actor=country.world.aisha,
        indicator=row(country, "1.3"),
        source="results",
        expected_version=1,
    )
    stored = row(country, "1.3")
    assert stored.reassessed and stored.computed_level == stored.agreed_level == "meets"
    assert stored.inputs["pct_indicators"] == pytest.approx(48.7179, abs=1e-3)
    assert (decision.decision, decision.suggested_level, decision.team_level) == (
        "accepted",
        "meets",
        "meets",
    )
    entry = AuditEntry.objects.get(action="assessment.suggestion.accept")
    assert entry.changes["figures"]["counted"] == 78
    assert entry.organisation_id == country.world.unct.pk
    assert AuditEntry.objects.filter(action="assessment.indicator.update").count() == 1


def test_accepting_a_stale_version_is_a_conflict(country) -> None:
    attach_cf(country, 3, 1)
    with pytest.raises(Conflict):
        suggestion_services.suggestion_accept(
            actor=country.world.aisha,
            indicator=row(country, "1.3"),
            source="results",
            expected_version=7,
        )
    assert not SuggestionDecision.objects.exists()


def test_overriding_needs_a_reason_and_is_audited(country) -> None:
    attach_cf(country, 78, 38)
    with pytest.raises(ValidationFailed) as refused:
        suggestion_services.suggestion_override(
            actor=country.world.aisha, indicator=row(country, "1.3"), source="results", reason=" "
        )
    assert "reason" in refused.value.errors
    reason = "The Results Matrix was revised after the count; our own count gives 55 %."
    decision = suggestion_services.suggestion_override(
        actor=country.world.aisha, indicator=row(country, "1.3"), source="results", reason=reason
    )
    assert (decision.decision, decision.reason) == ("overridden", reason)
    assert row(country, "1.3").version == 1  # the indicator keeps the team's answers
    entry = AuditEntry.objects.get(action="assessment.suggestion.override")
    assert entry.changes["reason"] == reason and entry.changes["suggested_level"] == "meets"
    latest = by_code(country.world.aisha, country)["1.3"].decision
    assert latest is not None and latest.pk == decision.pk


def test_a_viewer_and_a_submitted_assessment_are_refused(country) -> None:
    attach_cf(country, 3, 1)
    with pytest.raises(NotPermitted):
        suggestion_services.suggestion_override(
            actor=country.world.sara, indicator=row(country, "1.3"), source="results", reason="x"
        )
    country.assessment.__class__.objects.filter(pk=country.assessment.pk).update(
        status=AssessmentStatus.SUBMITTED
    )
    with pytest.raises(Conflict):
        suggestion_services.suggestion_override(
            actor=country.world.aisha, indicator=row(country, "1.3"), source="results", reason="x"
        )
